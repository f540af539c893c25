import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { currentAuditContext } from './audit-context';
import { AuditRepository, type AuditRow } from './audit.repository';

/** What a change says about itself; the actor and request come from the audit context. */
export interface AuditRecord {
  /** `<target>.<verb>`, e.g. `agency.update`, `task.review`. */
  action: string;
  targetType: string;
  targetId: string;
  documentId?: string | null;
  taskId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** An audit entry as the API shows it: the row, with its instant as ISO text. */
export type AuditView = Omit<AuditRow, 'at'> & { at: string };

export interface AuditPage {
  items: AuditView[];
  total: number;
  page: number;
  pageSize: number;
}

/** The append-only audit log: written inside the caller's transaction, read per task and per document. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() db: DataSource,
    // Nest injects it; code that builds the service by hand gets one on the same data source.
    private readonly entries: AuditRepository = new AuditRepository(db),
  ) {}

  /**
   * Appends one entry with `manager`, so it commits or rolls back with the change it records.
   * The actor and request id are those of the current request (or `system` outside one).
   */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const who = currentAuditContext();
    await this.entries.insert(
      {
        actorId: who.actorId,
        actorName: who.actorName,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        documentId: entry.documentId ?? null,
        taskId: entry.taskId ?? null,
        requestId: who.requestId,
        before: entry.before,
        after: entry.after,
      },
      manager,
    );
  }

  /** A task's entries, newest first; the caller has checked that the task exists. */
  forTask(taskId: string, page: number, pageSize: number): Promise<AuditPage> {
    return this.page('task_id', taskId, page, pageSize);
  }

  /** A document's entries and those of its tasks, newest first; the caller has checked that it exists. */
  forDocument(documentId: string, page: number, pageSize: number): Promise<AuditPage> {
    return this.page('document_id', documentId, page, pageSize);
  }

  /** Every entry of a task, oldest first (bounded), for its timeline. */
  async taskEntries(taskId: string, limit = 1000): Promise<AuditView[]> {
    return (await this.entries.oldestFirst(taskId, limit)).map(view);
  }

  private async page(
    column: 'task_id' | 'document_id',
    id: string,
    page: number,
    pageSize: number,
  ): Promise<AuditPage> {
    const { rows, total } = await this.entries.newestFirst(column, id, pageSize, (page - 1) * pageSize);
    return { items: rows.map(view), total, page, pageSize };
  }
}

function view(row: AuditRow): AuditView {
  return { ...row, at: row.at.toISOString() };
}
