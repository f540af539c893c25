import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Audience } from '../clock/domain/ladder';
import { NotificationsService } from '../notifications/notifications.service';
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
  notify?: { audience: Audience; message: string }[];
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
        { id: taskId, ...task },
        { seq, type, detail, occurredAt },
        e.notify ?? [],
        tx,
      );
      // Events may land out of order when updates overlap; only a newer one moves the mirror.
      await this.tasks.applyEvent({ taskId, state: toState, seq, clock: e.clock ?? null }, tx);
      return 'recorded';
    });
  }
}
