import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ParseResult } from '../parse/parse-result.types';
import type { Correction } from './domain/import-plan';

/** An import under review: the parse plus the coordinator's corrections, kept as a diff. */
export interface ImportDraftRow {
  id: string;
  sourceText: string;
  parse: ParseResult;
  corrections: Correction[];
  status: 'preview' | 'confirmed';
  revisesDocumentId: string | null;
  documentId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const DRAFT = `id, source_text AS "sourceText", parse, corrections, status, revises_document_id AS "revisesDocumentId",
  document_id AS "documentId", created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** SQL of the import context: `import_draft`. */
@Injectable()
export class ImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    d: { sourceText: string; parse: ParseResult; revisesDocumentId: string | null; createdBy: string },
    tx: EntityManager,
  ): Promise<ImportDraftRow> {
    const [row] = await tx.query<ImportDraftRow[]>(
      `INSERT INTO import_draft (source_text, parse, corrections, revises_document_id, created_by)
       VALUES ($1, $2, '[]', $3, $4) RETURNING ${DRAFT}`,
      [d.sourceText, JSON.stringify(d.parse), d.revisesDocumentId, d.createdBy],
    );
    return row;
  }

  async findById(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<ImportDraftRow | null> {
    const rows = await manager.query<ImportDraftRow[]>(
      `SELECT ${DRAFT} FROM import_draft WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async setCorrections(id: string, corrections: Correction[], tx: EntityManager): Promise<ImportDraftRow> {
    const [row] = await tx.query<ImportDraftRow[]>(
      `WITH saved AS (UPDATE import_draft SET corrections = $2, updated_at = now() WHERE id = $1 RETURNING *)
       SELECT ${DRAFT} FROM saved`,
      [id, JSON.stringify(corrections)],
    );
    return row;
  }

  async markConfirmed(id: string, documentId: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE import_draft SET status = 'confirmed', document_id = $2, updated_at = now() WHERE id = $1`, [
      id,
      documentId,
    ]);
  }
}
