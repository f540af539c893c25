import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { TasksService } from '../../tasks/tasks.service';
import { DocumentsService } from '../documents.service';
import { checkText } from '../parse/check-text';
import { type Correction, type ImportPlan, type PlannedRole, planImport } from './domain/import-plan';
import type { AgencyKind } from '../registry/domain/registry.types';
import { parsePolicy } from '../parse/parse-policy';
import type { ParseResult } from '../parse/parse-result.types';
import { diffPlans, measureKey, type PlanDiff, type PlanSide } from './domain/plan-diff';
import { DocumentError } from '../documents.errors';
import { RegistryService } from '../registry/registry.service';
import { type ImportDraftRow, ImportRepository } from './import.repository';

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
    private readonly drafts: ImportRepository,
    private readonly documents: DocumentsService,
    private readonly registry: RegistryService,
    private readonly tasks: TasksService,
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
    const refused = parse.warnings.find((w) => w.code === 'TABLE_WITHOUT_LEAD_COLUMN');
    if (refused) {
      throw new DocumentError('TABLE_WITHOUT_LEAD_COLUMN', refused.message, { columns: parse.table?.columns ?? [] });
    }
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
    if (revisesDocumentId && !(await this.documents.exists(revisesDocumentId))) {
      throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到要修订的文件 ${revisesDocumentId}`);
    }
    const draft = await this.db.transaction(async (tx) => {
      const saved = await this.drafts.insert(
        { sourceText: text, parse, revisesDocumentId: revisesDocumentId ?? null, createdBy: actor },
        tx,
      );
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
    return this.preview(await this.load(id));
  }

  async correct(id: string, edits: EditInput[], actor: string, reason: string): Promise<ImportPreview> {
    const draft = await this.db.transaction(async (tx) => {
      const d = await this.load(id, tx);
      if (d.status === 'confirmed') throw new DocumentError('IMPORT_CONFIRMED', '该导入已确认，不能再修改');
      const registry = await this.registry.snapshot(tx);
      const at = new Date().toISOString();
      const ids = registry.agencies.map((a) => a.id);
      const checked = edits.map((edit) => this.checkEdit(edit, d.parse, ids));
      const appended = checked.map((e) => ({ ...e, by: actor, at, reason }));
      const before = { corrections: d.corrections.length };
      const saved = await this.drafts.setCorrections(d.id, [...d.corrections, ...appended], tx);
      await this.audit.record(tx, {
        action: 'import.correct',
        targetType: 'import',
        targetId: d.id,
        documentId: d.revisesDocumentId,
        before,
        after: { corrections: saved.corrections.length, appended },
      });
      return saved;
    });
    return this.preview(draft);
  }

  async confirm(
    id: string,
  ): Promise<{ importId: string; documentId: string; taskCount: number; alreadyConfirmed: boolean }> {
    return this.db.transaction(async (tx) => {
      const d = await this.load(id, tx);
      if (d.status === 'confirmed' && d.documentId) {
        const taskCount = await this.tasks.countOfDocument(d.documentId, tx);
        return { importId: d.id, documentId: d.documentId, taskCount, alreadyConfirmed: true };
      }
      const plan = planImport(d.parse, await this.registry.snapshot(tx), d.corrections);
      this.mustBeResolved(plan);
      const documentId = await this.persist(tx, d.sourceText, d.parse, plan, d.revisesDocumentId);
      await this.drafts.markConfirmed(d.id, documentId, tx);
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

  /** The document a draft revises, if any (read without a lock: the caller decides how to confirm). */
  async revisedDocumentOf(id: string): Promise<string | null> {
    return (await this.load(id)).revisesDocumentId;
  }

  /**
   * What a revision of a launched document needs, in the caller's transaction with the draft's row
   * locked: the resolved plan (agencies the corrections asked for created), the diff against the
   * document as it stands, and the parse. Null when the draft is confirmed already.
   */
  async revisionInputs(id: string, tx: EntityManager) {
    const d = await this.load(id, tx);
    if (d.status === 'confirmed' && d.documentId) return { kind: 'confirmed', documentId: d.documentId } as const;
    if (!d.revisesDocumentId) throw new DocumentError('DOCUMENT_NOT_FOUND', `导入 ${id} 不是对已下发文件的修订`);
    const plan = planImport(d.parse, await this.registry.snapshot(tx), d.corrections);
    this.mustBeResolved(plan);
    const created = await this.registry.ensureAgencies(plan.newAgencies, tx);
    const diff = diffPlans(await this.confirmedSide(d.revisesDocumentId), planSide(plan, d.parse));
    return { kind: 'revise', draft: d, plan, created, diff } as const;
  }

  /** Closes a revision applied in place: the draft confirmed into the revised document, audited. */
  async finishRevision(
    d: ImportDraftRow,
    documentId: string,
    summary: Record<string, unknown>,
    tx: EntityManager,
  ): Promise<void> {
    await this.drafts.markConfirmed(d.id, documentId, tx);
    await this.audit.record(tx, {
      action: 'import.confirm',
      targetType: 'import',
      targetId: d.id,
      documentId,
      before: { status: d.status },
      after: { status: 'confirmed', documentId, revisedInPlace: true, ...summary },
    });
  }

  /** With `tx`, the draft's row is locked for that transaction. */
  private async load(id: string, tx?: EntityManager): Promise<ImportDraftRow> {
    const draft = await this.drafts.findById(id, tx, tx !== undefined);
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

  private async preview(d: ImportDraftRow): Promise<ImportPreview> {
    const plan = planImport(d.parse, await this.registry.snapshot(), d.corrections);
    return {
      id: d.id,
      status: d.status,
      documentId: d.documentId,
      revisesDocumentId: d.revisesDocumentId,
      parse: d.parse,
      corrections: d.corrections,
      plan: { ...plan, taskCount: plan.tasks.length },
      diff: d.revisesDocumentId
        ? diffPlans(await this.confirmedSide(d.revisesDocumentId), planSide(plan, d.parse))
        : null,
    };
  }

  private async confirmedSide(documentId: string): Promise<PlanSide> {
    // A withdrawn measure is no longer part of the document.
    const rows = (await this.documents.measures(documentId)).filter((m) => m.withdrawnAt === null);
    const measures = rows.map(({ number, section, title, text }) => ({ number, section, title, text }));
    const keyOf = new Map(rows.map((m) => [m.id, measureKey(m)]));
    const parties = new Map<string, Map<string, string>>();
    for (const t of await this.tasks.tasksOfDocument(documentId)) {
      if (t.state === 'cancelled' || t.state === 'reassigned') continue;
      const key = keyOf.get(t.measureId) ?? '';
      parties.set(key, (parties.get(key) ?? new Map<string, string>()).set(t.agencyName, t.role));
    }
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
    const created = await this.registry.ensureAgencies(plan.newAgencies, tx);
    const measures = plan.measures
      .filter((x) => !x.dropped)
      .map((m) => {
        const pm = parse.measures[m.seq - 1];
        return { seq: m.seq, number: pm.number, section: pm.section, title: pm.title, text: pm.text, span: pm.span };
      });
    const doc = await this.documents.create(
      {
        title: parse.title,
        issuer: parse.issuer,
        docNumber: parse.docNumber,
        issuedOn: parse.issuedOn,
        coordinator: parse.coordinator,
        sourceText: text,
        parse,
        supersedesId,
      },
      measures,
      tx,
    );
    await this.tasks.createDrafts(
      doc.id,
      plan.tasks.map((t) => ({
        measureId: doc.measureIds.get(t.measure) as string,
        agencyId: (t.agencyId ?? created.get(t.agencyName)) as string,
        role: t.role,
        source: t.source,
        partyAsWritten: t.party,
        span: t.span ?? null,
      })),
      tx,
    );
    return doc.id;
  }
}

function planSide(plan: ImportPlan, parse: ParseResult): PlanSide {
  const kept = plan.measures.filter((m) => !m.dropped);
  const measureOf = (seq: number) => parse.measures[seq - 1];
  const parties = new Map<string, Map<string, string>>();
  for (const t of plan.tasks) {
    const key = measureKey(measureOf(t.measure));
    parties.set(key, (parties.get(key) ?? new Map<string, string>()).set(t.agencyName, t.role));
  }
  const measures = kept.map((m) => {
    const { number, section, title, text } = measureOf(m.seq);
    return { number, section, title, text };
  });
  return { measures, parties };
}
