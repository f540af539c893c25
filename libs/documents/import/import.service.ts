import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { checkText } from '../parse/check-text';
import { type Correction, type ImportPlan, type PlannedRole, planImport } from './domain/import-plan';
import type { AgencyKind } from '../registry/domain/registry.types';
import { parsePolicy } from '../parse/parse-policy';
import type { ParseResult } from '../parse/parse-result.types';
import { diffPlans, type PlanDiff, type PlanSide } from './domain/plan-diff';
import { ImportDraft } from './import-draft.entity';
import { PolicyDocument } from '../entities/policy-document.entity';
import { DocumentError } from '../documents.errors';
import { RegistryService } from '../registry/registry.service';

export interface ImportPreview {
  id: string;
  status: 'preview' | 'confirmed';
  documentId: string | null;
  revisesDocumentId: string | null;
  parse: ParseResult;
  corrections: Correction[];
  plan: ImportPlan & { taskCount: number };
  /** Against the confirmed document this import revises. */
  diff: PlanDiff | null;
}

export type CorrectionInput = Correction extends infer C
  ? C extends Correction
    ? Omit<C, 'by' | 'at' | 'reason'>
    : never
  : never;

/** A correction as it arrives over HTTP: which fields matter depends on `op`. */
export interface EditInput {
  op: Correction['op'];
  party?: string;
  measure?: number;
  agencyId?: string;
  name?: string;
  kind?: AgencyKind;
  role?: PlannedRole;
}

/** Import as preview → corrections → confirm; only confirm creates tasks, in one transaction. */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: RegistryService,
    private readonly audit: AuditService,
  ) {}

  /** Checks and parses a text; refuses what cannot become a document, before anything is stored. */
  private async parseText(rawText: string): Promise<{ text: string; parse: ParseResult }> {
    const text = rawText.replace(/^\uFEFF/, '');
    const problem = checkText(text);
    if (problem) throw new DocumentError(problem.code, problem.message);
    // Parties the registry knows by name, alias or group get no UNKNOWN_AGENCY warning.
    const registry = await this.registry.snapshot();
    const known = new Set([
      ...registry.agencies.map((a) => a.name),
      ...registry.aliases.map((a) => a.alias),
      ...registry.groups.map((g) => g.name),
    ]);
    const parse = parsePolicy(text, { isKnownAgency: (name) => known.has(name) });
    if (parse.measures.length === 0) {
      throw new DocumentError('NO_MEASURES', '未识别出任何编号的措施条目（如「（一）」「1.」「一、」），未导入');
    }
    return { text, parse };
  }

  /** One step for documents whose parties all resolve (the seed): parse, plan, create. */
  async importDocument(rawText: string): Promise<ParseResult & { id: string; taskCount: number }> {
    const { text, parse } = await this.parseText(rawText);
    return this.db.transaction(async (tx) => {
      const plan = planImport(parse, await this.registry.snapshot(tx), []);
      this.mustBeResolved(plan);
      const id = await this.persist(tx, text, parse, plan, null);
      await this.audit.record(tx, {
        action: 'document.import',
        targetType: 'document',
        targetId: id,
        documentId: id,
        after: {
          title: parse.title,
          docNumber: parse.docNumber,
          measures: parse.measures.length,
          tasks: plan.tasks.length,
        },
      });
      return { id, taskCount: plan.tasks.length, ...parse };
    });
  }

  async createDraft(rawText: string, actor: string, revisesDocumentId?: string): Promise<ImportPreview> {
    const { text, parse } = await this.parseText(rawText);
    if (
      revisesDocumentId &&
      !(await this.db.getRepository(PolicyDocument).exists({ where: { id: revisesDocumentId } }))
    ) {
      throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到要修订的文件 ${revisesDocumentId}`);
    }
    const draft = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(ImportDraft).save({
        sourceText: text,
        parse,
        corrections: [],
        revisesDocumentId: revisesDocumentId ?? null,
        createdBy: actor,
      });
      await this.audit.record(tx, {
        action: 'import.create',
        targetType: 'import',
        targetId: saved.id,
        // A revision is part of the revised document's story.
        documentId: revisesDocumentId ?? null,
        after: { title: parse.title, measures: parse.measures.length, revisesDocumentId: revisesDocumentId ?? null },
      });
      return saved;
    });
    return this.preview(draft);
  }

  async getPreview(id: string): Promise<ImportPreview> {
    return this.preview(await this.load(this.db, id));
  }

  async correct(id: string, edits: EditInput[], actor: string, reason: string): Promise<ImportPreview> {
    const draft = await this.db.transaction(async (tx) => {
      const d = await this.load(tx, id, true);
      if (d.status === 'confirmed') throw new DocumentError('IMPORT_CONFIRMED', '该导入已确认，不能再修改');
      const registry = await this.registry.snapshot(tx);
      const at = new Date().toISOString();
      const ids = registry.agencies.map((a) => a.id);
      const checked = edits.map((edit) => this.checkEdit(edit, d.parse, ids));
      const appended = checked.map((e) => ({ ...e, by: actor, at, reason }));
      const before = { corrections: d.corrections.length };
      d.corrections = [...d.corrections, ...appended];
      const saved = await tx.getRepository(ImportDraft).save(d);
      await this.audit.record(tx, {
        action: 'import.correct',
        targetType: 'import',
        targetId: d.id,
        documentId: d.revisesDocumentId,
        before,
        after: { corrections: d.corrections.length, appended },
      });
      return saved;
    });
    return this.preview(draft);
  }

  async confirm(
    id: string,
  ): Promise<{ importId: string; documentId: string; taskCount: number; alreadyConfirmed: boolean }> {
    return this.db.transaction(async (tx) => {
      const d = await this.load(tx, id, true);
      if (d.status === 'confirmed' && d.documentId) {
        const [{ n }] = await tx.query<{ n: number }[]>('SELECT count(*)::int AS n FROM task WHERE document_id = $1', [
          d.documentId,
        ]);
        return { importId: d.id, documentId: d.documentId, taskCount: n, alreadyConfirmed: true };
      }
      const plan = planImport(d.parse, await this.registry.snapshot(tx), d.corrections);
      this.mustBeResolved(plan);
      const documentId = await this.persist(tx, d.sourceText, d.parse, plan, d.revisesDocumentId);
      await tx.update(ImportDraft, { id: d.id }, { status: 'confirmed', documentId });
      await this.audit.record(tx, {
        action: 'import.confirm',
        targetType: 'import',
        targetId: d.id,
        documentId,
        before: { status: d.status },
        after: { status: 'confirmed', documentId, supersedes: d.revisesDocumentId, tasks: plan.tasks.length },
      });
      return { importId: d.id, documentId, taskCount: plan.tasks.length, alreadyConfirmed: false };
    });
  }

  private async load(db: DataSource | EntityManager, id: string, lock = false): Promise<ImportDraft> {
    const draft = await db.getRepository(ImportDraft).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!draft) throw new DocumentError('IMPORT_NOT_FOUND', `找不到导入 ${id}`);
    return draft;
  }

  private mustBeResolved(plan: ImportPlan): void {
    if (plan.unresolved.length === 0) return;
    const names = plan.unresolved.map((u) => `${u.party}（${u.reason === 'generic' ? '泛指' : '未登记'}）`).join('、');
    throw new DocumentError(
      'UNRESOLVED_PARTIES',
      `以下责任单位需先在导入预览中处理（对应到已有单位、新建或删除）：${names}`,
      {
        unresolved: plan.unresolved,
      },
    );
  }

  /** Turns an HTTP edit into a correction, naming what is missing or wrong. */
  private checkEdit(edit: EditInput, parse: ParseResult, agencyIds: string[]): CorrectionInput {
    const bad = (message: string): never => {
      throw new DocumentError('INVALID_CORRECTION', message, { edit });
    };
    const party = () => (edit.party?.trim() ? edit.party.trim() : bad(`${edit.op} 需要 party（单位名称，按原文）`));
    const measure = () => {
      const m = edit.measure;
      if (m === undefined || m < 1 || m > parse.measures.length) {
        return bad(`${edit.op} 需要 measure（措施序号 1–${parse.measures.length}）`);
      }
      return m;
    };
    const role = () => edit.role ?? bad(`${edit.op} 需要 role`);
    switch (edit.op) {
      case 'mapParty': {
        const agencyId = edit.agencyId ?? bad('mapParty 需要 agencyId');
        if (!agencyIds.includes(agencyId)) bad(`找不到单位 ${agencyId}`);
        return { op: 'mapParty', party: party(), agencyId };
      }
      case 'createAgency':
        return { op: 'createAgency', party: party(), name: edit.name?.trim() || party(), kind: edit.kind ?? 'unknown' };
      case 'dropParty':
        return edit.measure === undefined
          ? { op: 'dropParty', party: party() }
          : { op: 'dropParty', party: party(), measure: measure() };
      case 'addParty':
        return { op: 'addParty', measure: measure(), party: party(), role: role() };
      case 'setRole':
        return { op: 'setRole', measure: measure(), party: party(), role: role() };
      case 'dropMeasure':
        return { op: 'dropMeasure', measure: measure() };
    }
  }

  private async preview(d: ImportDraft): Promise<ImportPreview> {
    const plan = planImport(d.parse, await this.registry.snapshot(), d.corrections);
    return {
      id: d.id,
      status: d.status,
      documentId: d.documentId,
      revisesDocumentId: d.revisesDocumentId,
      parse: d.parse,
      corrections: d.corrections,
      plan: { ...plan, taskCount: plan.tasks.length },
      diff: d.revisesDocumentId ? diffPlans(await this.confirmedSide(d.revisesDocumentId), planSide(plan)) : null,
    };
  }

  private async confirmedSide(documentId: string): Promise<PlanSide> {
    const measures = await this.db.query<{ number: string; title: string }[]>(
      'SELECT number, title FROM measure WHERE document_id = $1 ORDER BY seq',
      [documentId],
    );
    const rows = await this.db.query<{ number: string; agency: string; role: string }[]>(
      `SELECT m.number, a.name AS agency, t.role FROM task t JOIN measure m ON m.id = t.measure_id
       JOIN agency a ON a.id = t.agency_id WHERE t.document_id = $1`,
      [documentId],
    );
    const parties = new Map<string, Map<string, string>>();
    for (const r of rows)
      parties.set(r.number, (parties.get(r.number) ?? new Map<string, string>()).set(r.agency, r.role));
    return { measures, parties };
  }

  /** Creates the document, its measures, agencies the corrections asked for, and the tasks. */
  private async persist(
    tx: EntityManager,
    text: string,
    parse: ParseResult,
    plan: ImportPlan,
    supersedesId: string | null,
  ): Promise<string> {
    const names = plan.newAgencies.map((a) => a.name);
    if (names.length) {
      await tx.query(
        `INSERT INTO agency (name, kind) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (name) DO NOTHING`,
        [names, plan.newAgencies.map((a) => a.kind)],
      );
    }
    const created = new Map(
      (
        await tx.query<{ id: string; name: string }[]>('SELECT id, name FROM agency WHERE name = ANY($1::text[])', [
          names,
        ])
      ).map((r) => [r.name, r.id]),
    );
    const [doc] = await tx.query<{ id: string }[]>(
      `INSERT INTO policy_document (title, issuer, doc_number, issued_on, coordinator, source_text, parse, supersedes_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        parse.title,
        parse.issuer,
        parse.docNumber,
        parse.issuedOn,
        parse.coordinator,
        text,
        JSON.stringify(parse),
        supersedesId,
      ],
    );
    const measureIds = new Map<number, string>();
    for (const m of plan.measures.filter((x) => !x.dropped)) {
      const pm = parse.measures[m.seq - 1];
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO measure (document_id, seq, number, section, title, text, span_start, span_end)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [doc.id, m.seq, pm.number, pm.section, pm.title, pm.text, pm.span[0], pm.span[1]],
      );
      measureIds.set(m.seq, row.id);
    }
    const t = plan.tasks;
    await tx.query(
      `INSERT INTO task (document_id, measure_id, agency_id, role, source, party_as_written, attribution_start, attribution_end)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])`,
      [
        doc.id,
        t.map((x) => measureIds.get(x.measure)),
        t.map((x) => x.agencyId ?? created.get(x.agencyName)),
        t.map((x) => x.role),
        t.map((x) => x.source),
        t.map((x) => x.party),
        t.map((x) => x.span?.[0] ?? null),
        t.map((x) => x.span?.[1] ?? null),
      ],
    );
    return doc.id;
  }
}

function planSide(plan: ImportPlan): PlanSide {
  const parties = new Map<string, Map<string, string>>();
  for (const t of plan.tasks) {
    parties.set(t.measureNumber, (parties.get(t.measureNumber) ?? new Map<string, string>()).set(t.agencyName, t.role));
  }
  return { measures: plan.measures.filter((m) => !m.dropped).map(({ number, title }) => ({ number, title })), parties };
}
