import { DomainError, type ErrorStatuses } from '../errors/domain/domain-error';
import type { SharedErrorCode } from '../errors/shared.errors';

export type CalendarErrorCode = SharedErrorCode | keyof typeof CALENDAR_ERRORS;

/** Every code of the calendar context and its HTTP status; dates, reasons and coverage are shared. */
export const CALENDAR_ERRORS = {
  INVALID_CALENDAR: 422,
  YEAR_NOT_FOUND: 404,
  INVALID_NOTICE: 422,
} as const satisfies ErrorStatuses<string>;

/** A calendar operation was refused. The domain's CalendarGapError carries the shared 'CALENDAR_NOT_COVERED'. */
export class CalendarError extends DomainError<CalendarErrorCode> {
  constructor(code: CalendarErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'CalendarError';
  }
}
