import { DomainError, type ErrorStatuses } from '../errors/domain/domain-error';

export type NoticeErrorCode = keyof typeof NOTICE_ERRORS;

/** Every code of the notices context and its HTTP status. */
export const NOTICE_ERRORS = {
  NOTICE_NOT_FOUND: 404,
  INVALID_NOTICE_TEMPLATE: 422,
  // The server lacks the CJK font: the admin installs a package; not the caller's fault, not a bug.
  NOTICE_FONT_MISSING: 503,
} as const satisfies ErrorStatuses<string>;

/** A business error of the notices context. */
export class NoticeError extends DomainError<NoticeErrorCode> {
  constructor(code: NoticeErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'NoticeError';
  }
}
