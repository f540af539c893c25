import type { TaskWorkflowInput } from '../tasks/task.definitions';

export interface MeasureWorkflowInput {
  documentId: string;
  measureId: string;
  tasks: TaskWorkflowInput[];
}

export interface DocumentWorkflowInput {
  documentId: string;
  measures: MeasureWorkflowInput[];
}

/** Business-key workflow IDs: launching twice finds these taken and starts nothing new. */
export const documentWorkflowId = (documentId: string): string => `document-${documentId}`;
export const measureWorkflowId = (measureId: string): string => `measure-${measureId}`;
export const taskWorkflowId = (taskId: string): string => `task-${taskId}`;
