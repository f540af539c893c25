import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface AuditRow {
  id: string;
  at: Date;
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

export type NewAuditRow = Omit<AuditRow, 'id' | 'at'>;

const COLUMNS = `id::text AS id, at, actor_id AS "actorId", actor_name AS "actorName", action,
  target_type AS "targetType", target_id AS "targetId", document_id AS "documentId", task_id AS "taskId",
  request_id AS "requestId", before, after`;

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** SQL of the audit context: the append-only `audit_log`. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(e: NewAuditRow, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_name, action, target_type, target_id, document_id, task_id, request_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.actorId,
        e.actorName,
        e.action,
        e.targetType,
        e.targetId,
        e.documentId,
        e.taskId,
        e.requestId,
        json(e.before),
        json(e.after),
      ],
    );
  }

  async oldestFirst(taskId: string, limit: number): Promise<AuditRow[]> {
    return this.db.query<AuditRow[]>(`SELECT ${COLUMNS} FROM audit_log WHERE task_id = $1 ORDER BY at, id LIMIT $2`, [
      taskId,
      limit,
    ]);
  }

  async newestFirst(
    column: 'task_id' | 'document_id',
    id: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: AuditRow[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<AuditRow[]>(
        `SELECT ${COLUMNS} FROM audit_log WHERE ${column} = $1 ORDER BY at DESC, id DESC LIMIT $2 OFFSET $3`,
        [id, limit, offset],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM audit_log WHERE ${column} = $1`, [id]),
    ]);
    return { rows, total };
  }
}
