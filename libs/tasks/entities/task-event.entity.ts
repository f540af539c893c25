import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TaskEventType, TaskState } from '../domain/task-state';

/** One entry of a task's history, written by the task's workflow; (task_id, seq) makes retries harmless. */
@Entity('task_event')
export class TaskEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  type!: TaskEventType;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState!: TaskState | null;

  @Column({ name: 'to_state', type: 'text' })
  toState!: TaskState;

  @Column({ type: 'text', nullable: true })
  actor!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: Record<string, unknown>;

  /** Workflow time at which it happened (for rungs: the planned firing time). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
