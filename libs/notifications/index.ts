export { NotificationsModule, DeliveryModule } from './notifications.module';
export { NotificationError, type NotificationErrorCode } from './notifications.errors';
export { InboxService, type InboxItemView, type InboxPage } from './inbox.service';
export { WebhooksService, type WebhookView } from './webhooks.service';
export { DeliveryStore, emailIdempotencyKey, emailMessageId, webhookIdempotencyKey } from './delivery-store.service';
export { MailerService, type OutgoingMail } from './mailer.service';
export { DeliveryStarter } from './delivery-starter';
export { createDeliveryActivities, type DeliveryActivityDeps } from './delivery.activities';
export { webhookSignature, verifyWebhookSignature } from './webhook-signature';
