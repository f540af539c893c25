import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TaskEventType, TaskState } from './domain/task-state';

export interface TaskEventRecord {
  taskId: string;
  seq: number;
  type: TaskEventType;
  fromState: TaskState | null;
  toState: TaskState;
  actor: string | null;
  detail: Record<string, unknown>;
  occurredAt: string;
}

export type RecordOutcome = 'recorded' | 'duplicate' | 'unknown-task';

/** Writes the history the workflows produce, so the API reads PostgreSQL, not Temporal. */
@Injectable()
export class TaskEventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(e: TaskEventRecord): Promise<RecordOutcome> {
    return this.db.transaction(async (tx) => {
      const exists: unknown[] = await tx.query('SELECT 1 FROM task WHERE id = $1 FOR UPDATE', [e.taskId]);
      if (exists.length === 0) return 'unknown-task';
      const inserted: unknown[] = await tx.query(
        `INSERT INTO task_event (task_id, seq, type, from_state, to_state, actor, detail, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (task_id, seq) DO NOTHING RETURNING id`,
        [e.taskId, e.seq, e.type, e.fromState, e.toState, e.actor, JSON.stringify(e.detail), e.occurredAt],
      );
      if (inserted.length === 0) return 'duplicate';
      // Events may land out of order when updates overlap; only a newer one moves the state.
      await tx.query(
        `UPDATE task SET state = $2, last_event_seq = $3, updated_at = now()
         WHERE id = $1 AND last_event_seq < $3`,
        [e.taskId, e.toState, e.seq],
      );
      return 'recorded';
    });
  }
}
