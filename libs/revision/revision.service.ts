import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { measureRevisionWorkflow } from '../../workflows/revision.workflow';
import { APP_CONFIG, type AppConfig } from '../config';
import { measureKey } from '../documents/import/domain/plan-diff';
import { ImportService } from '../documents/import/import.service';
import { DocumentsService } from '../documents/documents.service';
import { isFinal } from '../tasks/domain/task-state';
import { TasksService } from '../tasks/tasks.service';
import { TaskError } from '../tasks/tasks.errors';
import { TEMPORAL_CLIENT } from '../temporal';
import { WithdrawalService } from '../withdrawal/withdrawal.service';
import { revisionSummary } from './domain/revision-summary';
import { type MeasureRevisionInput, measureRevisionWorkflowId } from './revision.definitions';

export interface ConfirmResult {
  importId: string;
  documentId: string;
  taskCount: number;
  alreadyConfirmed: boolean;
}

/**
 * Confirms an import. A revision of a launched document is applied to it in place, so its running
 * tasks carry on: unchanged measures are left alone; changed measures keep their tasks, with the
 * change recorded in each and the liaisons told; parties no longer named have their task
 * withdrawn, new parties get a task; removed measures are withdrawn; new measures are launched.
 * Anything else is the importer's ordinary confirm (a new document, superseding the old one).
 */
@Injectable()
export class RevisionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly imports: ImportService,
    private readonly documents: DocumentsService,
    private readonly tasks: TasksService,
    private readonly withdrawals: WithdrawalService,
  ) {}

  async confirm(importId: string, by: string): Promise<ConfirmResult> {
    const revises = await this.imports.revisedDocumentOf(importId);
    const target = revises ? await this.documents.getDocument(revises) : null;
    if (!target || target.status !== 'launched' || target.withdrawnAt !== null) return this.imports.confirm(importId);
    return this.db.transaction(async (tx) => {
      const inputs = await this.imports.revisionInputs(importId, tx);
      const doc = await this.documents.lockDocument(target.id, tx);
      if (inputs.kind === 'confirmed') {
        const taskCount = await this.tasks.countOfDocument(inputs.documentId, tx);
        return { importId, documentId: inputs.documentId, taskCount, alreadyConfirmed: true };
      }
      const { draft, plan, created, diff } = inputs;
      const parse = draft.parse;
      const revision = await this.documents.replaceText(
        doc.id,
        { ...pick(parse), sourceText: draft.sourceText, parse },
        tx,
      );
      const byKey = new Map(
        (await this.documents.measures(doc.id, tx))
          .filter((m) => m.withdrawnAt === null)
          .map((m) => [measureKey(m), m]),
      );
      const running = (await this.tasks.tasksOfDocument(doc.id, tx)).filter((t) => !isFinal(t.state));
      const reason = `文件修订（第 ${revision} 版）`;
      const kept = new Set<string>();
      const changedMeasures = new Map<string, string>(); // measure id → summary
      const changes = new Map(diff.changed.map((c) => [measureKey(c), revisionSummary(c)]));
      const newMeasureIds: string[] = [];
      for (const m of plan.measures.filter((x) => !x.dropped)) {
        const pm = parse.measures[m.seq - 1];
        const key = measureKey(pm);
        const fields = { number: pm.number, section: pm.section, title: pm.title, text: pm.text, span: pm.span };
        const existing = byKey.get(key);
        const measureId = existing ? existing.id : await this.documents.appendMeasure(doc.id, fields, tx);
        if (existing) {
          kept.add(key);
          await this.documents.updateMeasure(existing.id, fields, tx);
          if (changes.get(key)) changedMeasures.set(existing.id, changes.get(key) ?? '');
        } else newMeasureIds.push(measureId);
        const mine = running.filter((t) => t.measureId === measureId);
        const planned = plan.tasks.filter((t) => t.measure === m.seq);
        const drafts = [];
        for (const t of planned) {
          const agencyId = (t.agencyId ?? created.get(t.agencyName)) as string;
          // A recurring measure's agency may have a running task in more than one period: each is revised.
          const same = mine.filter((r) => r.agencyId === agencyId);
          const revised = { role: t.role, partyAsWritten: t.party, span: t.span ?? null };
          for (const r of same) await this.tasks.reviseTask(r.id, revised, tx);
          if (same.length === 0) drafts.push({ measureId, agencyId, source: t.source, ...revised });
        }
        if (drafts.length > 0) await this.tasks.createDrafts(doc.id, drafts, tx);
        for (const gone of mine.filter(
          (r) => !planned.some((t) => (t.agencyId ?? created.get(t.agencyName)) === r.agencyId),
        )) {
          await this.withdrawals.withdrawWithin(
            tx,
            { scope: 'task', id: gone.id, reason: `${reason}后不再由贵单位承担此项`, by },
            doc,
          );
        }
      }
      for (const [key, m] of byKey) {
        if (!kept.has(key))
          await this.withdrawals.withdrawWithin(
            tx,
            { scope: 'measure', id: m.id, reason: `${reason}删除此项`, by },
            doc,
          );
      }
      // The new tasks: launched with the document's settings, started by their measure's revision
      // workflow once this commits (which also tells a changed measure's running tasks).
      const launched = await this.tasks.launchDrafts(doc.id, doc.dueDate ?? '', tx);
      const touched = new Set([...changedMeasures.keys(), ...launched.map((t) => t.measureId)]);
      for (const measureId of touched) {
        const newTaskIds = launched.filter((t) => t.measureId === measureId).map((t) => t.id);
        await this.startRevision({
          documentId: doc.id,
          measureId,
          revision,
          summary: changedMeasures.get(measureId) ?? '',
          newTaskIds,
        });
      }
      const summary = {
        revision,
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
      };
      await this.imports.finishRevision(draft, doc.id, summary, tx);
      return {
        importId,
        documentId: doc.id,
        taskCount: await this.tasks.countOfDocument(doc.id, tx),
        alreadyConfirmed: false,
      };
    });
  }

  private startRevision(input: MeasureRevisionInput): Promise<void> {
    return this.start(() =>
      this.temporal.workflow.start<typeof measureRevisionWorkflow>('measureRevisionWorkflow', {
        workflowId: measureRevisionWorkflowId(input.measureId, input.revision),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      }),
    );
  }

  // Inside the revision's transaction: if Temporal refuses, nothing of the revision is stored.
  private async start(start: () => Promise<unknown>): Promise<void> {
    try {
      await start();
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      throw new TaskError(
        'WORKFLOW_UNAVAILABLE',
        `工作流服务暂不可用，修订未生效，请稍后重试：${(err as Error).message}`,
      );
    }
  }
}

const pick = (p: {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedOn: string | null;
  coordinator: string | null;
}) => ({
  title: p.title,
  issuer: p.issuer,
  docNumber: p.docNumber,
  issuedOn: p.issuedOn,
  coordinator: p.coordinator,
});
