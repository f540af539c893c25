import type { TaskWorkflowInput } from '../tasks/task.definitions';

/** A measure's workflow: ids only; `tasks` is the inline shape of launches before `launch-by-id`. */
export interface MeasureWorkflowInput {
  documentId: string;
  measureId: string;
  tasks?: TaskWorkflowInput[];
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
