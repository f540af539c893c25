import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: a revision of a launched document is applied in place (its running tasks carry on);
 * each text it replaces is kept here, numbered.
 */
export class DocumentRevisions1765800000000 implements MigrationInterface {
  name = 'DocumentRevisions1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policy_document ADD COLUMN revision int NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE TABLE document_revision (
        document_id uuid NOT NULL REFERENCES policy_document (id) ON DELETE RESTRICT,
        revision int NOT NULL,
        source_text text NOT NULL,
        parse jsonb NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, revision)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE document_revision');
    await q.query('ALTER TABLE policy_document DROP COLUMN revision');
  }
}
