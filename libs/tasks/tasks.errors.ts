export type TaskErrorCode =
  | 'TASK_NOT_FOUND'
  | 'DOCUMENT_NOT_FOUND'
  | 'NOT_LAUNCHED'
  | 'ALREADY_LAUNCHED'
  | 'INVALID_DATE'
  | 'DUE_DATE_IN_PAST'
  | 'INVALID_TRANSITION'
  | 'EVIDENCE_REQUIRED'
  | 'REASON_REQUIRED'
  | 'NOTE_REQUIRED'
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
