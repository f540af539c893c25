import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, joint responsibility: where the text names no lead (牵头), the coordinator may designate
 * one at launch. The task's role becomes `lead` (and the measure's shared parties `cooperating`);
 * `role_as_written` keeps what the text said, so the parse and the task's provenance still show it.
 * Null on every task whose role is the text's own.
 *
 * A cooperating task's notice of one event can reach two agencies' liaisons (its own and the
 * lead's), so a task event's notifications are unique per audience and agency, not per audience.
 */
export class DesignatedLeads1765930000000 implements MigrationInterface {
  name = 'DesignatedLeads1765930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task ADD COLUMN role_as_written text
      CHECK (role_as_written IN ('lead', 'shared', 'cooperating', 'guiding', 'implied'))`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_task_id_event_seq_audience_key`);
    await q.query(`CREATE UNIQUE INDEX notification_event_addressee_idx ON notification
      (task_id, event_seq, audience, COALESCE(agency_id, '00000000-0000-0000-0000-000000000000'::uuid))
      WHERE task_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_event_addressee_idx`);
    await q.query(`DELETE FROM notification n USING notification o
      WHERE n.task_id = o.task_id AND n.event_seq = o.event_seq AND n.audience = o.audience AND n.id > o.id`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_task_id_event_seq_audience_key
      UNIQUE (task_id, event_seq, audience)`);
    await q.query(`ALTER TABLE task DROP COLUMN role_as_written`);
  }
}
