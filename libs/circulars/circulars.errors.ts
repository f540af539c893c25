import { DomainError, type ErrorStatuses } from '../errors/domain/domain-error';
import type { SharedErrorCode } from '../errors/shared.errors';

export type CircularErrorCode = SharedErrorCode | keyof typeof CIRCULAR_ERRORS;

/** Every code of the circulars context and its HTTP status; an invalid date is the shared INVALID_DATE. */
export const CIRCULAR_ERRORS = {
  CIRCULAR_NOT_FOUND: 404,
  // A circular is as of a closed day, so that it reads the same whenever it is made.
  AS_OF_NOT_CLOSED: 422,
  BACKFILL_RANGE_INVALID: 400,
} as const satisfies ErrorStatuses<string>;

/** A circular request was refused. */
export class CircularError extends DomainError<CircularErrorCode> {
  constructor(code: CircularErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'CircularError';
  }
}
