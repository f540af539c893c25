import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, 情况通报: each circular is stored once per (kind, period, document) with the day it is
 * as of, its figures and (once rendered) its files' hashes. The schedule's runs and its backfill
 * may produce a period more than once; the unique key keeps the first.
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE circular');
  }
}
