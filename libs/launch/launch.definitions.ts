import type { RosterTask } from '../tasks/domain/measure-done';
import type { TaskWorkflowInput } from '../tasks/task.definitions';

/** What a measure's run hands the next (a recurring measure continues as new per period). */
export interface MeasureCarry {
  /** The tasks of earlier periods not all final yet, as the done rule reads them. */
  tasks: RosterTask[];
  /** The tasks already sent `measureDone`. */
  told: string[];
}

/**
 * A measure's workflow: ids only; `tasks` is the inline shape of launches before `launch-by-id`.
 * A recurring measure's later runs name the period they issue and carry the open earlier ones.
 */
export interface MeasureWorkflowInput {
  documentId: string;
  measureId: string;
  tasks?: TaskWorkflowInput[];
  period?: number;
  carry?: MeasureCarry;
}

/** When a recurring measure's next period starts: its tasks are issued then. */
export interface NextPeriod {
  period: number;
  /** The instant the period's tasks are issued (its first day, 09:00 Beijing). */
  issueAt: string;
}

/** The document's workflow: its id only; `measures` is the inline shape of launches before `launch-by-id`. */
export interface DocumentWorkflowInput {
  documentId: string;
  measures?: MeasureWorkflowInput[];
}

/** What a measure workflow loads to start its tasks: the launch's settings once, then each task's own fields. */
export interface MeasureLaunch {
  settings: Omit<TaskWorkflowInput, 'taskId' | 'agencyName' | 'role' | 'initialPlan' | 'historyLimit' | 'carry'>;
  tasks: Pick<TaskWorkflowInput, 'taskId' | 'agencyName' | 'role'>[];
  /** A recurring measure's next period (absent or null: none follows). */
  next?: NextPeriod | null;
}

/** One task's workflow input: the shared settings and its own fields, nothing that grows with the launch. */
export const taskWorkflowInput = (launch: MeasureLaunch, task: MeasureLaunch['tasks'][number]): TaskWorkflowInput => ({
  ...launch.settings,
  ...task,
});

/** Business-key workflow IDs: launching twice finds these taken and starts nothing new. */
export const documentWorkflowId = (documentId: string): string => `document-${documentId}`;
export const measureWorkflowId = (measureId: string): string => `measure-${measureId}`;
export { taskWorkflowId } from '../tasks/task.definitions';
