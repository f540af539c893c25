import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A recurring measure (每年年底前, 每季度) gets a task per agency and period: the period a task is
 * for (1 for every task before, and for measures that do not recur), one task per agency, measure
 * and period.
 */
export class MeasurePeriods1765920000000 implements MigrationInterface {
  name = 'MeasurePeriods1765920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE task ADD COLUMN period int NOT NULL DEFAULT 1 CONSTRAINT task_period_check CHECK (period >= 1)`,
    );
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_measure_id_agency_id_key`);
    await q.query(
      `ALTER TABLE task ADD CONSTRAINT task_measure_agency_period_key UNIQUE (measure_id, agency_id, period)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Fails while later periods' tasks exist: they would break the one-task-per-agency rule.
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_measure_agency_period_key`);
    await q.query(`ALTER TABLE task ADD CONSTRAINT task_measure_id_agency_id_key UNIQUE (measure_id, agency_id)`);
    await q.query(`ALTER TABLE task DROP COLUMN period`);
  }
}
