export type CalendarErrorCode =
  'CALENDAR_NOT_COVERED' | 'INVALID_DATE' | 'INVALID_CALENDAR' | 'REASON_REQUIRED' | 'YEAR_NOT_FOUND';

/**
 * A calendar operation was refused; the API maps `code` to an HTTP status.
 * The domain's CalendarGapError carries the same 'CALENDAR_NOT_COVERED' code.
 */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}
