import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CircularFigures } from './domain/circular-figures';
import type { CircularKind } from './domain/circular-period';

export interface CircularRow {
  id: string;
  kind: CircularKind;
  period: string;
  documentId: string;
  asOf: string;
  figures: CircularFigures;
  files: { format: string; name: string; sha256: string; size: number }[];
  createdAt: Date;
}

const COLUMNS = `id, kind, period, document_id AS "documentId", as_of::text AS "asOf", figures, files,
  created_at AS "createdAt"`;

/** SQL of the circulars context: the `circular` table, one row per (kind, period, document). */
@Injectable()
export class CircularsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores a circular unless its period is stored already; answers the row and whether it is new. */
  async insertOnce(
    c: Omit<CircularRow, 'id' | 'createdAt' | 'files'>,
  ): Promise<{ row: CircularRow; created: boolean }> {
    const written = await this.db.query<CircularRow[]>(
      `INSERT INTO circular (kind, period, document_id, as_of, figures) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, period, document_id) DO NOTHING RETURNING ${COLUMNS}`,
      [c.kind, c.period, c.documentId, c.asOf, JSON.stringify(c.figures)],
    );
    if (written.length > 0) return { row: written[0], created: true };
    const [row] = await this.db.query<CircularRow[]>(
      `SELECT ${COLUMNS} FROM circular WHERE kind = $1 AND period = $2 AND document_id = $3`,
      [c.kind, c.period, c.documentId],
    );
    return { row, created: false };
  }

  /** Keeps a circular's files as made (a retry finds them there) and lists them on the circular. */
  async saveFiles(
    id: string,
    files: { format: string; name: string; sha256: string; bytes: Buffer }[],
  ): Promise<CircularRow> {
    return this.db.transaction(async (tx) => {
      for (const f of files) {
        await tx.query(
          `INSERT INTO circular_file (circular_id, format, name, sha256, bytes) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          [id, f.format, f.name, f.sha256, f.bytes],
        );
      }
      const [row] = await tx.query<CircularRow[]>(
        `WITH listed AS (
           UPDATE circular SET files = (
             SELECT jsonb_agg(jsonb_build_object('format', format, 'name', name, 'sha256', sha256,
               'size', octet_length(bytes)) ORDER BY format)
             FROM circular_file WHERE circular_id = $1)
           WHERE id = $1 RETURNING ${COLUMNS})
         SELECT * FROM listed`,
        [id],
      );
      return row;
    });
  }

  async file(id: string, format: string): Promise<{ name: string; bytes: Buffer } | null> {
    const rows = await this.db.query<{ name: string; bytes: Buffer }[]>(
      'SELECT name, bytes FROM circular_file WHERE circular_id = $1 AND format = $2',
      [id, format],
    );
    return rows[0] ?? null;
  }

  async find(id: string): Promise<CircularRow | null> {
    const rows = await this.db.query<CircularRow[]>(`SELECT ${COLUMNS} FROM circular WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async page(
    filter: { documentId?: string; kind?: CircularKind },
    limit: number,
    offset: number,
  ): Promise<{ rows: CircularRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.documentId) where.push(`document_id = $${params.push(filter.documentId)}`);
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM circular ${clause}`,
      params,
    );
    const rows = await this.db.query<CircularRow[]>(
      `SELECT ${COLUMNS} FROM circular ${clause} ORDER BY as_of DESC, kind, id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { rows, total };
  }
}
