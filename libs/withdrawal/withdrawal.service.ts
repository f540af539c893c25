import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource, type EntityManager } from 'typeorm';
import type { withdrawalWorkflow } from '../../workflows/withdrawal.workflow';
import { AuditService } from '../audit/audit.service';
import { findPersonalData } from '../evidence/domain/personal-data';
import { personalDataError } from '../evidence/evidence.errors';
import { APP_CONFIG, type AppConfig } from '../config';
import type { PolicyDocumentRow } from '../documents/documents.repository';
import { DocumentsService } from '../documents/documents.service';
import { TasksService } from '../tasks/tasks.service';
import { TaskError } from '../tasks/tasks.errors';
import { TEMPORAL_CLIENT } from '../temporal';
import { type WithdrawalScope, withdrawalWorkflowId } from './withdrawal.definitions';

export interface WithdrawalOutcome {
  scope: WithdrawalScope;
  id: string;
  documentId: string;
  /** True when this call found it withdrawn already (the first reason stands). */
  alreadyWithdrawn: boolean;
  reason: string;
  /** Tasks never launched, cancelled at once. */
  cancelledUnlaunched: number;
  /** The fan-out telling the running tasks to end, or null when nothing was launched. */
  workflowId: string | null;
}

/** Withdraws (撤销) a measure or a whole document: marked, audited, and its running tasks ended. */
@Injectable()
export class WithdrawalService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: DocumentsService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Safe to repeat: a second call finds it withdrawn, keeps the first reason, and makes sure the
   * fan-out was started (its business key finds a started run).
   */
  async withdraw(scope: 'measure' | 'document', id: string, reason: string, by: string): Promise<WithdrawalOutcome> {
    // No personal data about children in the record (a reason is free text like any other).
    const found = findPersonalData(reason);
    if (found) throw personalDataError('撤销理由', found, 'reason');
    return this.db.transaction(async (tx) => {
      const measure = scope === 'measure' ? await this.documents.getMeasure(id, tx) : null;
      const doc = await this.documents.lockDocument(measure?.documentId ?? id, tx);
      const earlier = scope === 'document' ? doc.withdrawReason : (measure?.withdrawReason ?? doc.withdrawReason);
      return this.withdrawWithin(tx, { scope, id, reason, by }, doc, earlier);
    });
  }

  /**
   * In the caller's transaction (which holds the document's row lock): marks it, cancels the
   * tasks never launched, audits, and starts the fan-out for a launched document. A revision of
   * the document withdraws its removed measures, and the tasks of parties it no longer names
   * (scope `task`), through here.
   */
  async withdrawWithin(
    tx: EntityManager,
    w: { scope: WithdrawalScope; id: string; reason: string; by: string },
    doc: PolicyDocumentRow,
    earlier: string | null = null,
  ): Promise<WithdrawalOutcome> {
    const { scope, id, reason, by } = w;
    let cancelledUnlaunched = 0;
    if (earlier === null) {
      if (scope !== 'task') {
        await this.documents.markWithdrawn(scope, id, reason, tx);
        cancelledUnlaunched = await this.tasks.cancelUnlaunched(scope, id, by, reason, tx);
      }
      await this.audit.record(tx, {
        action: `${scope}.withdraw`,
        targetType: scope,
        targetId: id,
        documentId: doc.id,
        ...(scope === 'task' ? { taskId: id } : {}),
        before: { withdrawn: false },
        after: { withdrawn: true, reason, cancelledUnlaunched },
      });
    }
    const workflowId = doc.status === 'launched' ? withdrawalWorkflowId(scope, id) : null;
    // Started inside the transaction: if Temporal refuses, nothing is marked withdrawn.
    if (workflowId) await this.startFanOut(workflowId, { scope, id, reason: earlier ?? reason, by });
    const outcome = { scope, id, documentId: doc.id, reason: earlier ?? reason, cancelledUnlaunched, workflowId };
    return { ...outcome, alreadyWithdrawn: earlier !== null };
  }

  private async startFanOut(workflowId: string, input: Parameters<typeof withdrawalWorkflow>[0]): Promise<void> {
    try {
      await this.temporal.workflow.start<typeof withdrawalWorkflow>('withdrawalWorkflow', {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      throw new TaskError('WORKFLOW_UNAVAILABLE', `工作流服务暂不可用，未撤销，请稍后重试：${(err as Error).message}`);
    }
  }
}
