import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, control of running work: a measure or a whole document withdrawn (已撤销) with its
 * reason, and a task reassigned (转办) to another agency, the new task linked to the old.
 */
export class ControlOfWork1765500000000 implements MigrationInterface {
  name = 'ControlOfWork1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_state_check`);
    await q.query(`ALTER TABLE task ADD CONSTRAINT task_state_check CHECK (state IN
      ('draft', 'issued', 'in_progress', 'submitted', 'accepted', 'closed', 'reassigned', 'cancelled'))`);
    await q.query(`ALTER TABLE task ADD COLUMN reassigned_from uuid REFERENCES task (id) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_source_check`);
    await q.query(`ALTER TABLE task ADD CONSTRAINT task_source_check
      CHECK (source IN ('explicit', 'alias', 'group', 'implied', 'correction', 'reassigned'))`);
    for (const table of ['measure', 'policy_document']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdraw_reason text,
        ADD CONSTRAINT ${table}_withdrawal_check CHECK ((withdrawn_at IS NULL) = (withdraw_reason IS NULL))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['measure', 'policy_document']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN withdrawn_at, DROP COLUMN withdraw_reason`);
    }
    await q.query(`UPDATE task SET source = 'correction' WHERE source = 'reassigned'`);
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_source_check`);
    await q.query(`ALTER TABLE task ADD CONSTRAINT task_source_check
      CHECK (source IN ('explicit', 'alias', 'group', 'implied', 'correction'))`);
    await q.query(`ALTER TABLE task DROP COLUMN reassigned_from`);
    await q.query(`UPDATE task SET state = 'cancelled' WHERE state = 'reassigned'`);
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_state_check`);
    await q.query(`ALTER TABLE task ADD CONSTRAINT task_state_check CHECK (state IN
      ('draft', 'issued', 'in_progress', 'submitted', 'accepted', 'closed', 'cancelled'))`);
  }
}
