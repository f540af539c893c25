import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReportCadence } from '../clock/domain/firing-plan';
import type { Rung } from '../clock/domain/ladder';
import type { ParseResult } from './parse/parse-result.types';

export type DocumentStatus = 'imported' | 'launched';

export interface PolicyDocumentRow {
  id: string;
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedOn: string | null;
  coordinator: string | null;
  sourceText: string;
  parse: ParseResult;
  status: DocumentStatus;
  dueDate: string | null;
  dueBasis: string | null;
  /** The escalation ladder chosen at launch (null before launch). */
  ladder: Rung[] | null;
  maxExtensions: number | null;
  reportCadence: ReportCadence | null;
  launchedAt: Date | null;
  createdAt: Date;
  /** Set once the whole document was withdrawn (已撤销), with the reason. */
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  /** 1 for the text as imported; each revision applied in place adds one. */
  revision: number;
}

export interface MeasureRow {
  id: string;
  documentId: string;
  /** Position in the document, from 1. */
  seq: number;
  number: string;
  section: string | null;
  title: string;
  text: string;
  spanStart: number;
  spanEnd: number;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  /** Set at launch (null before, and on measures launched before per-measure dates: the document's applies). */
  dueDate: string | null;
  dueBasis: string | null;
  /** The report cadence of an ongoing measure; null: the document's. */
  reportCadence: ReportCadence | null;
}

/** A measure's due date set at launch and how it was chosen. */
export interface MeasureDueSettings {
  dueDate: string;
  dueBasis: string;
  reportCadence: ReportCadence | null;
}

export interface NewDocument {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedOn: string | null;
  coordinator: string | null;
  sourceText: string;
  parse: ParseResult;
  supersedesId: string | null;
}

export interface NewMeasure {
  seq: number;
  number: string;
  section: string | null;
  title: string;
  text: string;
  span: [number, number];
}

export interface LaunchSettings {
  dueDate: string;
  dueBasis: string;
  launchedAt: Date;
  ladder: Rung[];
  maxExtensions: number;
  reportCadence: ReportCadence | null;
  /** The coordinator who launched it (null outside a signed-in request): its notices go to them. */
  launchedBy?: string | null;
}

// Dates as text: pg would turn a `date` into a local-midnight Date.
const DOCUMENT = `id, title, issuer, doc_number AS "docNumber", issued_on::text AS "issuedOn", coordinator,
  source_text AS "sourceText", parse, status, due_date::text AS "dueDate", due_basis AS "dueBasis", ladder,
  max_extensions AS "maxExtensions", report_cadence AS "reportCadence", launched_at AS "launchedAt",
  created_at AS "createdAt", withdrawn_at AS "withdrawnAt", withdraw_reason AS "withdrawReason", revision`;

const MEASURE = `id, document_id AS "documentId", seq, number, section, title, text, span_start AS "spanStart",
  span_end AS "spanEnd", withdrawn_at AS "withdrawnAt", withdraw_reason AS "withdrawReason",
  due_date::text AS "dueDate", due_basis AS "dueBasis", report_cadence AS "reportCadence"`;

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** SQL of the documents context: `policy_document` and `measure`. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<PolicyDocumentRow | null> {
    const rows = await manager.query<PolicyDocumentRow[]>(`SELECT ${DOCUMENT} FROM policy_document WHERE id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Row lock: concurrent launches of one document run one after the other. */
  async findForUpdate(id: string, manager: EntityManager): Promise<PolicyDocumentRow | null> {
    const rows = await manager.query<PolicyDocumentRow[]>(
      `SELECT ${DOCUMENT} FROM policy_document WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Documents launched before `before` and not withdrawn by then (the ones a circular of that day reports on). */
  async runningAt(before: Date): Promise<{ id: string; title: string | null }[]> {
    return this.db.query(
      `SELECT id, title FROM policy_document
       WHERE launched_at < $1 AND (withdrawn_at IS NULL OR withdrawn_at >= $1) ORDER BY launched_at, id`,
      [before],
    );
  }

  async exists(id: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM policy_document WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async page(
    page: number,
    pageSize: number,
  ): Promise<{
    rows: Pick<PolicyDocumentRow, 'id' | 'title' | 'status' | 'dueDate' | 'createdAt' | 'parse'>[];
    total: number;
  }> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<Pick<PolicyDocumentRow, 'id' | 'title' | 'status' | 'dueDate' | 'createdAt' | 'parse'>[]>(
        `SELECT id, title, status, due_date::text AS "dueDate", created_at AS "createdAt", parse FROM policy_document
         ORDER BY created_at DESC, id ASC LIMIT $1 OFFSET $2`,
        [pageSize, (page - 1) * pageSize],
      ),
      this.db.query<{ total: number }[]>('SELECT count(*)::int AS total FROM policy_document'),
    ]);
    return { rows, total };
  }

  async ladders(ids: string[]): Promise<{ id: string; ladder: Rung[] | null }[]> {
    return this.db.query<{ id: string; ladder: Rung[] | null }[]>(
      'SELECT id, ladder FROM policy_document WHERE id = ANY($1::uuid[])',
      [ids],
    );
  }

  async sourceText(id: string): Promise<string | null> {
    const rows = await this.db.query<{ sourceText: string }[]>(
      'SELECT source_text AS "sourceText" FROM policy_document WHERE id = $1',
      [id],
    );
    return rows[0]?.sourceText ?? null;
  }

  async insert(doc: NewDocument, manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO policy_document (title, issuer, doc_number, issued_on, coordinator, source_text, parse, supersedes_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        doc.title,
        doc.issuer,
        doc.docNumber,
        doc.issuedOn,
        doc.coordinator,
        doc.sourceText,
        JSON.stringify(doc.parse),
        doc.supersedesId,
      ],
    );
    return row.id;
  }

  async insertMeasure(documentId: string, m: NewMeasure, manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO measure (document_id, seq, number, section, title, text, span_start, span_end)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [documentId, m.seq, m.number, m.section, m.title, m.text, m.span[0], m.span[1]],
    );
    return row.id;
  }

  async measures(documentId: string, manager: EntityManager = this.db.manager): Promise<MeasureRow[]> {
    return manager.query<MeasureRow[]>(`SELECT ${MEASURE} FROM measure WHERE document_id = $1 ORDER BY seq`, [
      documentId,
    ]);
  }

  async markLaunched(id: string, s: LaunchSettings, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE policy_document SET status = 'launched', due_date = $2, due_basis = $3, launched_at = $4, ladder = $5,
         max_extensions = $6, report_cadence = $7, launched_by = $8 WHERE id = $1`,
      [
        id,
        s.dueDate,
        s.dueBasis,
        s.launchedAt,
        json(s.ladder),
        s.maxExtensions,
        json(s.reportCadence),
        s.launchedBy ?? null,
      ],
    );
  }

  async setMeasureDue(id: string, s: MeasureDueSettings, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE measure SET due_date = $2, due_basis = $3, report_cadence = $4 WHERE id = $1', [
      id,
      s.dueDate,
      s.dueBasis,
      json(s.reportCadence),
    ]);
  }

  async measureById(id: string, manager: EntityManager = this.db.manager): Promise<MeasureRow | null> {
    const rows = await manager.query<MeasureRow[]>(`SELECT ${MEASURE} FROM measure WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Marks a document or one measure withdrawn; a repeat keeps the first time and reason. */
  async markWithdrawn(
    table: 'policy_document' | 'measure',
    id: string,
    reason: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE ${table} SET withdrawn_at = now(), withdraw_reason = $2 WHERE id = $1 AND withdrawn_at IS NULL`,
      [id, reason],
    );
  }

  /** Keeps the current text and parse as a numbered revision, then puts the new ones in place. */
  async replaceText(id: string, doc: Omit<NewDocument, 'supersedesId'>, manager: EntityManager): Promise<number> {
    await manager.query(
      `INSERT INTO document_revision (document_id, revision, source_text, parse)
       SELECT id, revision, source_text, parse FROM policy_document WHERE id = $1`,
      [id],
    );
    // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    const [row] = await manager.query<{ revision: number }[]>(
      `WITH revised AS (
         UPDATE policy_document SET title = $2, issuer = $3, doc_number = $4, issued_on = $5, coordinator = $6,
           source_text = $7, parse = $8, revision = revision + 1 WHERE id = $1 RETURNING revision)
       SELECT revision FROM revised`,
      [
        id,
        doc.title,
        doc.issuer,
        doc.docNumber,
        doc.issuedOn,
        doc.coordinator,
        doc.sourceText,
        JSON.stringify(doc.parse),
      ],
    );
    return row.revision;
  }

  async updateMeasure(id: string, m: Omit<NewMeasure, 'seq'>, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE measure SET number = $2, section = $3, title = $4, text = $5, span_start = $6, span_end = $7 WHERE id = $1`,
      [id, m.number, m.section, m.title, m.text, m.span[0], m.span[1]],
    );
  }

  async nextMeasureSeq(documentId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(seq), 0)::int + 1 AS next FROM measure WHERE document_id = $1',
      [documentId],
    );
    return row.next;
  }
}
