import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../auth/auth.module';
import { RegistryModule } from '../documents/registry/registry.module';
import { TasksModule } from '../tasks/tasks.module';
import { DeliveryStore } from './delivery-store.service';
import { InboxService } from './inbox.service';
import { MailerService } from './mailer.service';
import { NotificationQueryService } from './notification-query.service';
import { NotificationStoreModule } from './notification-store.module';
import { WebhooksService } from './webhooks.service';

/** What the API needs: inboxes and webhook registration. */
@Module({
  imports: [AuditModule, NotificationStoreModule, RegistryModule, TasksModule],
  providers: [InboxService, WebhooksService, NotificationQueryService],
  exports: [InboxService, WebhooksService, NotificationQueryService, NotificationStoreModule],
})
export class NotificationsModule {}

/** What the worker needs behind the delivery activities; recipients come from auth. */
@Module({
  imports: [NotificationStoreModule, UsersModule],
  providers: [DeliveryStore, MailerService],
  exports: [DeliveryStore, MailerService, NotificationStoreModule],
})
export class DeliveryModule {}
