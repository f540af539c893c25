import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ParseResult } from '../parse/parse-result.types';
import type { Rung } from '../../clock/domain/ladder';
import type { ReportCadence } from '../../clock/domain/firing-plan';

export type DocumentStatus = 'imported' | 'launched';

@Entity('policy_document')
export class PolicyDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  issuer!: string | null;

  @Column({ name: 'doc_number', type: 'text', nullable: true })
  docNumber!: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn!: string | null;

  @Column({ name: 'coordinator', type: 'text', nullable: true })
  coordinator!: string | null;

  @Column({ name: 'source_text', type: 'text' })
  sourceText!: string;

  @Column({ type: 'jsonb' })
  parse!: ParseResult;

  @Column({ type: 'text', default: 'imported' })
  status!: DocumentStatus;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'due_basis', type: 'text', nullable: true })
  dueBasis!: string | null;

  /** The escalation ladder chosen at launch (null before launch). */
  @Column({ type: 'jsonb', nullable: true })
  ladder!: Rung[] | null;

  @Column({ name: 'max_extensions', type: 'int', nullable: true })
  maxExtensions!: number | null;

  @Column({ name: 'report_cadence', type: 'jsonb', nullable: true })
  reportCadence!: ReportCadence | null;

  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true })
  launchedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
