import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Correction } from './domain/import-plan';
import type { ParseResult } from '../parse/parse-result.types';

/** An import under review: the parse plus the coordinator's corrections, kept as a diff. */
@Entity('import_draft')
export class ImportDraft {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'source_text', type: 'text' })
  sourceText!: string;

  @Column({ type: 'jsonb' })
  parse!: ParseResult;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  corrections!: Correction[];

  @Column({ type: 'text', default: 'preview' })
  status!: 'preview' | 'confirmed';

  @Column({ name: 'revises_document_id', type: 'uuid', nullable: true })
  revisesDocumentId!: string | null;

  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId!: string | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
