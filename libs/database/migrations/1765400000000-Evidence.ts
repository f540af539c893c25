import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence attached to tasks (issue 11): file contents stored once by their SHA-256, and each
 * upload to a task as an attachment naming its content. In PostgreSQL, so an upload commits with
 * its audit entry and backups hold everything.
 */
export class Evidence1765400000000 implements MigrationInterface {
  name = 'Evidence1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_blob (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size int NOT NULL CHECK (size > 0),
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // PDFs, images and archives are compressed already: store them out of line without trying again.
    await q.query(`ALTER TABLE evidence_blob ALTER COLUMN bytes SET STORAGE EXTERNAL`);
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task (id) ON DELETE RESTRICT,
        sha256 text NOT NULL REFERENCES evidence_blob (sha256) ON DELETE RESTRICT,
        name text NOT NULL,
        content_type text NOT NULL,
        size int NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, sha256, name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachment`);
    await q.query(`DROP TABLE evidence_blob`);
  }
}
