import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1764400000000 implements MigrationInterface {
  name = 'Init1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE policy_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text,
        issuer text,
        doc_number text,
        issued_on date,
        coordinator text,
        source_text text NOT NULL,
        parse jsonb NOT NULL,
        status text NOT NULL DEFAULT 'imported' CHECK (status IN ('imported', 'launched')),
        due_date date,
        launched_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX policy_document_created_idx ON policy_document (created_at DESC)`);
    await q.query(`
      CREATE TABLE measure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES policy_document (id) ON DELETE RESTRICT,
        seq int NOT NULL,
        number text NOT NULL,
        section text,
        title text NOT NULL,
        text text NOT NULL,
        span_start int NOT NULL,
        span_end int NOT NULL,
        UNIQUE (document_id, seq)
      )`);
    await q.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES policy_document (id) ON DELETE RESTRICT,
        measure_id uuid NOT NULL REFERENCES measure (id) ON DELETE RESTRICT,
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE RESTRICT,
        role text NOT NULL CHECK (role IN ('lead', 'shared', 'cooperating', 'guiding', 'implied')),
        state text NOT NULL DEFAULT 'draft'
          CHECK (state IN ('draft', 'issued', 'in_progress', 'submitted', 'accepted', 'cancelled')),
        due_date date,
        workflow_id text UNIQUE,
        last_event_seq int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (measure_id, agency_id)
      )`);
    await q.query(`CREATE INDEX task_agency_state_idx ON task (agency_id, state)`);
    await q.query(`CREATE INDEX task_document_idx ON task (document_id)`);
    await q.query(`
      CREATE TABLE task_event (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES task (id) ON DELETE RESTRICT,
        seq int NOT NULL,
        type text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        actor text,
        detail jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE task_event');
    await q.query('DROP TABLE task');
    await q.query('DROP TABLE measure');
    await q.query('DROP TABLE policy_document');
    await q.query('DROP TABLE agency');
  }
}
