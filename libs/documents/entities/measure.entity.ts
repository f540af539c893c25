import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('measure')
export class Measure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  /** Position in the document, from 1. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text', nullable: true })
  section!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'span_start', type: 'int' })
  spanStart!: number;

  @Column({ name: 'span_end', type: 'int' })
  spanEnd!: number;
}
