import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, numbered notices (libs/notices): a 督办通知单 per agency of a launched document and a
 * 催办通知书 per agency and day with a 催办. A notice is numbered once, on its first listing or
 * download: one row per (document, kind, agency, day), and a number (kind, year, seq) is unique per
 * document, so two requests at once cannot take one number twice (the service also takes an
 * advisory lock per document). Admins' own templates, one per kind, are stored as bytes.
 */
export class Notices1765960000000 implements MigrationInterface {
  name = 'Notices1765960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES policy_document (id) ON DELETE RESTRICT,
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('supervision', 'urge')),
        day date NOT NULL,
        year int NOT NULL CHECK (year = extract(year FROM day)),
        seq int NOT NULL CHECK (seq > 0),
        number text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, kind, agency_id, day),
        UNIQUE (document_id, kind, year, seq)
      )`);
    await q.query(`CREATE INDEX notice_agency_idx ON notice (agency_id)`);
    await q.query(`
      CREATE TABLE notice_template (
        kind text PRIMARY KEY CHECK (kind IN ('supervision', 'urge')),
        name text NOT NULL,
        content bytea NOT NULL,
        sha256 text NOT NULL,
        uploaded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notice_template');
    await q.query('DROP TABLE notice');
  }
}
