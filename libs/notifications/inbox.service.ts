import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TasksService } from '../tasks/tasks.service';
import type { NoticeAudience } from './domain/notice-audience';
import { NotificationError } from './notifications.errors';
import { type InboxRow, NotificationsRepository } from './notifications.repository';

export interface InboxItemView {
  id: string;
  notificationId: string;
  /** Null for a notice about the system. */
  taskId: string | null;
  audience: NoticeAudience;
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

const view = (r: InboxRow): InboxItemView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt ? r.readAt.toISOString() : null,
});

/** A signed-in user's in-app inbox: only ever their own items. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsRepository,
    private readonly tasks: TasksService,
  ) {}

  async list(userId: string, q: { unread?: boolean; page: number; pageSize: number }): Promise<InboxPage> {
    const read = q.unread === true ? 'unread' : q.unread === false ? 'read' : 'all';
    const { rows, total } = await this.notifications.inboxPage(userId, read, q.pageSize, (q.page - 1) * q.pageSize);
    return { items: rows.map(view), total, unread: await this.unreadCount(userId), page: q.page, pageSize: q.pageSize };
  }

  unreadCount(userId: string): Promise<number> {
    return this.notifications.unreadCount(userId);
  }

  /** Repeat-safe: only the first read changes anything, and only it is audited (a leader's read of 督办 matters). */
  async markRead(userId: string, id: string): Promise<InboxItemView> {
    return this.db.transaction(async (tx) => {
      const mine = await this.notifications.inboxItem(id, userId, tx);
      if (!mine) throw new NotificationError('INBOX_ITEM_NOT_FOUND', `找不到站内通知 ${id}`);
      const before = view(mine);
      if (before.readAt !== null) return before;
      await this.notifications.markInboxItemRead(id, tx);
      const row = await this.notifications.inboxItem(id, null, tx);
      if (!row) throw new NotificationError('INBOX_ITEM_NOT_FOUND', `找不到站内通知 ${id}`);
      const after = view(row);
      // Another user's item is "not found", never "forbidden".
      await this.audit.record(tx, {
        documentId: after.taskId === null ? null : await this.tasks.documentIdOf(after.taskId, tx),
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
