/** Re-plans every running task after a calendar change: one run per change, by its business key. */
export interface CalendarReplanInput {
  /** The calendar_change row the fan-out answers to. */
  changeId: string;
  reason: string;
  changedDays: string[];
  /** Where a continued run picks up: the last task id already signalled, and the counts so far. */
  after?: string | null;
  signalled?: number;
  missing?: number;
}

export interface CalendarReplanResult {
  /** Running task workflows told to re-plan. */
  signalled: number;
  /** Open tasks whose workflow was gone (finished meanwhile). */
  missing: number;
  /** False when the change never committed: nothing was signalled. */
  committed: boolean;
}

export interface OpenTaskPage {
  /** Task ids with their workflow ids, in id order. */
  tasks: { taskId: string; workflowId: string }[];
}

/** One fan-out per calendar change: a retried start finds it running and starts nothing new. */
export const calendarReplanWorkflowId = (changeId: string): string => `calendar-replan-${changeId}`;

/** Tasks signalled per activity page; the run continues as new every few pages to keep history short. */
export const REPLAN_PAGE_SIZE = 200;
