import { DomainError, type ErrorStatuses } from '../errors/domain/domain-error';

export type NotificationErrorCode = keyof typeof NOTIFICATION_ERRORS;

/** Every code of the notifications context and its HTTP status (an unknown agency is the registry's). */
export const NOTIFICATION_ERRORS = {
  NOTIFICATION_NOT_FOUND: 404,
  INBOX_ITEM_NOT_FOUND: 404,
  WEBHOOK_NOT_FOUND: 404,
} as const satisfies ErrorStatuses<string>;

/** A business error of the notifications context. */
export class NotificationError extends DomainError<NotificationErrorCode> {
  constructor(code: NotificationErrorCode, message: string) {
    super(code, message);
    this.name = 'NotificationError';
  }
}
