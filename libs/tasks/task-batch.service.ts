import { Injectable } from '@nestjs/common';
import { DocumentError } from '../documents/documents.errors';
import { DocumentsService } from '../documents/documents.service';
import type { TaskState } from './domain/task-state';
import { TaskActionsService } from './task-actions.service';
import { TaskRepository } from './task.repository';
import { TaskError } from './tasks.errors';

export interface BatchItem {
  taskId: string;
  measureNumber: string;
  measureTitle: string;
  agency: string;
}
export interface BatchOutcome {
  /** The tasks the action was applied to, in document order. */
  applied: BatchItem[];
  /** Tasks it was meant for that refused it, each with the reason (the others still applied). */
  refused: (BatchItem & { code: string; message: string })[];
}

type BatchAction =
  | { kind: 'acknowledge'; input: { actor: string; actorId?: string } }
  | { kind: 'progress'; input: { actor: string; actorId?: string; note: string } };

// The state a task must be in for each action: what "all my tasks" means for it.
const FROM: Record<BatchAction['kind'], TaskState> = { acknowledge: 'issued', progress: 'in_progress' };

/**
 * 最多报一次: one acknowledgement, or one progress report, from a liaison covers every task of
 * their agencies in a document, instead of one form per task. Each task gets its own event and
 * audit entry, as if acted on one by one; a retried request (same key) applies to none twice.
 */
@Injectable()
export class TaskBatchService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly actions: TaskActionsService,
    private readonly documents: DocumentsService,
  ) {}

  /**
   * For one agency (`agencyId`, or the user's only one): a user of several agencies says which, so
   * that one report stands for one agency, as on paper.
   */
  async forDocument(
    documentId: string,
    agencyIds: string[],
    agencyId: string | undefined,
    action: BatchAction,
    requestId?: string,
  ): Promise<BatchOutcome> {
    if (!(await this.documents.exists(documentId))) {
      throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到文件 ${documentId}`);
    }
    const outcome: BatchOutcome = { applied: [], refused: [] };
    if (agencyIds.length === 0) return outcome;
    if (agencyId !== undefined && !agencyIds.includes(agencyId)) {
      throw new DocumentError('AGENCY_NOT_FOUND', `找不到本人所属的单位 ${agencyId}`);
    }
    if (agencyId === undefined && agencyIds.length > 1) {
      throw new TaskError('AGENCY_REQUIRED', '您属于多个单位，请用 agencyId 指明为哪个单位签收或报送', { agencyIds });
    }
    const agency = agencyId ?? agencyIds[0];
    const { rows } = await this.tasks.list({
      documentId,
      scope: [agency],
      state: FROM[action.kind],
      sort: 'measure',
      limit: 1000,
      offset: 0,
    });
    for (const row of rows) {
      const item = {
        taskId: row.id,
        measureNumber: row.measureNumber,
        measureTitle: row.measureTitle,
        agency: row.agencyName,
      };
      try {
        await this.actions.execute(row.id, action, requestId ? `${requestId}:${row.id}` : undefined, [agency]);
        outcome.applied.push(item);
      } catch (err) {
        if (!(err instanceof TaskError)) throw err;
        outcome.refused.push({ ...item, code: err.code, message: err.message });
      }
    }
    return outcome;
  }
}
