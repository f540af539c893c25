import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TaskRole, TaskState } from '../domain/task-state';
import type { TaskRow, TaskSource } from '../task.repository';

/**
 * The last entity class: only `TaskActionsService.calendarChanged` still reads through it, and that
 * method is moving into a workflow. Everything else reads and writes `task` in TaskRepository;
 * delete this file (and its ENTITIES entry) with that move.
 */
@Entity('task')
export class Task implements TaskRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'measure_id', type: 'uuid' })
  measureId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  role!: TaskRole;

  @Column({ type: 'text', default: 'draft' })
  state!: TaskState;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  /** Mirrors of the workflow's clock, for listing and filtering without asking Temporal. */
  @Column({ name: 'paused_since', type: 'date', nullable: true })
  pausedSince!: string | null;

  @Column({ name: 'calendar_gap_year', type: 'int', nullable: true })
  calendarGapYear!: number | null;

  @Column({ name: 'extension_count', type: 'int', default: 0 })
  extensionCount!: number;

  /** Provenance: how the party was found, as written, and the attribution's span in the text. */
  @Column({ type: 'text', default: 'explicit' })
  source!: TaskSource;

  @Column({ name: 'party_as_written', type: 'text', nullable: true })
  partyAsWritten!: string | null;

  @Column({ name: 'attribution_start', type: 'int', nullable: true })
  attributionStart!: number | null;

  @Column({ name: 'attribution_end', type: 'int', nullable: true })
  attributionEnd!: number | null;

  @Column({ name: 'workflow_id', type: 'text', nullable: true })
  workflowId!: string | null;

  /** Sequence number of the last event applied; events arrive from the workflow in order. */
  @Column({ name: 'last_event_seq', type: 'int', default: 0 })
  lastEventSeq!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
