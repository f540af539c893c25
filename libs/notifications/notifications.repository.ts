import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Audience } from '../clock/domain/ladder';
import type { DigestAddress } from './domain/digest';
import type { NoticeAudience } from './domain/notice-audience';

export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'sent' | 'failed';
/** `inbox`: a notice that found nobody to put it in front of (target: the agency, or the audience). */
export type RecordChannel = DeliveryChannel | 'inbox';
export type RecordStatus = DeliveryStatus | 'undeliverable';

export interface NotificationRow {
  id: string;
  /** Null for a notice about the system (its subject says what), not about a task. */
  taskId: string | null;
  eventSeq: number | null;
  audience: NoticeAudience;
  agencyId: string | null;
  message: string;
  createdAt: Date;
}

/** A notification with what its messages name: the task's agency and measure (a read joining tasks, registry, documents). */
export interface NotificationToSendRow {
  id: string;
  taskId: string | null;
  eventSeq: number | null;
  audience: NoticeAudience;
  /** The task's agency (or the agency a digest is addressed to) and measure; null for a notice about the system. */
  taskAgencyId: string | null;
  agencyName: string | null;
  measureTitle: string | null;
  /** The document it is about (the task's, or a coordinator digest's) and who launched it. */
  documentId: string | null;
  launchedBy: string | null;
  /** The one user it is addressed to (a leader's digest), else null: its audience's rule decides. */
  userId: string | null;
  /** A notice about one thing (a circular: `circular:<id>`), else null. */
  subject: string | null;
  message: string;
  createdAt: string;
}

/** A rung's notice as a digest lists it. */
export interface DigestMemberRow {
  id: string;
  audience: Audience;
  agencyId: string;
  documentId: string;
  /** The user the key's digest is addressed to (a leader's own), null for a group. */
  userId: string | null;
  agency: string;
  /** False for a notice to another agency's liaisons about this task (a cooperating task's lead). */
  ownAgency: boolean;
  measure: string;
  label: string | null;
  dueDate: string | null;
  message: string;
}

export interface UndeliverableRow {
  id: string;
  taskId: string | null;
  audience: NoticeAudience;
  agencyId: string | null;
  agencyName: string | null;
  message: string;
  createdAt: Date;
  recordedAt: Date;
}

export interface InboxRow {
  id: string;
  notificationId: string;
  taskId: string | null;
  audience: NoticeAudience;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface WebhookRow {
  id: string;
  agencyId: string | null;
  url: string;
  description: string;
  active: boolean;
  createdBy: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}

export interface NotificationFilter {
  audience?: NoticeAudience;
  agencyId?: string;
  taskId?: string;
  scope?: string[] | null;
  /** Leave out notices addressed to one user other than this one (another leader's digest). */
  addressee?: string;
}

const INBOX = `SELECT i.id, i.notification_id::text AS "notificationId", n.task_id AS "taskId", n.audience,
  n.message, i.created_at AS "createdAt", i.read_at AS "readAt"
  FROM inbox_item i JOIN notification n ON n.id = i.notification_id`;

const WEBHOOK = `id, agency_id AS "agencyId", url, description, active, created_by AS "createdBy",
  created_at AS "createdAt", disabled_at AS "disabledAt"`;

const READ_FILTER = { unread: 'AND i.read_at IS NULL', read: 'AND i.read_at IS NOT NULL', all: '' } as const;

/** SQL of the notifications context: `notification`, `inbox_item`, `webhook` and `delivery`. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertForEvent(
    taskId: string,
    eventSeq: number,
    rows: { audience: Audience; agencyId: string | null; message: string; digests: DigestAddress[] }[],
    tx: EntityManager,
  ): Promise<void> {
    for (const n of rows) {
      // A retried event write inserts nothing, so the digests a notice joins are those of its first write.
      const written = await tx.query<{ id: string }[]>(
        `INSERT INTO notification (task_id, event_seq, audience, agency_id, message)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id::text AS id`,
        [taskId, eventSeq, n.audience, n.agencyId, n.message],
      );
      if (written.length === 0 || n.digests.length === 0) continue;
      await tx.query(
        `INSERT INTO digest_member (digest_key, notification_id, user_id)
         SELECT d.key, $1, d.user_id FROM unnest($2::text[], $3::uuid[]) AS d(key, user_id)`,
        [written[0].id, n.digests.map((d) => d.key), n.digests.map((d) => d.userId)],
      );
    }
  }

  /** A notice about the system, raised once per subject and audience; answers the ids it wrote now. */
  async insertSystemNotice(
    subject: string,
    // A coordinators' notice about one document goes to that document's coordinators.
    rows: { audience: Exclude<NoticeAudience, 'liaison'>; message: string; documentId?: string }[],
    tx: EntityManager,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const n of rows) {
      const written = await tx.query<{ id: string }[]>(
        `INSERT INTO notification (subject, audience, message, document_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (subject, audience) WHERE subject IS NOT NULL DO NOTHING RETURNING id::text AS id`,
        [subject, n.audience, n.message, n.documentId ?? null],
      );
      ids.push(...written.map((r) => r.id));
    }
    return ids;
  }

  async idsOfSubject(subject: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      'SELECT id::text AS id FROM notification WHERE subject = $1 ORDER BY id',
      [subject],
    );
    return rows.map((r) => r.id);
  }

  /**
   * An event's notifications, each once per digest it joins (a leaders' notice: one per leader),
   * or once with a null key when it is delivered on its own.
   */
  async ofEvent(taskId: string, eventSeq: number): Promise<{ id: string; digestKey: string | null }[]> {
    return this.db.query<{ id: string; digestKey: string | null }[]>(
      `SELECT n.id::text AS id, m.digest_key AS "digestKey"
       FROM notification n LEFT JOIN digest_member m ON m.notification_id = n.id
       WHERE n.task_id = $1 AND n.event_seq = $2 ORDER BY n.id, m.digest_key`,
      [taskId, eventSeq],
    );
  }

  /** How many digests of a key were composed (a run of the digest workflow numbers its own after them). */
  async digestCount(key: string): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT count(DISTINCT subject)::int AS n FROM notification
       WHERE task_id IS NULL AND (subject = $1 OR subject LIKE $1 || '#%')`,
      [key],
    );
    return n;
  }

  /** Serialises the composing of one key's digests (across workers). */
  async lockDigestKey(key: string, tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  }

  async digestBySubject(subject: string, tx: EntityManager): Promise<string | null> {
    const rows = await tx.query<{ id: string }[]>(
      'SELECT id::text AS id FROM notification WHERE subject = $1 AND task_id IS NULL',
      [subject],
    );
    return rows[0]?.id ?? null;
  }

  /** The notices of a key not yet in a digest, as the digest lists them (in document order). */
  async pendingDigestMembers(key: string, tx: EntityManager): Promise<DigestMemberRow[]> {
    return tx.query<DigestMemberRow[]>(
      `SELECT n.id::text AS id, n.audience, COALESCE(n.agency_id, t.agency_id) AS "agencyId",
              t.document_id AS "documentId", dm.user_id AS "userId", a.name AS agency,
              (n.agency_id IS NULL OR n.agency_id = t.agency_id) AS "ownAgency",
              m.number || m.title AS measure, e.detail->>'label' AS label, e.detail->>'dueDate' AS "dueDate",
              n.message
       FROM digest_member dm JOIN notification n ON n.id = dm.notification_id
         JOIN task t ON t.id = n.task_id JOIN agency a ON a.id = t.agency_id
         JOIN measure m ON m.id = t.measure_id
         LEFT JOIN task_event e ON e.task_id = n.task_id AND e.seq = n.event_seq
       WHERE dm.digest_key = $1 AND dm.digest_id IS NULL
       ORDER BY t.document_id, m.seq, a.name, n.id FOR UPDATE OF dm`,
      [key],
    );
  }

  /** Writes the digest of a key and marks its members as listed in it; answers its id. */
  async insertDigest(
    d: {
      key: string;
      subject: string;
      audience: Audience;
      agencyId: string | null;
      documentId: string | null;
      userId: string | null;
      message: string;
      memberIds: string[];
    },
    tx: EntityManager,
  ): Promise<string> {
    const [{ id }] = await tx.query<{ id: string }[]>(
      `INSERT INTO notification (subject, audience, agency_id, document_id, user_id, message)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
      [d.subject, d.audience, d.agencyId, d.documentId, d.userId, d.message],
    );
    await tx.query(
      'UPDATE digest_member SET digest_id = $1 WHERE digest_key = $2 AND notification_id = ANY($3::bigint[])',
      [id, d.key, d.memberIds],
    );
    return id;
  }

  async toSend(id: string): Promise<NotificationToSendRow | null> {
    const rows = await this.db.query<NotificationToSendRow[]>(
      `SELECT n.id::text AS id, n.task_id AS "taskId", n.event_seq AS "eventSeq", n.audience,
              a.id AS "taskAgencyId", a.name AS "agencyName", m.title AS "measureTitle",
              d.id AS "documentId", d.launched_by AS "launchedBy", n.user_id AS "userId", n.subject, n.message,
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM notification n LEFT JOIN task t ON t.id = n.task_id
         LEFT JOIN agency a ON a.id = COALESCE(n.agency_id, t.agency_id)
         LEFT JOIN measure m ON m.id = t.measure_id
         LEFT JOIN policy_document d ON d.id = COALESCE(t.document_id, n.document_id)
       WHERE n.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async page(
    filter: NotificationFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: NotificationRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.audience) add('audience = ?', filter.audience);
    if (filter.agencyId) add('agency_id = ?', filter.agencyId);
    if (filter.taskId) add('task_id = ?', filter.taskId);
    if (filter.scope) add("audience = 'liaison' AND agency_id = ANY(?::uuid[])", filter.scope);
    if (filter.addressee) add('(user_id IS NULL OR user_id = ?)', filter.addressee);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM notification ${clause}`,
      params,
    );
    const rows = await this.db.query<NotificationRow[]>(
      `SELECT id, task_id AS "taskId", event_seq AS "eventSeq", audience, agency_id AS "agencyId", message,
         created_at AS "createdAt" FROM notification ${clause}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { rows, total };
  }

  async insertInboxItems(notificationId: string, userIds: string[], tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO inbox_item (notification_id, user_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT (notification_id, user_id) DO NOTHING`,
      [notificationId, userIds],
    );
  }

  async inboxPage(
    userId: string,
    read: keyof typeof READ_FILTER,
    limit: number,
    offset: number,
  ): Promise<{ rows: InboxRow[]; total: number }> {
    const filter = READ_FILTER[read];
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM inbox_item i WHERE i.user_id = $1 ${filter}`,
      [userId],
    );
    const rows = await this.db.query<InboxRow[]>(
      `${INBOX} WHERE i.user_id = $1 ${filter} ORDER BY i.created_at DESC, i.id LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    );
    return { rows, total };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM inbox_item WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return n;
  }

  /** One item; with `userId`, only when it is that user's. */
  async inboxItem(id: string, userId: string | null, tx: EntityManager): Promise<InboxRow | null> {
    const rows =
      userId === null
        ? await tx.query<InboxRow[]>(`${INBOX} WHERE i.id = $1`, [id])
        : await tx.query<InboxRow[]>(`${INBOX} WHERE i.id = $1 AND i.user_id = $2`, [id, userId]);
    return rows[0] ?? null;
  }

  async markInboxItemRead(id: string, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE inbox_item SET read_at = now() WHERE id = $1', [id]);
  }

  async webhooks(): Promise<WebhookRow[]> {
    return this.db.query<WebhookRow[]>(`SELECT ${WEBHOOK} FROM webhook ORDER BY created_at, id`);
  }

  async insertWebhook(
    w: { agencyId: string | null; url: string; secret: string; description: string; createdBy: string },
    tx: EntityManager,
  ): Promise<WebhookRow> {
    const [row] = await tx.query<WebhookRow[]>(
      `INSERT INTO webhook (agency_id, url, secret, description, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${WEBHOOK}`,
      [w.agencyId, w.url, w.secret, w.description, w.createdBy],
    );
    return row;
  }

  async webhookById(id: string, tx: EntityManager, lock = false): Promise<WebhookRow | null> {
    const rows = await tx.query<WebhookRow[]>(
      `SELECT ${WEBHOOK} FROM webhook WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async disableWebhook(id: string, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE webhook SET active = false, disabled_at = now() WHERE id = $1', [id]);
  }

  /** Active webhooks for a notification: system-wide ones, and the agency's for notices to its liaisons. */
  async activeWebhookIds(agencyId: string | null, toLiaisons: boolean): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM webhook WHERE active AND (agency_id IS NULL OR ($2 AND agency_id = $1)) ORDER BY created_at, id`,
      [agencyId, toLiaisons],
    );
    return rows.map((r) => r.id);
  }

  async webhookSecret(id: string): Promise<{ id: string; url: string; secret: string; active: boolean } | null> {
    const rows = await this.db.query<{ id: string; url: string; secret: string; active: boolean }[]>(
      'SELECT id, url, secret, active FROM webhook WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async wasSent(notificationId: string, channel: DeliveryChannel, target: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM delivery WHERE notification_id = $1 AND channel = $2 AND target = $3 AND status = 'sent'`,
      [notificationId, channel, target],
    );
    return rows.length > 0;
  }

  /** Records an outcome once; a second record of the same target changes nothing. */
  async insertDelivery(
    r: {
      notificationId: string;
      channel: RecordChannel;
      target: string;
      status: RecordStatus;
      idempotencyKey: string;
      attempts: number | null;
      detail: string;
    },
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO delivery (notification_id, channel, target, status, idempotency_key, attempts, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (notification_id, channel, target) DO NOTHING`,
      [r.notificationId, r.channel, r.target, r.status, r.idempotencyKey, r.attempts, r.detail],
    );
  }

  /** Notices that found nobody to receive them, newest first. */
  async undeliverablePage(limit: number, offset: number): Promise<{ rows: UndeliverableRow[]; total: number }> {
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM delivery WHERE status = 'undeliverable'`,
    );
    const rows = await this.db.query<UndeliverableRow[]>(
      `SELECT n.id::text AS id, n.task_id AS "taskId", n.audience, a.id AS "agencyId", a.name AS "agencyName",
              n.message, n.created_at AS "createdAt", x.recorded_at AS "recordedAt"
       FROM delivery x JOIN notification n ON n.id = x.notification_id
         LEFT JOIN task t ON t.id = n.task_id LEFT JOIN agency a ON a.id = COALESCE(n.agency_id, t.agency_id)
       WHERE x.status = 'undeliverable' ORDER BY x.recorded_at DESC, x.id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return { rows, total };
  }

  async countFailedDeliveries(): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM delivery WHERE status = 'failed'`,
    );
    return n;
  }
}
