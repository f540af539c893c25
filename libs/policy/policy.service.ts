import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { checkText } from './domain/check-text';
import { parsePolicy, partiesOf } from './domain/parse-policy';
import type { ParseResult } from './domain/parse-result.types';
import { Measure } from './entities/measure.entity';
import { PolicyDocument } from './entities/policy-document.entity';
import { PolicyError } from './policy.errors';

export interface ImportedDocument extends ParseResult {
  id: string;
  taskCount: number;
}

export interface DocumentSummary {
  id: string;
  title: string | null;
  status: string;
  dueDate: string | null;
  measureCount: number;
  createdAt: string;
}

@Injectable()
export class PolicyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Parses and stores a document with its measures and one draft task per (measure, party), atomically. */
  async importDocument(rawText: string): Promise<ImportedDocument> {
    const text = rawText.replace(/^\uFEFF/, '');
    const problem = checkText(text);
    if (problem) throw new PolicyError(problem.code, problem.message);
    const parse = parsePolicy(text);
    if (parse.measures.length === 0) {
      throw new PolicyError('NO_MEASURES', '未识别出任何编号的措施条目（如「（一）」「1.」「一、」），未导入');
    }
    return this.db.transaction(async (tx) => {
      const doc = await tx.getRepository(PolicyDocument).save({
        title: parse.title,
        issuer: parse.issuer,
        docNumber: parse.docNumber,
        issuedOn: parse.issuedOn,
        coordinator: parse.coordinator,
        sourceText: text,
        parse,
        status: 'imported',
      });
      const names = new Set(parse.measures.flatMap((m) => partiesOf(m).map((p) => p.party)));
      const agencyIds = await this.ensureAgencies(tx, [...names]);
      let taskCount = 0;
      for (const [i, m] of parse.measures.entries()) {
        const measure = await tx.getRepository(Measure).save({
          documentId: doc.id,
          seq: i + 1,
          number: m.number,
          section: m.section,
          title: m.title,
          text: m.text,
          spanStart: m.span[0],
          spanEnd: m.span[1],
        });
        const parties = partiesOf(m);
        for (const p of parties) {
          await tx.query(`INSERT INTO task (document_id, measure_id, agency_id, role) VALUES ($1, $2, $3, $4)`, [
            doc.id,
            measure.id,
            agencyIds.get(p.party),
            p.role,
          ]);
        }
        taskCount += parties.length;
      }
      return { id: doc.id, taskCount, ...parse };
    });
  }

  /** One row per agency name, shared by every document that names it. */
  private async ensureAgencies(tx: EntityManager, names: string[]): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    await tx.query(`INSERT INTO agency (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`, [names]);
    const rows: { id: string; name: string }[] = await tx.query(
      `SELECT id, name FROM agency WHERE name = ANY($1::text[])`,
      [names],
    );
    return new Map(rows.map((r) => [r.name, r.id]));
  }

  async getDocument(id: string): Promise<PolicyDocument> {
    const doc = await this.db.getRepository(PolicyDocument).findOne({ where: { id } });
    if (!doc) throw new PolicyError('DOCUMENT_NOT_FOUND', `找不到文件 ${id}`);
    return doc;
  }

  async listDocuments(page: number, pageSize: number): Promise<{ items: DocumentSummary[]; total: number }> {
    const [docs, total] = await this.db.getRepository(PolicyDocument).findAndCount({
      select: { id: true, title: true, status: true, dueDate: true, createdAt: true, parse: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      total,
      items: docs.map((d) => ({
        id: d.id,
        title: d.title,
        status: d.status,
        dueDate: d.dueDate,
        measureCount: d.parse.measures.length,
        createdAt: d.createdAt.toISOString(),
      })),
    };
  }

  async listAgencies(): Promise<{ id: string; name: string; openTasks: number }[]> {
    const rows: { id: string; name: string; open_tasks: string }[] = await this.db.query(
      `SELECT a.id, a.name, count(t.id) FILTER (WHERE t.state IN ('issued', 'in_progress', 'submitted')) AS open_tasks
       FROM agency a LEFT JOIN task t ON t.agency_id = a.id GROUP BY a.id ORDER BY a.name`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, openTasks: Number(r.open_tasks) }));
  }
}
