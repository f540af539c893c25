import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type WorkflowHandle, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import type { TaskSnapshot, TaskUpdateInput, TaskUpdateKind } from './task.definitions';
import * as defs from './task.definitions';
import { AuditService } from '../audit/audit.service';
import { findPersonalData } from '../evidence/domain/personal-data';
import { EvidenceService } from '../evidence/evidence.service';
import { personalDataError } from '../evidence/evidence.errors';
import { CalendarService } from '../calendar/calendar.service';
import { CalendarGapError, isWorkingDay } from '../calendar/domain/working-days';
import { TEMPORAL_CLIENT } from '../temporal';
import { isIsoDate } from '../clock';
import { STATE_LABELS } from './domain/task-state';
import { TaskRepository, type TaskRow } from './task.repository';
import { asStandIn, type StandIn } from './stand-in';
import { TaskError } from './tasks.errors';

/**
 * One task update: its kind (the audit action is `task.<kind>`), the input the workflow gets and,
 * for a progress report or a submission, the task's attachments it names (added to the input).
 */
export type TaskCommandOf<K extends TaskUpdateKind> = { kind: K; input: TaskUpdateInput<K>; attachmentIds?: string[] };

export type TaskCommand = { [K in TaskUpdateKind]: TaskCommandOf<K> }[TaskUpdateKind];

/** The free-text fields of task actions, by the name a person knows them under. */
const FREE_TEXT: Record<string, string> = {
  actor: '操作人',
  note: '进展情况',
  evidence: '佐证材料说明',
  reason: '理由',
  text: '批示内容',
};

/** Liaison and coordinator actions: each is a Workflow Update, answered once the change is stored. */
@Injectable()
export class TaskActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly tasks: TaskRepository,
    private readonly evidence: EvidenceService,
  ) {}

  /**
   * `requestId` makes a retried request (same Idempotency-Key) apply at most once. `scope` limits
   * a liaison to their agencies: another agency's task answers as not found, so ids don't leak.
   */
  async execute(
    taskId: string,
    asked: TaskCommand,
    requestId?: string,
    scope: string[] | null = null,
    standIn?: StandIn,
  ): Promise<TaskSnapshot> {
    const task = await this.tasks.findById(taskId);
    if (!task || (scope && !scope.includes(task.agencyId)))
      throw new TaskError('TASK_NOT_FOUND', `找不到任务 ${taskId}`);
    // 代理: on another liaison's task the deputy acts as 「甲 代 乙」, in the history and in the audit log.
    return asStandIn(standIn?.(task.agencyId), (suffix) => {
      const command = suffix
        ? ({ ...asked, input: { ...asked.input, actor: asked.input.actor + suffix } } as TaskCommand)
        : asked;
      return this.apply(task, command, requestId);
    });
  }

  /**
   * 退回配合材料: the lead's liaison sends a cooperating task's input back for more (its clock runs
   * again). Only on measures the user's agency leads; the user's own task is not theirs to review.
   */
  async returnInput(
    taskId: string,
    input: { actor: string; actorId?: string; reason: string },
    requestId: string | undefined,
    scope: string[],
  ): Promise<TaskSnapshot> {
    const task = await this.tasks.findById(taskId);
    const leads = task ? await this.tasks.leadAgencies(task.measureId, task.period) : [];
    const leading = leads.some((l) => scope.includes(l.agencyId));
    if (!task || (!leading && !scope.includes(task.agencyId)))
      throw new TaskError('TASK_NOT_FOUND', `找不到任务 ${taskId}`);
    if (task.role !== 'cooperating' || !leading) {
      throw new TaskError('NOT_LEAD', '只有牵头单位可以退回配合单位报送的材料');
    }
    return this.apply(task, { kind: 'review', input: { ...input, decision: 'return' } }, requestId, true);
  }

  private async apply(task: TaskRow, asked: TaskCommand, requestId?: string, byLead = false): Promise<TaskSnapshot> {
    const taskId = task.id;
    if (!task.workflowId || task.state === 'draft') {
      throw new TaskError('NOT_LAUNCHED', '该任务所属文件尚未下发');
    }
    await this.refusePersonalData(task, asked);
    await this.checkDates(asked);
    if (!byLead) asked = await this.withCooperation(task, asked);
    if (asked.kind === 'reassign') {
      const problem = await this.tasks.reassignmentProblem(taskId, asked.input.toAgencyId);
      if (problem) throw new TaskError('INVALID_REASSIGNMENT', problem);
    }
    const command = await this.withAttachments(task.id, asked);
    const handle = this.temporal.workflow.getHandle(task.workflowId);
    const updateId = requestId ? `${command.kind}-${requestId}` : undefined;
    let snapshot: TaskSnapshot;
    try {
      snapshot = await this.update(handle, command, updateId);
    } catch (err) {
      const failure = this.translate(err, task);
      // A refused action changed nothing; its entry is best effort and never hides the refusal.
      await this.recordAction(task, command, { outcome: 'refused', code: failure.code }).catch(() => undefined);
      throw failure;
    }
    await this.recordAction(task, command, { outcome: 'applied', state: snapshot.state, dueDate: snapshot.dueDate });
    return snapshot;
  }

  /**
   * No personal data about children in any free text (issue 11). Refused before the workflow sees
   * it, and audited without the input, so the number is written nowhere.
   */
  private async refusePersonalData(task: TaskRow, { kind, input }: TaskCommand): Promise<void> {
    for (const [field, value] of Object.entries(input)) {
      const found = typeof value === 'string' && Object.hasOwn(FREE_TEXT, field) ? findPersonalData(value) : null;
      if (!found) continue;
      const error = personalDataError(FREE_TEXT[field], found, field);
      await this.audit
        .record(this.db.manager, {
          action: `task.${kind}`,
          targetType: 'task',
          targetId: task.id,
          taskId: task.id,
          documentId: task.documentId,
          before: { state: task.state },
          after: { outcome: 'refused', code: error.code, ...error.details },
        })
        .catch(() => undefined);
      throw error;
    }
  }

  /**
   * 牵头/配合: a cooperating task with a lead reports to it, so the coordinator does not accept it
   * (it closes with the measure once the lead's consolidated submission is accepted); the lead's
   * submission records what each cooperator had delivered by then.
   */
  private async withCooperation(task: TaskRow, command: TaskCommand): Promise<TaskCommand> {
    if (command.kind === 'review' && command.input.decision === 'accept' && task.role === 'cooperating') {
      const leads = await this.tasks.leadAgencies(task.measureId, task.period);
      if (leads.length > 0) {
        const names = leads.map((l) => l.agencyName).join('、');
        throw new TaskError(
          'REPORTS_TO_LEAD',
          `配合单位的材料报送牵头单位（${names}）汇总，由牵头单位统一报审；措施办结时配合任务随之办结`,
        );
      }
    }
    if (command.kind !== 'submit' || task.role !== 'lead') return command;
    const cooperators = await this.tasks.cooperatorsOf(task.measureId, task.period);
    if (cooperators.length === 0) return command;
    const consolidated = cooperators.map((c) => ({
      taskId: c.taskId,
      agency: c.agency,
      state: c.state,
      inputSeq: c.latestInput?.seq ?? null,
    }));
    return { kind: 'submit', input: { ...command.input, consolidated }, attachmentIds: command.attachmentIds };
  }

  /** The attachments a report or submission names, each of which must be the task's own. */
  private async withAttachments(taskId: string, command: TaskCommand): Promise<TaskCommand> {
    const { kind, attachmentIds } = command;
    if (!attachmentIds?.length || (kind !== 'progress' && kind !== 'submit')) return command;
    const attachments = await this.evidence.refs(taskId, attachmentIds);
    if (command.kind === 'progress') return { kind: 'progress', input: { ...command.input, attachments } };
    return { kind: 'submit', input: { ...command.input, attachments } };
  }

  /**
   * The workflow records the change itself (task_event, in its activity's transaction); the audit
   * entry is the API's account of the request: who asked, in which request, and what came of it.
   */
  private async recordAction(task: TaskRow, command: TaskCommand, outcome: Record<string, unknown>): Promise<void> {
    const { kind, input } = command;
    await this.audit.record(this.db.manager, {
      action: `task.${kind}`,
      targetType: 'task',
      targetId: task.id,
      taskId: task.id,
      documentId: task.documentId,
      before: { state: task.state },
      after: { ...outcome, input },
    });
  }

  private update<K extends TaskUpdateKind>(
    handle: WorkflowHandle,
    { kind, input }: TaskCommandOf<K>,
    updateId?: string,
  ): Promise<TaskSnapshot> {
    return handle.executeUpdate(defs.TASK_UPDATES[kind], { updateId, args: [input] });
  }

  /** A date that the calendar cannot count from is refused here, before the workflow sees it. */
  private async checkDates(command: TaskCommand): Promise<void> {
    const date =
      command.kind === 'requestExtension'
        ? command.input.proposedDate
        : command.kind === 'decideExtension'
          ? command.input.dueDate
          : undefined;
    if (date === undefined) return;
    if (!isIsoDate(date)) throw new TaskError('INVALID_DATE', `「${date}」不是有效日期（格式 YYYY-MM-DD）`);
    try {
      isWorkingDay(await this.calendar.getWorkCalendar(), date);
    } catch (err) {
      if (err instanceof CalendarGapError) throw new TaskError('CALENDAR_NOT_COVERED', err.message, { year: err.year });
      throw err;
    }
  }

  private translate(err: unknown, task: TaskRow): TaskError {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const type = err.cause.type ?? '';
      if (defs.isUpdateRejection(type)) return new TaskError(type, err.cause.message);
    }
    // A finished workflow takes no more updates: the task is final. The server answers NOT_FOUND
    // ("workflow execution already completed"), which the client throws as WorkflowNotFoundError.
    if (err instanceof WorkflowNotFoundError) {
      return new TaskError('INVALID_TRANSITION', `任务当前为「${STATE_LABELS[task.state]}」，已不能再操作`);
    }
    return new TaskError('WORKFLOW_UNAVAILABLE', `工作流服务暂不可用，请稍后重试：${(err as Error).message}`);
  }
}
