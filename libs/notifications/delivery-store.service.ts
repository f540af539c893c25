import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { NotificationError } from './notifications.errors';
import {
  type DeliveryChannel,
  type DeliveryStatus,
  type NotificationToSendRow,
  NotificationsRepository,
} from './notifications.repository';

export type { DeliveryChannel, DeliveryStatus } from './notifications.repository';

export type { Audience } from '../clock/domain/ladder';

/** A notification with what its messages name: the task's agency and measure. */
export type NotificationToSend = NotificationToSendRow;

export interface Recipient {
  userId: string;
  email: string | null;
}

export interface DeliveryRecord {
  notificationId: string;
  channel: DeliveryChannel;
  target: string;
  status: DeliveryStatus;
  idempotencyKey: string;
  attempts: number | null;
  detail: string;
}

/** Stable keys: every send of one notification to one target carries the same one. */
export const emailMessageId = (notificationId: string, userId: string) =>
  `<notification-${notificationId}-${userId}@duban>`;
export const emailIdempotencyKey = (notificationId: string, userId: string) =>
  `notification-${notificationId}-email-${userId}`;
export const webhookIdempotencyKey = (notificationId: string, webhookId: string) =>
  `notification-${notificationId}-webhook-${webhookId}`;

/** What the delivery activities read and write: recipients, inbox rows, webhooks and delivery records. */
@Injectable()
export class DeliveryStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly users: UsersService,
  ) {}

  async notification(id: string): Promise<NotificationToSend> {
    const found = await this.notifications.toSend(id);
    if (!found) throw new NotificationError('NOTIFICATION_NOT_FOUND', `找不到通知 ${id}`);
    return found;
  }

  /** The notification ids an event wrote (its transaction has committed when this is called). */
  idsOfEvent(taskId: string, eventSeq: number): Promise<string[]> {
    return this.notifications.idsOfEvent(taskId, eventSeq);
  }

  /**
   * Resolves the recipients from today's users and roles and puts the notification in their
   * inboxes, in one transaction; a retry finds the rows there and adds none.
   */
  async fillInboxes(n: NotificationToSend): Promise<Recipient[]> {
    return this.db.transaction(async (tx) => {
      const recipients =
        n.audience !== 'liaison'
          ? await this.users.withRole(n.audience, tx)
          : n.taskAgencyId
            ? await this.users.liaisonsOf(n.taskAgencyId, tx)
            : [];
      if (recipients.length > 0) {
        await this.notifications.insertInboxItems(
          n.id,
          recipients.map((r) => r.userId),
          tx,
        );
      }
      return recipients;
    });
  }

  /** Active webhooks for a notification: system-wide ones, and the agency's for notices to its liaisons. */
  webhookIdsFor(n: NotificationToSend): Promise<string[]> {
    return this.notifications.activeWebhookIds(n.taskAgencyId, n.audience === 'liaison');
  }

  webhook(id: string): Promise<{ id: string; url: string; secret: string; active: boolean } | null> {
    return this.notifications.webhookSecret(id);
  }

  email(userId: string): Promise<string | null> {
    return this.users.email(userId);
  }

  wasSent(notificationId: string, channel: DeliveryChannel, target: string): Promise<boolean> {
    return this.notifications.wasSent(notificationId, channel, target);
  }

  /** Records an outcome once; a second record of the same target changes nothing. */
  async record(r: DeliveryRecord): Promise<void> {
    await this.notifications.insertDelivery({ ...r, detail: r.detail.slice(0, 2000) });
  }
}
