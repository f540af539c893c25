import type { ErrorStatuses } from './domain/domain-error';

/**
 * Codes that more than one context throws with the same meaning (the task workflow's update
 * rejections and the calendar both check dates, reasons and calendar coverage). They are declared
 * here once, so a context cannot give one of them another status.
 */
export const SHARED_ERRORS = {
  INVALID_DATE: 400,
  REASON_REQUIRED: 400,
  CALENDAR_NOT_COVERED: 422,
} as const satisfies ErrorStatuses<string>;

export type SharedErrorCode = keyof typeof SHARED_ERRORS;
