import { ApplicationFailure } from '@temporalio/common';
import type { OpenTaskPage } from './calendar-replan.definitions';

export interface CalendarReplanActivityDeps {
  /** Running tasks (issued, in progress, submitted) with a workflow, in id order after `after`. */
  openTasks: { openTaskWorkflows(after: string | null, limit: number): Promise<OpenTaskPage['tasks']> };
  /** Whether the calendar change is committed. */
  changes: { changeExists(changeId: string): Promise<boolean> };
}

/** Activities of the calendar re-plan fan-out, built from injected services. */
export function createCalendarReplanActivities(deps: CalendarReplanActivityDeps) {
  return {
    async openTasksAfter(input: { after: string | null; limit: number }): Promise<OpenTaskPage> {
      return { tasks: await deps.openTasks.openTaskWorkflows(input.after, input.limit) };
    },
    /** Fails (and is retried) until the change is committed; a rolled-back change never is. */
    async calendarChangeCommitted(input: { changeId: string }): Promise<void> {
      if (!(await deps.changes.changeExists(input.changeId))) {
        throw ApplicationFailure.retryable(
          `calendar change ${input.changeId} is not committed`,
          'CHANGE_NOT_COMMITTED',
        );
      }
    },
  };
}
