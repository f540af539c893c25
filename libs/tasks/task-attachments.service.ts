import { Injectable } from '@nestjs/common';
import { type AttachmentView, EvidenceService } from '../evidence/evidence.service';
import { isFinal } from './domain/task-state';
import { asStandIn, type StandIn } from './stand-in';
import { TaskRepository, type TaskRow } from './task.repository';
import { TaskError } from './tasks.errors';

/**
 * The evidence files of a task: uploaded by its agency while the task runs, seen by whoever may
 * see the task. `scope` is a liaison's agencies (null: every task), as for the task itself, so
 * another agency's task and its files answer as not found.
 */
@Injectable()
export class TaskAttachmentsService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly evidence: EvidenceService,
  ) {}

  async upload(
    taskId: string,
    file: { name: string; bytes: Buffer },
    uploadedBy: string,
    scope: string[] | null,
    standIn?: StandIn,
  ): Promise<AttachmentView> {
    const task = await this.own(taskId, scope);
    if (!task.workflowId || task.state === 'draft') throw new TaskError('NOT_LAUNCHED', '该任务所属文件尚未下发');
    if (isFinal(task.state)) throw new TaskError('TASK_FINAL', '任务已结束，不能再上传附件');
    return asStandIn(standIn?.(task.agencyId), (suffix) => this.evidence.store(task, file, uploadedBy + suffix));
  }

  async list(taskId: string, scope: string[] | null): Promise<AttachmentView[]> {
    await this.visible(taskId, scope);
    return this.evidence.list(taskId);
  }

  async download(taskId: string, attachmentId: string, scope: string[] | null) {
    await this.visible(taskId, scope);
    return this.evidence.download(taskId, attachmentId);
  }

  // Uploads only by the task's own agency.
  private async own(taskId: string, scope: string[] | null): Promise<TaskRow> {
    const task = await this.tasks.findById(taskId);
    if (!task || (scope && !scope.includes(task.agencyId)))
      throw new TaskError('TASK_NOT_FOUND', `找不到任务 ${taskId}`);
    return task;
  }

  // Seen by whoever sees the task: a lead's liaison also sees its cooperators' files.
  private async visible(taskId: string, scope: string[] | null): Promise<TaskRow> {
    const task = await this.tasks.findById(taskId);
    if (!task || (scope && !scope.includes(task.agencyId) && !(await this.tasks.seenBy(taskId, scope))))
      throw new TaskError('TASK_NOT_FOUND', `找不到任务 ${taskId}`);
    return task;
  }
}
