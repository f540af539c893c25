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
}
