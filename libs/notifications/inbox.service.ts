import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotificationError } from './notifications.errors';

export interface InboxItemView {
  id: string;
  notificationId: string;
  taskId: string;
  audience: 'liaison' | 'coordinator' | 'leader';
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItemView[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

type Row = Omit<InboxItemView, 'createdAt' | 'readAt'> & { createdAt: Date; readAt: Date | null };

const SELECT = `SELECT i.id, i.notification_id::text AS "notificationId", n.task_id AS "taskId", n.audience,
  n.message, i.created_at AS "createdAt", i.read_at AS "readAt"
  FROM inbox_item i JOIN notification n ON n.id = i.notification_id`;

const view = (r: Row): InboxItemView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt ? r.readAt.toISOString() : null,
});

/** A signed-in user's in-app inbox: only ever their own items. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService = new AuditService(db),
  ) {}

  async list(userId: string, q: { unread?: boolean; page: number; pageSize: number }): Promise<InboxPage> {
    const filter = q.unread === true ? 'AND i.read_at IS NULL' : q.unread === false ? 'AND i.read_at IS NOT NULL' : '';
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM inbox_item i WHERE i.user_id = $1 ${filter}`,
      [userId],
    );
    const rows = await this.db.query<Row[]>(
      `${SELECT} WHERE i.user_id = $1 ${filter} ORDER BY i.created_at DESC, i.id LIMIT $2 OFFSET $3`,
      [userId, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items: rows.map(view), total, unread: await this.unreadCount(userId), page: q.page, pageSize: q.pageSize };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM inbox_item WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return n;
  }

  /** Repeat-safe: the first read time stays. Another user's item is "not found", never "forbidden". */
  /** Repeat-safe: only the first read changes anything, and only it is audited (a leader's read of 督办 matters). */
  async markRead(userId: string, id: string): Promise<InboxItemView> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<Row[]>(`${SELECT} WHERE i.id = $1 AND i.user_id = $2`, [id, userId]);
      if (rows.length === 0) throw new NotificationError('INBOX_ITEM_NOT_FOUND', `找不到站内通知 ${id}`);
      const before = view(rows[0]);
      if (before.readAt !== null) return before;
      await tx.query('UPDATE inbox_item SET read_at = now() WHERE id = $1', [id]);
      const [row] = await tx.query<Row[]>(`${SELECT} WHERE i.id = $1`, [id]);
      const after = view(row);
      const [task] = await tx.query<{ document_id: string }[]>('SELECT document_id FROM task WHERE id = $1', [
        after.taskId,
      ]);
      await this.audit.record(tx, {
        documentId: task?.document_id ?? null,
        action: 'inbox.read',
        targetType: 'inbox_item',
        targetId: id,
        taskId: after.taskId,
        before: { readAt: null },
        after: { readAt: after.readAt, notificationId: after.notificationId },
      });
      return after;
    });
  }
}
