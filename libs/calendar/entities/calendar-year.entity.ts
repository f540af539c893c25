import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A year the working-day calendar covers in full; days of years without a row are unknown. */
@Entity('calendar_year')
export class CalendarYear {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  /** Where the data came from: 'chinese-days <version>' for the seed, 'admin' once replaced by hand. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @Column({ type: 'text' })
  reason!: string;
}
