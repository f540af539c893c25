import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import type { TaskSnapshot } from '../../workflows/task.definitions';
import {
  UPDATE_REJECTIONS,
  type UpdateRejection,
  acknowledgeUpdate,
  progressUpdate,
  reviewUpdate,
  submitUpdate,
} from '../../workflows/task.definitions';
import { TEMPORAL_CLIENT } from '../temporal';
import { STATE_LABELS } from './domain/task-state';
import { Task } from './entities/task.entity';
import { TaskError } from './tasks.errors';

export type TaskCommand =
  | { kind: 'acknowledge'; actor: string }
  | { kind: 'progress'; actor: string; note: string }
  | { kind: 'submit'; actor: string; evidence: string }
  | { kind: 'review'; actor: string; decision: 'accept' | 'return'; reason?: string };

/** Liaison and coordinator actions: each is a Workflow Update, answered once the change is stored. */
@Injectable()
export class TaskActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** `requestId` makes a retried request (same Idempotency-Key) apply at most once. */
  async execute(taskId: string, command: TaskCommand, requestId?: string): Promise<TaskSnapshot> {
    const task = await this.db.getRepository(Task).findOne({ where: { id: taskId } });
    if (!task) throw new TaskError('TASK_NOT_FOUND', `找不到任务 ${taskId}`);
    if (!task.workflowId || task.state === 'draft') {
      throw new TaskError('NOT_LAUNCHED', '该任务所属文件尚未下发');
    }
    const handle = this.temporal.workflow.getHandle(task.workflowId);
    const options = requestId ? { updateId: `${command.kind}-${requestId}` } : {};
    try {
      switch (command.kind) {
        case 'acknowledge':
          return await handle.executeUpdate(acknowledgeUpdate, { ...options, args: [{ actor: command.actor }] });
        case 'progress':
          return await handle.executeUpdate(progressUpdate, {
            ...options,
            args: [{ actor: command.actor, note: command.note }],
          });
        case 'submit':
          return await handle.executeUpdate(submitUpdate, {
            ...options,
            args: [{ actor: command.actor, evidence: command.evidence }],
          });
        case 'review':
          return await handle.executeUpdate(reviewUpdate, {
            ...options,
            args: [{ actor: command.actor, decision: command.decision, reason: command.reason }],
          });
      }
    } catch (err) {
      throw this.translate(err, task);
    }
  }

  private translate(err: unknown, task: Task): Error {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const type = err.cause.type ?? '';
      if ((UPDATE_REJECTIONS as readonly string[]).includes(type)) {
        return new TaskError(type as UpdateRejection, err.cause.message);
      }
    }
    // A finished workflow takes no more updates: the task is final.
    if (err instanceof WorkflowNotFoundError || /already completed|workflow execution already/i.test(String(err))) {
      return new TaskError('INVALID_TRANSITION', `任务当前为「${STATE_LABELS[task.state]}」，已不能再操作`);
    }
    return new TaskError('WORKFLOW_UNAVAILABLE', `工作流服务暂不可用，请稍后重试：${(err as Error).message}`);
  }
}
