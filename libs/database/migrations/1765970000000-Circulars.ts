import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, 情况通报: each circular is stored once per (kind, period, document) with the day it is
 * as of, its figures and (once rendered) its files' hashes. The schedule's runs and its backfill
 * may produce a period more than once; the unique key keeps the first. Its files (.pdf, .docx and
 * the ledger as of the day, .xlsx) are kept as made, by format, with their hashes.
 */
export class Circulars1765970000000 implements MigrationInterface {
  name = 'Circulars1765970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE circular (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('weekly', 'monthly')),
        period text NOT NULL,
        document_id uuid NOT NULL REFERENCES policy_document (id) ON DELETE RESTRICT,
        as_of date NOT NULL,
        figures jsonb NOT NULL,
        files jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, period, document_id)
      )`);
    await q.query(`CREATE INDEX circular_document_idx ON circular (document_id, as_of DESC)`);
    await q.query(`
      CREATE TABLE circular_file (
        circular_id uuid NOT NULL REFERENCES circular (id) ON DELETE RESTRICT,
        format text NOT NULL CHECK (format IN ('pdf', 'docx', 'xlsx')),
        name text NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (circular_id, format)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE circular_file');
    await q.query('DROP TABLE circular');
  }
}
