import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, people: a user's own phone number, the agencies a leader supervises (分管), and a
 * liaison's deputy (代理) for a period of Beijing days.
 */
export class People1765600000000 implements MigrationInterface {
  name = 'People1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN phone text CHECK (phone IS NULL OR length(phone) <= 30)`);
    await q.query(`
      CREATE TABLE leader_agency (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE RESTRICT,
        PRIMARY KEY (user_id, agency_id)
      )`);
    await q.query(`CREATE INDEX leader_agency_agency_idx ON leader_agency (agency_id)`);
    // One deputy per liaison at a time: naming another replaces it.
    await q.query(`
      CREATE TABLE user_deputy (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        deputy_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_on <= ends_on),
        CHECK (user_id <> deputy_id)
      )`);
    await q.query(`CREATE INDEX user_deputy_deputy_idx ON user_deputy (deputy_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE user_deputy');
    await q.query('DROP TABLE leader_agency');
    await q.query('ALTER TABLE app_user DROP COLUMN phone');
  }
}
