import type { UpdateRejection } from './task.definitions';

export type TaskErrorCode =
  | UpdateRejection
  | 'TASK_NOT_FOUND'
  | 'DOCUMENT_NOT_FOUND'
  | 'NOT_LAUNCHED'
  | 'ALREADY_LAUNCHED'
  | 'DUE_DATE_IN_PAST'
  | 'DUE_REQUIRED'
  | 'INVALID_LADDER'
  | 'WORKFLOW_UNAVAILABLE';

/** A business rule refused a task operation; the API maps `code` to an HTTP status. */
export class TaskError extends Error {
  constructor(
    readonly code: TaskErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'TaskError';
  }
}
