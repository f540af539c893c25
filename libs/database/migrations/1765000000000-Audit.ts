import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Audit1765000000000 implements MigrationInterface {
  name = 'Audit1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // Ids are text and not foreign keys: the log outlives and predates what it names (users, years, groups).
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_name text NOT NULL CHECK (btrim(actor_name) <> ''),
        action text NOT NULL CHECK (btrim(action) <> ''),
        target_type text NOT NULL CHECK (btrim(target_type) <> ''),
        target_id text NOT NULL,
        document_id uuid,
        task_id uuid,
        request_id text,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_task_idx ON audit_log (task_id)`);
    await q.query(`CREATE INDEX audit_log_document_idx ON audit_log (document_id)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    // Evidence of who did what: no path, the API's included, rewrites or removes a row.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_rewrite BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP FUNCTION audit_log_append_only');
  }
}
