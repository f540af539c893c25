import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One administrator change to the calendar; the table refuses updates and deletes. */
@Entity('calendar_change')
export class CalendarChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  /** Null when the whole year was replaced. */
  @Column({ type: 'date', nullable: true })
  day!: string | null;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb' })
  after!: unknown;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
