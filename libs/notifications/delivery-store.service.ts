import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { addressedLeaders, documentCoordinators } from './domain/recipients';
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

const NOBODY = { liaison: '联络员', coordinator: '协调处室人员', leader: '领导', admin: '系统管理员' } as const;

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

  /** The notifications an event wrote, once per digest each joins (its transaction has committed). */
  ofEvent(taskId: string, eventSeq: number): Promise<{ id: string; digestKey: string | null }[]> {
    return this.notifications.ofEvent(taskId, eventSeq);
  }

  /**
   * Who receives a notice, from today's users and roles: the one place this is decided. Liaisons
   * of the agency it is addressed to; the coordinators of its document; for leaders, the leader a
   * digest is addressed to, or the 分管 leaders of the task's agency (every leader where none is
   * set), or all leaders for a notice about neither; admins.
   */
  async recipientsOf(n: NotificationToSend, tx: EntityManager): Promise<Recipient[]> {
    switch (n.audience) {
      case 'liaison':
        return n.taskAgencyId ? this.users.liaisonsOf(n.taskAgencyId, tx) : [];
      case 'coordinator':
        return documentCoordinators(await this.users.withRole('coordinator', tx), n.launchedBy);
      case 'leader':
        if (n.userId) return addressedLeaders(await this.users.withRole('leader', tx), n.userId);
        return n.taskAgencyId ? this.users.leadersFor(n.taskAgencyId, tx) : this.users.withRole('leader', tx);
      case 'admin':
        return this.users.withRole(n.audience, tx);
    }
  }

  /**
   * Puts the notification in its recipients' inboxes, in one transaction; a retry finds the rows
   * there and adds none. A notice nobody can receive is recorded as undeliverable, for coordinators to see.
   */
  async fillInboxes(n: NotificationToSend): Promise<Recipient[]> {
    return this.db.transaction(async (tx) => {
      const recipients = await this.recipientsOf(n, tx);
      if (recipients.length > 0) {
        await this.notifications.insertInboxItems(
          n.id,
          recipients.map((r) => r.userId),
          tx,
        );
      } else {
        const target = n.audience === 'liaison' ? (n.taskAgencyId ?? 'liaison') : n.audience;
        await this.notifications.insertDelivery(
          {
            notificationId: n.id,
            channel: 'inbox',
            target,
            status: 'undeliverable',
            idempotencyKey: `notification-${n.id}-inbox-${target}`,
            attempts: null,
            detail: `${n.audience === 'liaison' ? (n.agencyName ?? '') : ''}没有在岗的${NOBODY[n.audience]}`,
          },
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
