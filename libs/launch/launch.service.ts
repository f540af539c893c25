import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { documentWorkflow } from '../../workflows/document.workflow';
import { DEFAULT_MAX_EXTENSIONS } from './launch.activities';
import type { DocumentWorkflowInput } from './launch.definitions';
import { documentWorkflowId, taskWorkflowId } from './launch.definitions';
import { isOutage } from './temporal-refusal';
import { AuditService } from '../audit/audit.service';
import { currentAuditContext } from '../audit/audit-context';
import { CalendarService } from '../calendar/calendar.service';
import { addWorkingDays, CalendarGapError, isWorkingDay } from '../calendar/domain/working-days';
import { APP_CONFIG, type AppConfig } from '../config';
import { DocumentError } from '../documents/documents.errors';
import { DocumentsService } from '../documents/documents.service';
import { TEMPORAL_CLIENT } from '../temporal';
import { isIsoDate, shanghaiDay } from '../clock';
import { DEFAULT_LADDER, ladderProblems, type Rung } from '../clock/domain/ladder';
import type { ReportCadence } from '../clock/domain/firing-plan';
import { TasksService } from '../tasks/tasks.service';
import { TaskError } from '../tasks/tasks.errors';

export interface LaunchRequest {
  /** Exactly one of dueDate and dueInWorkingDays. */
  dueDate?: string;
  dueInWorkingDays?: number;
  ladder?: Rung[];
  maxExtensions?: number;
  reportCadence?: ReportCadence | null;
}

export interface LaunchResult {
  documentId: string;
  workflowId: string;
  dueDate: string;
  dueBasis: string;
  tasks: number;
  /** True when this call found the document already launched with the same due date. */
  alreadyLaunched: boolean;
}

export { DEFAULT_MAX_EXTENSIONS };

@Injectable()
export class LaunchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly tasks: TasksService,
  ) {}

  /** The due date a request asks for, checked against the working-day calendar. */
  private async resolveDueDate(req: LaunchRequest, today: string): Promise<{ dueDate: string; dueBasis: string }> {
    if ((req.dueDate === undefined) === (req.dueInWorkingDays === undefined)) {
      throw new TaskError('DUE_REQUIRED', '请给出截止日期 dueDate 或工作日数 dueInWorkingDays（二选一）');
    }
    const cal = await this.calendar.getWorkCalendar();
    try {
      if (req.dueInWorkingDays !== undefined) {
        const dueDate = addWorkingDays(cal, today, req.dueInWorkingDays);
        return { dueDate, dueBasis: `自下发日 ${today} 起 ${req.dueInWorkingDays} 个工作日` };
      }
      const dueDate = req.dueDate ?? '';
      if (!isIsoDate(dueDate)) {
        throw new TaskError('INVALID_DATE', `截止日期「${dueDate}」不是有效日期（格式 YYYY-MM-DD）`);
      }
      // Refuses a due date in a year the calendar does not cover, instead of guessing Mon–Fri.
      isWorkingDay(cal, dueDate);
      return { dueDate, dueBasis: '下发时指定日期' };
    } catch (err) {
      if (err instanceof CalendarGapError) {
        throw new TaskError('CALENDAR_NOT_COVERED', err.message, { year: err.year });
      }
      throw err;
    }
  }

  /**
   * Starts the document's workflows. Safe to repeat: the workflow IDs are business keys, so a
   * second launch with the same due date starts nothing and reports alreadyLaunched.
   */
  async launch(documentId: string, req: LaunchRequest, now = new Date()): Promise<LaunchResult> {
    const today = shanghaiDay(now);
    if (!(await this.documents.exists(documentId))) {
      throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到文件 ${documentId}`);
    }
    const ladder = req.ladder ?? DEFAULT_LADDER;
    const problems = ladderProblems(ladder);
    if (problems.length > 0)
      throw new TaskError('INVALID_LADDER', `升级规则有误：${problems.join('；')}`, { problems });
    const { dueDate, dueBasis } = await this.resolveDueDate(req, today);

    return this.db.transaction(async (tx) => {
      // Row lock: concurrent launches of one document run one after the other.
      const doc = await this.documents.lockDocument(documentId, tx);
      const alreadyLaunched = doc.status === 'launched';
      if (alreadyLaunched && doc.dueDate !== dueDate) {
        throw new TaskError('ALREADY_LAUNCHED', `该文件已下发，截止日期为 ${doc.dueDate}，不能以不同日期重复下发`, {
          dueDate: doc.dueDate,
        });
      }
      if (!alreadyLaunched && dueDate <= today) {
        throw new TaskError('DUE_DATE_IN_PAST', `截止日期 ${dueDate} 必须晚于今天（${today}）`);
      }
      const settings = alreadyLaunched
        ? {
            ladder: doc.ladder ?? ladder,
            maxExtensions: doc.maxExtensions ?? DEFAULT_MAX_EXTENSIONS,
            reportCadence: doc.reportCadence,
          }
        : {
            ladder,
            maxExtensions: req.maxExtensions ?? DEFAULT_MAX_EXTENSIONS,
            reportCadence: req.reportCadence ?? null,
          };

      const tasks = await this.tasks.tasksToLaunch(documentId, tx);
      if (!alreadyLaunched && tasks.length === 0) {
        throw new TaskError('NO_TASKS', '该文件没有任何任务，不能下发：请先在导入预览中为措施指定责任单位');
      }
      if (!alreadyLaunched) {
        const launchedBy = currentAuditContext().actorId;
        await this.documents.markLaunched(
          documentId,
          { dueDate, dueBasis, launchedAt: now, launchedBy, ...settings },
          tx,
        );
        for (const task of tasks) {
          await this.tasks.markLaunched(task.id, dueDate, taskWorkflowId(task.id), tx);
        }
        // A repeated launch changes nothing, so only the first one is recorded.
        await this.audit.record(tx, {
          action: 'document.launch',
          targetType: 'document',
          targetId: documentId,
          documentId,
          before: { status: doc.status },
          after: { status: 'launched', dueDate, dueBasis, tasks: tasks.length, ...settings },
        });
      }
      const workflowId = documentWorkflowId(documentId);
      // Ids only: the workflows read the stored settings and tasks, so the input never grows.
      const input: DocumentWorkflowInput = { documentId };
      // Started inside the transaction: if Temporal refuses, nothing is marked launched.
      await this.startDocumentWorkflow(workflowId, input);
      return { documentId, workflowId, dueDate, dueBasis, tasks: tasks.length, alreadyLaunched };
    });
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
      const reason = (err as Error).message;
      if (isOutage(err)) {
        throw new TaskError('WORKFLOW_UNAVAILABLE', `工作流服务暂不可用，文件未下发，请稍后重试：${reason}`);
      }
      // Refused on its merits (a bad or oversized request): the same request would be refused again.
      throw new TaskError(
        'WORKFLOW_REFUSED',
        `工作流服务拒绝了下发请求，文件未下发，重试无效，请联系管理员：${reason}`,
      );
    }
  }
}
