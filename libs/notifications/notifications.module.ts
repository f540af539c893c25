import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeliveryStore } from './delivery-store.service';
import { InboxService } from './inbox.service';
import { MailerService } from './mailer.service';
import { NotificationQueryService } from './notification-query.service';
import { WebhooksService } from './webhooks.service';

/** What the API needs: inboxes and webhook registration. */
@Module({
  imports: [AuditModule],
  providers: [InboxService, WebhooksService, NotificationQueryService],
  exports: [InboxService, WebhooksService, NotificationQueryService],
})
export class NotificationsModule {}

/** What the worker needs behind the delivery activities. */
@Module({
  providers: [DeliveryStore, MailerService],
  exports: [DeliveryStore, MailerService],
})
export class DeliveryModule {}
