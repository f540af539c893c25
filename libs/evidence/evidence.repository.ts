import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface AttachmentRow {
  id: string;
  taskId: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export type NewAttachment = Omit<AttachmentRow, 'id' | 'uploadedAt'>;

const COLUMNS = `id::text AS id, task_id::text AS "taskId", name, size, content_type AS "contentType", sha256,
  uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"`;

/** SQL of the evidence context: contents by hash (`evidence_blob`) and the attachments of tasks. */
@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async hasBlob(sha256: string, tx: EntityManager): Promise<boolean> {
    return (await tx.query<unknown[]>('SELECT 1 FROM evidence_blob WHERE sha256 = $1', [sha256])).length > 0;
  }

  /** Stores a content once: a concurrent upload of the same bytes waits on the key and adds nothing. */
  async insertBlob(sha256: string, bytes: Buffer, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO evidence_blob (sha256, size, bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`,
      [sha256, bytes.length, bytes],
    );
  }

  /** The attachment, new or (the same content under the same name on the same task) the one there already. */
  async insertAttachment(a: NewAttachment, tx: EntityManager): Promise<{ row: AttachmentRow; created: boolean }> {
    const inserted = await tx.query<AttachmentRow[]>(
      `INSERT INTO attachment (task_id, sha256, name, content_type, size, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (task_id, sha256, name) DO NOTHING RETURNING ${COLUMNS}`,
      [a.taskId, a.sha256, a.name, a.contentType, a.size, a.uploadedBy],
    );
    if (inserted[0]) return { row: inserted[0], created: true };
    const [row] = await tx.query<AttachmentRow[]>(
      `SELECT ${COLUMNS} FROM attachment WHERE task_id = $1 AND sha256 = $2 AND name = $3`,
      [a.taskId, a.sha256, a.name],
    );
    return { row, created: false };
  }

  ofTask(taskId: string): Promise<AttachmentRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM attachment WHERE task_id = $1 ORDER BY uploaded_at, id`, [taskId]);
  }

  /** Those of `ids` that are attachments of the task. */
  someOfTask(taskId: string, ids: string[]): Promise<AttachmentRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM attachment WHERE task_id = $1 AND id = ANY($2::uuid[])`, [
      taskId,
      ids,
    ]);
  }

  async withBytes(taskId: string, id: string): Promise<(AttachmentRow & { bytes: Buffer }) | null> {
    const rows = await this.db.query<(AttachmentRow & { bytes: Buffer })[]>(
      `SELECT ${COLUMNS}, (SELECT bytes FROM evidence_blob b WHERE b.sha256 = attachment.sha256) AS bytes
       FROM attachment WHERE task_id = $1 AND id = $2`,
      [taskId, id],
    );
    return rows[0] ?? null;
  }
}
