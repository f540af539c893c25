import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, deadlines per measure: each measure's due date and its basis (文件规定 / 下发时指定日期 /
 * 协调处室逐项指定), set at launch, and the report cadence of an ongoing measure (长期坚持). Null on
 * measures launched before: their tasks keep the document's date and cadence.
 */
export class MeasureDueDates1765700000000 implements MigrationInterface {
  name = 'MeasureDueDates1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE measure ADD COLUMN due_date date, ADD COLUMN due_basis text,
      ADD COLUMN report_cadence jsonb,
      ADD CONSTRAINT measure_due_check CHECK ((due_date IS NULL) = (due_basis IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE measure DROP COLUMN due_date, DROP COLUMN due_basis, DROP COLUMN report_cadence`);
  }
}
