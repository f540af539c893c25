import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12: an admin may replace the 情况通报's Word template too, kept with the notices' templates. */
export class CircularTemplate1765980000000 implements MigrationInterface {
  name = 'CircularTemplate1765980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notice_template DROP CONSTRAINT notice_template_kind_check,
      ADD CONSTRAINT notice_template_kind_check CHECK (kind IN ('supervision', 'urge', 'circular'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notice_template WHERE kind = 'circular'`);
    await q.query(`ALTER TABLE notice_template DROP CONSTRAINT notice_template_kind_check,
      ADD CONSTRAINT notice_template_kind_check CHECK (kind IN ('supervision', 'urge'))`);
  }
}
