import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Audience } from '../clock/domain/ladder';
import type { TaskEventType, TaskState } from './domain/task-state';

export interface TaskClockState {
  dueDate: string;
  pausedSince: string | null;
  calendarGapYear: number | null;
  extensions: number;
}

export interface TaskEventRecord {
  taskId: string;
  seq: number;
  type: TaskEventType;
  fromState: TaskState | null;
  toState: TaskState;
  actor: string | null;
  detail: Record<string, unknown>;
  occurredAt: string;
  /** The clock as the workflow sees it after this event. */
  clock?: TaskClockState | null;
  /** One notification per audience, written with the event. */
  notify?: { audience: Audience; message: string }[];
}

export type RecordOutcome = 'recorded' | 'duplicate' | 'unknown-task';

/** Writes the history the workflows produce, so the API reads PostgreSQL, not Temporal. */
@Injectable()
export class TaskEventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(e: TaskEventRecord): Promise<RecordOutcome> {
    return this.db.transaction(async (tx) => {
      const task: { agency_id: string }[] = await tx.query('SELECT agency_id FROM task WHERE id = $1 FOR UPDATE', [
        e.taskId,
      ]);
      if (task.length === 0) return 'unknown-task';
      const inserted: unknown[] = await tx.query(
        `INSERT INTO task_event (task_id, seq, type, from_state, to_state, actor, detail, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (task_id, seq) DO NOTHING RETURNING id`,
        [e.taskId, e.seq, e.type, e.fromState, e.toState, e.actor, JSON.stringify(e.detail), e.occurredAt],
      );
      if (inserted.length === 0) return 'duplicate';
      for (const n of e.notify ?? []) {
        await tx.query(
          `INSERT INTO notification (task_id, event_seq, audience, agency_id, message) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          [e.taskId, e.seq, n.audience, n.audience === 'liaison' ? task[0].agency_id : null, n.message],
        );
      }
      // Events may land out of order when updates overlap; only a newer one moves the mirror.
      const c = e.clock;
      await tx.query(
        `UPDATE task SET state = $2, last_event_seq = $3, updated_at = now(),
           due_date = CASE WHEN $4::boolean THEN $5::date ELSE due_date END,
           paused_since = CASE WHEN $4::boolean THEN $6::date ELSE paused_since END,
           calendar_gap_year = CASE WHEN $4::boolean THEN $7::int ELSE calendar_gap_year END,
           extension_count = CASE WHEN $4::boolean THEN $8::int ELSE extension_count END
         WHERE id = $1 AND last_event_seq < $3`,
        [
          e.taskId,
          e.toState,
          e.seq,
          !!c,
          c?.dueDate ?? null,
          c?.pausedSince ?? null,
          c?.calendarGapYear ?? null,
          c?.extensions ?? 0,
        ],
      );
      return 'recorded';
    });
  }
}
