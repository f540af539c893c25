import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeliveryChannel, DeliveryStatus } from './entities/delivery.entity';
import { NotificationError } from './notifications.errors';

export type Audience = 'liaison' | 'coordinator' | 'leader';

export interface NotificationToSend {
  id: string;
  taskId: string;
  eventSeq: number;
  audience: Audience;
  /** The task's agency (for every audience: the notice is about that agency's task). */
  taskAgencyId: string;
  agencyName: string;
  measureTitle: string;
  message: string;
  createdAt: string;
}

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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async notification(id: string): Promise<NotificationToSend> {
    const rows = await this.db.query<NotificationToSend[]>(
      `SELECT n.id::text AS id, n.task_id AS "taskId", n.event_seq AS "eventSeq", n.audience,
              t.agency_id AS "taskAgencyId", a.name AS "agencyName", m.title AS "measureTitle", n.message,
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM notification n JOIN task t ON t.id = n.task_id JOIN agency a ON a.id = t.agency_id
         JOIN measure m ON m.id = t.measure_id
       WHERE n.id = $1`,
      [id],
    );
    if (rows.length === 0) throw new NotificationError('NOTIFICATION_NOT_FOUND', `找不到通知 ${id}`);
    return rows[0];
  }

  /** The notification ids an event wrote (its transaction has committed when this is called). */
  async idsOfEvent(taskId: string, eventSeq: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      'SELECT id::text AS id FROM notification WHERE task_id = $1 AND event_seq = $2 ORDER BY id',
      [taskId, eventSeq],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Resolves the recipients from today's users and roles and puts the notification in their
   * inboxes, in one transaction; a retry finds the rows there and adds none.
   */
  async fillInboxes(n: NotificationToSend): Promise<Recipient[]> {
    return this.db.transaction(async (tx) => {
      const recipients =
        n.audience === 'liaison'
          ? await tx.query<Recipient[]>(
              `SELECT u.id AS "userId", u.email FROM app_user u JOIN user_agency ua ON ua.user_id = u.id
               WHERE ua.agency_id = $1 AND 'liaison' = ANY(u.roles) AND NOT u.disabled ORDER BY u.id`,
              [n.taskAgencyId],
            )
          : await tx.query<Recipient[]>(
              `SELECT id AS "userId", email FROM app_user WHERE $1 = ANY(roles) AND NOT disabled ORDER BY id`,
              [n.audience],
            );
      if (recipients.length > 0) {
        await tx.query(
          `INSERT INTO inbox_item (notification_id, user_id) SELECT $1, unnest($2::uuid[])
           ON CONFLICT (notification_id, user_id) DO NOTHING`,
          [n.id, recipients.map((r) => r.userId)],
        );
      }
      return recipients;
    });
  }

  /** Active webhooks for a notification: system-wide ones, and the agency's for notices to its liaisons. */
  async webhookIdsFor(n: NotificationToSend): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM webhook WHERE active AND (agency_id IS NULL OR ($2 AND agency_id = $1)) ORDER BY created_at, id`,
      [n.taskAgencyId, n.audience === 'liaison'],
    );
    return rows.map((r) => r.id);
  }

  async webhook(id: string): Promise<{ id: string; url: string; secret: string; active: boolean } | null> {
    const rows = await this.db.query<{ id: string; url: string; secret: string; active: boolean }[]>(
      'SELECT id, url, secret, active FROM webhook WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async email(userId: string): Promise<string | null> {
    const rows = await this.db.query<{ email: string | null }[]>(
      'SELECT email FROM app_user WHERE id = $1 AND NOT disabled',
      [userId],
    );
    return rows[0]?.email ?? null;
  }

  async wasSent(notificationId: string, channel: DeliveryChannel, target: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM delivery WHERE notification_id = $1 AND channel = $2 AND target = $3 AND status = 'sent'`,
      [notificationId, channel, target],
    );
    return rows.length > 0;
  }

  /** Records an outcome once; a second record of the same target changes nothing. */
  async record(r: DeliveryRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO delivery (notification_id, channel, target, status, idempotency_key, attempts, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (notification_id, channel, target) DO NOTHING`,
      [r.notificationId, r.channel, r.target, r.status, r.idempotencyKey, r.attempts, r.detail.slice(0, 2000)],
    );
  }
}
