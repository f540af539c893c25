import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { NoticeTarget } from './domain/cooperation';
import { type AddressedNotice, NotificationsService } from '../notifications/notifications.service';
import { type NewTaskEvent, TaskRepository } from './task.repository';

export interface TaskClockState {
  dueDate: string;
  pausedSince: string | null;
  calendarGapYear: number | null;
  extensions: number;
}

export interface TaskEventRecord extends NewTaskEvent {
  /** The clock as the workflow sees it after this event. */
  clock?: TaskClockState | null;
  /** One notification per audience, written with the event (rung-like ones join a digest). */
  notify?: { audience: NoticeTarget; message: string }[];
}

export type RecordOutcome = 'recorded' | 'duplicate' | 'unknown-task';

/** Writes the history the workflows produce, so the API reads PostgreSQL, not Temporal. */
@Injectable()
export class TaskEventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Nest injects them; code that builds the service by hand (tests) gets them on the same data source.
    private readonly tasks: TaskRepository = new TaskRepository(db),
    private readonly notifications: NotificationsService = new NotificationsService(db),
  ) {}

  async record(e: TaskEventRecord): Promise<RecordOutcome> {
    return this.db.transaction(async (tx) => {
      const task = await this.tasks.lockTask(e.taskId, tx);
      if (task === null) return 'unknown-task';
      const { taskId, seq, type, fromState, toState, actor, detail, occurredAt } = e;
      const inserted = await this.tasks.insertEvent(
        { taskId, seq, type, fromState, toState, actor, detail, occurredAt },
        tx,
      );
      if (!inserted) return 'duplicate';
      await this.notifications.recordForEvent(
        { id: taskId, agencyId: task.agencyId, documentId: task.documentId },
        { seq, type, detail, occurredAt },
        await this.addressed(e.notify ?? [], task, tx),
        tx,
      );
      // Events may land out of order when updates overlap; only a newer one moves the mirror.
      await this.tasks.applyEvent({ taskId, state: toState, seq, clock: e.clock ?? null }, tx);
      return 'recorded';
    });
  }

  /** 牵头: a notice to the lead goes to the liaisons of each agency leading the measure, or to its coordinators when none does. */
  private async addressed(
    notify: { audience: NoticeTarget; message: string }[],
    task: { measureId: string; period: number },
    tx: EntityManager,
  ): Promise<AddressedNotice[]> {
    if (!notify.some((n) => n.audience === 'lead')) return notify as AddressedNotice[];
    const leads = await this.tasks.leadAgencies(task.measureId, task.period, tx);
    return notify.flatMap((n): AddressedNotice[] => {
      if (n.audience !== 'lead') return [{ audience: n.audience, message: n.message }];
      if (leads.length === 0) return [{ audience: 'coordinator', message: n.message }];
      return leads.map((l) => ({ audience: 'liaison', agencyId: l.agencyId, message: n.message }));
    });
  }
}
