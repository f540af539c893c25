import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 9 rule 9: a task can close with its done measure (`closed`, 随措施办结). */
export class ClosedWithMeasure1765100000000 implements MigrationInterface {
  name = 'ClosedWithMeasure1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_state_check`);
    await q.query(`ALTER TABLE task ADD CONSTRAINT task_state_check
      CHECK (state IN ('draft', 'issued', 'in_progress', 'submitted', 'accepted', 'closed', 'cancelled'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE task SET state = 'cancelled' WHERE state = 'closed'`);
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_state_check`);
    await q.query(`ALTER TABLE task ADD CONSTRAINT task_state_check
      CHECK (state IN ('draft', 'issued', 'in_progress', 'submitted', 'accepted', 'cancelled'))`);
  }
}
