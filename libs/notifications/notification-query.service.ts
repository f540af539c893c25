import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Audience } from '../clock/domain/ladder';
import type { Page } from '../database/page';

export interface NotificationView {
  id: string;
  taskId: string;
  eventSeq: number;
  audience: Audience;
  agencyId: string | null;
  message: string;
  createdAt: string;
}

/** Notifications written when rungs fire; delivery to people and channels comes with sign-in. */
@Injectable()
export class NotificationQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(filter: {
    audience?: Audience;
    agencyId?: string;
    taskId?: string;
    /** A liaison's agencies: only the notices addressed to them. */
    scope?: string[] | null;
    page: number;
    pageSize: number;
  }): Promise<Page<NotificationView>> {
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
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM notification ${clause}`,
      params,
    );
    const rows = await this.db.query<
      {
        id: string;
        task_id: string;
        event_seq: number;
        audience: Audience;
        agency_id: string | null;
        message: string;
        created_at: Date;
      }[]
    >(
      `SELECT id, task_id, event_seq, audience, agency_id, message, created_at FROM notification ${clause}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return {
      total,
      page: filter.page,
      pageSize: filter.pageSize,
      items: rows.map((r) => ({
        id: r.id,
        taskId: r.task_id,
        eventSeq: r.event_seq,
        audience: r.audience,
        agencyId: r.agency_id,
        message: r.message,
        createdAt: r.created_at.toISOString(),
      })),
    };
  }
}
