import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { currentAuditContext } from './audit-context';

/** What a change says about itself; the actor and request come from the audit context. */
export interface AuditRecord {
  /** `<target>.<verb>`, e.g. `agency.update`, `task.review`. */
  action: string;
  targetType: string;
  targetId: string;
  documentId?: string | null;
  taskId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditView {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  documentId: string | null;
  taskId: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditView[];
  total: number;
  page: number;
  pageSize: number;
}

interface AuditRow extends Omit<AuditView, 'at'> {
  at: Date;
}

const COLUMNS = `id::text AS id, at, actor_id AS "actorId", actor_name AS "actorName", action,
  target_type AS "targetType", target_id AS "targetId", document_id AS "documentId", task_id AS "taskId",
  request_id AS "requestId", before, after`;

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The append-only audit log: written inside the caller's transaction, read per task and per document. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends one entry with `manager`, so it commits or rolls back with the change it records.
   * The actor and request id are those of the current request (or `system` outside one).
   */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const who = currentAuditContext();
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_name, action, target_type, target_id, document_id, task_id, request_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        who.actorId,
        who.actorName,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.documentId ?? null,
        entry.taskId ?? null,
        who.requestId,
        json(entry.before),
        json(entry.after),
      ],
    );
  }

  /** A task's entries, newest first; null when there is no such task. */
  async forTask(taskId: string, page: number, pageSize: number): Promise<AuditPage | null> {
    if (!(await this.exists('task', taskId))) return null;
    return this.page('task_id', taskId, page, pageSize);
  }

  /** A document's entries and those of its tasks, newest first; null when there is no such document. */
  async forDocument(documentId: string, page: number, pageSize: number): Promise<AuditPage | null> {
    if (!(await this.exists('policy_document', documentId))) return null;
    return this.page('document_id', documentId, page, pageSize);
  }

  /** Every entry of a task, oldest first (bounded), for its timeline. */
  async taskEntries(taskId: string, limit = 1000): Promise<AuditView[]> {
    const rows = await this.db.query<AuditRow[]>(
      `SELECT ${COLUMNS} FROM audit_log WHERE task_id = $1 ORDER BY at, id LIMIT $2`,
      [taskId, limit],
    );
    return rows.map(view);
  }

  private async exists(table: 'task' | 'policy_document', id: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  private async page(
    column: 'task_id' | 'document_id',
    id: string,
    page: number,
    pageSize: number,
  ): Promise<AuditPage> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<AuditRow[]>(
        `SELECT ${COLUMNS} FROM audit_log WHERE ${column} = $1 ORDER BY at DESC, id DESC LIMIT $2 OFFSET $3`,
        [id, pageSize, (page - 1) * pageSize],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM audit_log WHERE ${column} = $1`, [id]),
    ]);
    return { items: rows.map(view), total, page, pageSize };
  }
}

function view(row: AuditRow): AuditView {
  return { ...row, at: row.at.toISOString() };
}
