/** One notification row, delivered to its recipients' inboxes, email and webhooks. */
export interface DeliveryWorkflowInput {
  notificationId: string;
}

export type DeliveryChannel = 'email' | 'webhook';

/** Who gets it, resolved from users and roles when the notification fires (and kept in history). */
export interface DeliveryPlan {
  inboxUsers: number;
  emailUserIds: string[];
  webhookIds: string[];
}

export interface DeliverySummary {
  inboxUsers: number;
  sent: number;
  skipped: number;
  failed: number;
}

/** What a send activity reports: sent now, sent by an earlier attempt, or nothing to send. */
export type SendOutcome = 'sent' | 'already-sent' | 'skipped';

/** Business key: a notification's delivery is started once, however often the start is retried. */
export const deliveryWorkflowId = (notificationId: string) => `delivery-${notificationId}`;

/** Failures that no retry can fix (a receiver refusing the request, a notification gone). */
export const PERMANENT_DELIVERY_ERRORS = ['WEBHOOK_REJECTED', 'NOTIFICATION_NOT_FOUND', 'EMAIL_REJECTED'];
