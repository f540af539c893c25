import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Agency } from '../../documents/registry/agency.entity';
import { Measure } from '../../documents/entities/measure.entity';
import type { TaskRole, TaskState } from '../domain/task-state';

/** One agency's share of one measure: the unit a liaison acts on and a workflow runs. */
@Entity('task')
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'measure_id', type: 'uuid' })
  measureId!: string;

  @ManyToOne(() => Measure)
  @JoinColumn({ name: 'measure_id' })
  measure?: Measure;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

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
  source!: 'explicit' | 'alias' | 'group' | 'implied' | 'correction';

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
