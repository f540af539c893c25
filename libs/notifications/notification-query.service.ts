import { Injectable } from '@nestjs/common';
import type { NoticeAudience } from './domain/notice-audience';
import type { Page } from '../database/page';
import { NotificationsRepository } from './notifications.repository';

export interface NotificationView {
  id: string;
  /** Null for a notice about the system. */
  taskId: string | null;
  eventSeq: number | null;
  audience: NoticeAudience;
  agencyId: string | null;
  message: string;
  createdAt: string;
}

/** A notice that found nobody to receive it, shown to coordinators so that someone acts. */
export interface UndeliverableView {
  notificationId: string;
  taskId: string | null;
  audience: NoticeAudience;
  agencyId: string | null;
  agencyName: string | null;
  message: string;
  createdAt: string;
  recordedAt: string;
}

/** Notifications written when rungs fire; delivery to people and channels comes with sign-in. */
@Injectable()
export class NotificationQueryService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(filter: {
    audience?: NoticeAudience;
    agencyId?: string;
    taskId?: string;
    /** A liaison's agencies: only the notices addressed to them. */
    scope?: string[] | null;
    /** Leave out the notices addressed to one other user (another leader's digest). */
    addressee?: string;
    page: number;
    pageSize: number;
  }): Promise<Page<NotificationView>> {
    const { page, pageSize, ...where } = filter;
    const { rows, total } = await this.notifications.page(where, pageSize, (page - 1) * pageSize);
    return {
      total,
      page,
      pageSize,
      items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    };
  }

  async undeliverable(q: { page: number; pageSize: number }): Promise<Page<UndeliverableView>> {
    const { rows, total } = await this.notifications.undeliverablePage(q.pageSize, (q.page - 1) * q.pageSize);
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map(({ id, createdAt, recordedAt, ...r }) => ({
        notificationId: id,
        ...r,
        createdAt: createdAt.toISOString(),
        recordedAt: recordedAt.toISOString(),
      })),
    };
  }
}
