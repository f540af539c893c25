import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { documentWorkflow } from '../../workflows/document.workflow';
import type { DocumentWorkflowInput, MeasureWorkflowInput } from '../../workflows/document.definitions';
import { documentWorkflowId, taskWorkflowId } from '../../workflows/document.definitions';
import { APP_CONFIG, type AppConfig } from '../config';
import { PolicyDocument } from '../policy/entities/policy-document.entity';
import { TEMPORAL_CLIENT } from '../temporal';
import { type LadderSettings, isIsoDate, planRungs, shanghaiDay } from './domain/deadline';
import { Task } from './entities/task.entity';
import { TaskError } from './tasks.errors';

export interface LaunchRequest {
  dueDate: string;
  ladder: LadderSettings;
}

export interface LaunchResult {
  documentId: string;
  workflowId: string;
  dueDate: string;
  tasks: number;
  /** True when this call found the document already launched with the same due date. */
  alreadyLaunched: boolean;
}

@Injectable()
export class LaunchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts the document's workflows. Safe to repeat: the workflow IDs are business keys, so a
   * second launch with the same due date starts nothing and reports alreadyLaunched.
   */
  async launch(documentId: string, req: LaunchRequest, now = new Date()): Promise<LaunchResult> {
    if (!isIsoDate(req.dueDate)) {
      throw new TaskError('INVALID_DATE', `截止日期「${req.dueDate}」不是有效日期（格式 YYYY-MM-DD）`);
    }
    const today = shanghaiDay(now);
    return this.db.transaction(async (tx) => {
      // Row lock: concurrent launches of one document run one after the other.
      const doc = await tx.getRepository(PolicyDocument).findOne({
        where: { id: documentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!doc) throw new TaskError('DOCUMENT_NOT_FOUND', `找不到文件 ${documentId}`);
      const alreadyLaunched = doc.status === 'launched';
      if (alreadyLaunched && doc.dueDate !== req.dueDate) {
        throw new TaskError(
          'ALREADY_LAUNCHED',
          `该文件已于此前下发，截止日期为 ${doc.dueDate}，不能以不同日期重复下发`,
          {
            dueDate: doc.dueDate,
          },
        );
      }
      if (!alreadyLaunched && req.dueDate <= today) {
        throw new TaskError('DUE_DATE_IN_PAST', `截止日期 ${req.dueDate} 必须晚于今天（${today}）`);
      }

      const tasks = await tx.getRepository(Task).find({
        where: { documentId },
        relations: { agency: true, measure: true },
        order: { measure: { seq: 'ASC' }, createdAt: 'ASC' },
      });
      if (!alreadyLaunched) {
        await tx.update(
          PolicyDocument,
          { id: documentId },
          { status: 'launched', dueDate: req.dueDate, launchedAt: now },
        );
        for (const task of tasks) {
          await tx.update(Task, { id: task.id }, { dueDate: req.dueDate, workflowId: taskWorkflowId(task.id) });
        }
      }
      const workflowId = documentWorkflowId(documentId);
      // Started inside the transaction: if Temporal refuses, nothing is marked launched.
      await this.startDocumentWorkflow(workflowId, this.workflowInput(documentId, tasks, req));
      return { documentId, workflowId, dueDate: req.dueDate, tasks: tasks.length, alreadyLaunched };
    });
  }

  private workflowInput(documentId: string, tasks: Task[], req: LaunchRequest): DocumentWorkflowInput {
    const rungs = planRungs(req.dueDate, req.ladder);
    const byMeasure = new Map<string, MeasureWorkflowInput>();
    for (const task of tasks) {
      let measure = byMeasure.get(task.measureId);
      if (!measure) {
        measure = { documentId, measureId: task.measureId, tasks: [] };
        byMeasure.set(task.measureId, measure);
      }
      measure.tasks.push({
        taskId: task.id,
        documentId,
        measureId: task.measureId,
        agencyName: task.agency?.name ?? '',
        role: task.role,
        dueDate: req.dueDate,
        rungs,
      });
    }
    return { documentId, measures: [...byMeasure.values()] };
  }

  private async startDocumentWorkflow(workflowId: string, input: DocumentWorkflowInput): Promise<void> {
    try {
      await this.temporal.workflow.start<typeof documentWorkflow>('documentWorkflow', {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      throw new TaskError(
        'WORKFLOW_UNAVAILABLE',
        `工作流服务暂不可用，文件未下发，请稍后重试：${(err as Error).message}`,
      );
    }
  }
}
