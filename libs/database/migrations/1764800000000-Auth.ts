import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users with roles, liaisons' agencies, and refresh tokens (stored hashed). */
export class Auth1764800000000 implements MigrationInterface {
  name = 'Auth1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (roles <@ ARRAY['admin', 'coordinator', 'liaison', 'leader']::text[]
          AND cardinality(roles) > 0),
        -- Bumped on logout and password change: access tokens carrying an older value are refused.
        token_version int NOT NULL DEFAULT 0,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE user_agency (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE RESTRICT,
        PRIMARY KEY (user_id, agency_id)
      )`);
    await q.query(`CREATE INDEX user_agency_agency_idx ON user_agency (agency_id)`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE refresh_token');
    await q.query('DROP TABLE user_agency');
    await q.query('DROP TABLE app_user');
  }
}
