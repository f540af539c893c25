import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices about the system rather than a task (issue 9: one notice per provisional calendar year
 * to admins and coordinators): no task or event, a subject that makes each one raised once.
 */
export class SystemNotices1765200000000 implements MigrationInterface {
  name = 'SystemNotices1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ALTER COLUMN task_id DROP NOT NULL,
      ALTER COLUMN event_seq DROP NOT NULL, ADD COLUMN subject text`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_audience_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_audience_check
      CHECK (audience IN ('liaison', 'coordinator', 'leader', 'admin'))`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_about_check
      CHECK ((task_id IS NOT NULL AND event_seq IS NOT NULL)
        OR (task_id IS NULL AND event_seq IS NULL AND subject IS NOT NULL AND audience <> 'liaison'))`);
    await q.query(`CREATE UNIQUE INDEX notification_subject_idx ON notification (subject, audience)
      WHERE subject IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM inbox_item WHERE notification_id IN (SELECT id FROM notification WHERE task_id IS NULL)`,
    );
    await q.query(`DELETE FROM delivery WHERE notification_id IN (SELECT id FROM notification WHERE task_id IS NULL)`);
    await q.query(`DELETE FROM notification WHERE task_id IS NULL`);
    await q.query(`DROP INDEX notification_subject_idx`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_about_check`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_audience_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_audience_check
      CHECK (audience IN ('liaison', 'coordinator', 'leader'))`);
    await q.query(`ALTER TABLE notification DROP COLUMN subject, ALTER COLUMN task_id SET NOT NULL,
      ALTER COLUMN event_seq SET NOT NULL`);
  }
}
