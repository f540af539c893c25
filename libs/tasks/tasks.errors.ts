import { DomainError, type ErrorStatuses } from '../errors/domain/domain-error';
import type { SharedErrorCode } from '../errors/shared.errors';
import type { UpdateRejection } from './task.definitions';

export type TaskErrorCode =
  | UpdateRejection
  | 'TASK_NOT_FOUND'
  | 'NOT_LAUNCHED'
  | 'ALREADY_LAUNCHED'
  | 'DUE_DATE_IN_PAST'
  | 'DUE_REQUIRED'
  | 'DUPLICATE_MEASURE'
  | 'MEASURE_NOT_IN_DOCUMENT'
  | 'INVALID_LADDER'
  | 'NO_TASKS'
  | 'AGENCY_REQUIRED'
  | 'LEAD_ALREADY_NAMED'
  | 'AGENCY_NOT_ON_MEASURE'
  | 'REPORTS_TO_LEAD'
  | 'NOT_LEAD'
  | 'WORKFLOW_REFUSED'
  | 'WORKFLOW_UNAVAILABLE';

/** Every code of the tasks context (and launch) and its HTTP status; dates, reasons and coverage are shared. */
export const TASK_ERRORS = {
  TASK_NOT_FOUND: 404,
  EVIDENCE_REQUIRED: 400,
  NOTE_REQUIRED: 400,
  DUE_REQUIRED: 400,
  DUPLICATE_MEASURE: 400,
  INVALID_LADDER: 400,
  DUE_DATE_IN_PAST: 422,
  NO_TASKS: 422,
  AGENCY_REQUIRED: 422,
  LEAD_ALREADY_NAMED: 422,
  AGENCY_NOT_ON_MEASURE: 422,
  // A cooperating task's input goes to its lead, who consolidates it: the coordinator reviews the lead's.
  REPORTS_TO_LEAD: 409,
  NOT_LEAD: 409,
  MEASURE_NOT_IN_DOCUMENT: 422,
  INVALID_REASSIGNMENT: 422,
  EXTENSION_TOO_LATE: 422,
  EXTENSION_LIMIT: 422,
  NOT_LAUNCHED: 409,
  ALREADY_LAUNCHED: 409,
  INVALID_TRANSITION: 409,
  EXTENSION_PENDING: 409,
  NO_PENDING_EXTENSION: 409,
  ALREADY_PAUSED: 409,
  NOT_PAUSED: 409,
  TASK_FINAL: 409,
  SELF_REVIEW: 409,
  NOT_SUPERVISED: 409,
  // The workflow service refused the start on its merits: retrying the same launch cannot help.
  WORKFLOW_REFUSED: 422,
  WORKFLOW_UNAVAILABLE: 503,
} as const satisfies ErrorStatuses<Exclude<TaskErrorCode, SharedErrorCode>>;

/** A business rule refused a task operation. */
export class TaskError extends DomainError<TaskErrorCode> {
  constructor(code: TaskErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'TaskError';
  }
}
