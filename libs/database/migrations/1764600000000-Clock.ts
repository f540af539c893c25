import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The deadline clock: pause and extension state mirrored on tasks, launch settings, notifications. */
export class Clock1764600000000 implements MigrationInterface {
  name = 'Clock1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE task
        ADD COLUMN paused_since date,
        ADD COLUMN calendar_gap_year int,
        ADD COLUMN extension_count int NOT NULL DEFAULT 0`);
    await q.query(`
      ALTER TABLE policy_document
        ADD COLUMN due_basis text,
        ADD COLUMN ladder jsonb,
        ADD COLUMN max_extensions int,
        ADD COLUMN report_cadence jsonb`);
    await q.query(`
      CREATE TABLE notification (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES task (id) ON DELETE RESTRICT,
        event_seq int NOT NULL,
        audience text NOT NULL CHECK (audience IN ('liaison', 'coordinator', 'leader')),
        agency_id uuid REFERENCES agency (id) ON DELETE RESTRICT,
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (task_id, event_seq, audience)
      )`);
    await q.query(`CREATE INDEX notification_audience_idx ON notification (audience, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification');
    await q.query(`ALTER TABLE policy_document DROP COLUMN due_basis, DROP COLUMN ladder,
      DROP COLUMN max_extensions, DROP COLUMN report_cadence`);
    await q.query(`ALTER TABLE task DROP COLUMN paused_since, DROP COLUMN calendar_gap_year,
      DROP COLUMN extension_count`);
  }
}
