import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_LADDER, type Rung } from '../clock/domain/ladder';
import {
  DocumentsRepository,
  type LaunchSettings,
  type MeasureDueSettings,
  type MeasureRow,
  type NewDocument,
  type NewMeasure,
  type PolicyDocumentRow,
} from './documents.repository';
import { DocumentError } from './documents.errors';

export interface DocumentSummary {
  id: string;
  title: string | null;
  status: string;
  dueDate: string | null;
  measureCount: number;
  createdAt: string;
}

/** Documents and their measures: read here, created by import, marked launched by launch. */
@Injectable()
export class DocumentsService {
  constructor(private readonly documents: DocumentsRepository) {}

  async getDocument(id: string, manager?: EntityManager): Promise<PolicyDocumentRow> {
    const doc = await this.documents.findById(id, manager);
    if (!doc) throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到文件 ${id}`);
    return doc;
  }

  /** Locks the document's row for the caller's transaction (launch). */
  async lockDocument(id: string, tx: EntityManager): Promise<PolicyDocumentRow> {
    const doc = await this.documents.findForUpdate(id, tx);
    if (!doc) throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到文件 ${id}`);
    return doc;
  }

  async getMeasure(id: string, manager?: EntityManager): Promise<MeasureRow> {
    const measure = await this.documents.measureById(id, manager);
    if (!measure) throw new DocumentError('MEASURE_NOT_FOUND', `找不到措施 ${id}`);
    return measure;
  }

  /** Withdraws (撤销) the whole document or one of its measures, in the caller's transaction. */
  markWithdrawn(scope: 'document' | 'measure', id: string, reason: string, tx: EntityManager): Promise<void> {
    return this.documents.markWithdrawn(scope === 'document' ? 'policy_document' : 'measure', id, reason, tx);
  }

  /** Documents launched before `before` and not withdrawn by then. */
  runningAt(before: Date): Promise<{ id: string; title: string | null }[]> {
    return this.documents.runningAt(before);
  }

  exists(id: string, manager?: EntityManager): Promise<boolean> {
    return this.documents.exists(id, manager);
  }

  async listDocuments(page: number, pageSize: number): Promise<{ items: DocumentSummary[]; total: number }> {
    const { rows, total } = await this.documents.page(page, pageSize);
    return {
      total,
      items: rows.map((d) => ({
        id: d.id,
        title: d.title,
        status: d.status,
        dueDate: d.dueDate,
        measureCount: d.parse.measures.length,
        createdAt: d.createdAt.toISOString(),
      })),
    };
  }

  /** The escalation ladder of each document; the default for one launched without its own. */
  async ladders(documentIds: string[]): Promise<Map<string, Rung[]>> {
    if (documentIds.length === 0) return new Map();
    const rows = await this.documents.ladders([...new Set(documentIds)]);
    return new Map(rows.map((d) => [d.id, d.ladder ?? DEFAULT_LADDER]));
  }

  sourceText(id: string): Promise<string | null> {
    return this.documents.sourceText(id);
  }

  /** A document's measures in document order. */
  measures(documentId: string, manager?: EntityManager): Promise<MeasureRow[]> {
    return this.documents.measures(documentId, manager);
  }

  /** Stores a document and its measures in the caller's transaction; returns the ids, measures by seq. */
  async create(
    doc: NewDocument,
    measures: NewMeasure[],
    tx: EntityManager,
  ): Promise<{ id: string; measureIds: Map<number, string> }> {
    const id = await this.documents.insert(doc, tx);
    const measureIds = new Map<number, string>();
    for (const m of measures) measureIds.set(m.seq, await this.documents.insertMeasure(id, m, tx));
    return { id, measureIds };
  }

  /** A revision applied in place: the old text kept as a numbered revision; answers the new number. */
  replaceText(id: string, doc: Omit<NewDocument, 'supersedesId'>, tx: EntityManager): Promise<number> {
    return this.documents.replaceText(id, doc, tx);
  }

  updateMeasure(id: string, m: Omit<NewMeasure, 'seq'>, tx: EntityManager): Promise<void> {
    return this.documents.updateMeasure(id, m, tx);
  }

  /** A measure a revision adds, after the document's others. */
  async appendMeasure(documentId: string, m: Omit<NewMeasure, 'seq'>, tx: EntityManager): Promise<string> {
    const seq = await this.documents.nextMeasureSeq(documentId, tx);
    return this.documents.insertMeasure(documentId, { ...m, seq }, tx);
  }

  markLaunched(id: string, settings: LaunchSettings, tx: EntityManager): Promise<void> {
    return this.documents.markLaunched(id, settings, tx);
  }

  /** Stores a measure's due date chosen at launch, in the launch's transaction. */
  setMeasureDue(measureId: string, settings: MeasureDueSettings, tx: EntityManager): Promise<void> {
    return this.documents.setMeasureDue(measureId, settings, tx);
  }
}
