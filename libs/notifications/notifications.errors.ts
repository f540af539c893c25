export type NotificationErrorCode =
  'NOTIFICATION_NOT_FOUND' | 'INBOX_ITEM_NOT_FOUND' | 'WEBHOOK_NOT_FOUND' | 'AGENCY_NOT_FOUND';

/** A business error of the notifications context, with a code the API maps to a status. */
export class NotificationError extends Error {
  constructor(
    readonly code: NotificationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NotificationError';
  }
}
