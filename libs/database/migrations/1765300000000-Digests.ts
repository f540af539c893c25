import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, notices people can live with: rung notices are gathered into one digest per recipient
 * group, rung and day; coordinator notices go to the coordinators of the document; a notice that
 * finds nobody to receive it is recorded as undeliverable.
 */
export class Digests1765300000000 implements MigrationInterface {
  name = 'Digests1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // A rung's notice names the digest it joins (digest_key) and, once composed, the digest (digest_id).
    // A digest is a notice without a task: its subject is the key; document_id addresses coordinators.
    await q.query(`ALTER TABLE notification ADD COLUMN digest_key text,
      ADD COLUMN digest_id bigint REFERENCES notification (id) ON DELETE RESTRICT,
      ADD COLUMN document_id uuid REFERENCES policy_document (id) ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX notification_digest_key_idx ON notification (digest_key) WHERE digest_key IS NOT NULL`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_about_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_about_check
      CHECK ((task_id IS NOT NULL AND event_seq IS NOT NULL)
        OR (task_id IS NULL AND event_seq IS NULL AND subject IS NOT NULL
          AND (audience <> 'liaison' OR agency_id IS NOT NULL)))`);
    // A notice nobody could receive (an agency without an active liaison): channel inbox, target the agency.
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_channel_check`);
    await q.query(`ALTER TABLE delivery ADD CONSTRAINT delivery_channel_check
      CHECK (channel IN ('email', 'webhook', 'inbox'))`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_status_check`);
    await q.query(`ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
      CHECK (status IN ('sent', 'failed', 'undeliverable'))`);
    await q.query(`CREATE INDEX delivery_undeliverable_idx ON delivery (recorded_at) WHERE status = 'undeliverable'`);
    // Who launched a document; for those launched before, the audit log knows.
    await q.query(
      `ALTER TABLE policy_document ADD COLUMN launched_by uuid REFERENCES app_user (id) ON DELETE SET NULL`,
    );
    await q.query(`UPDATE policy_document d SET launched_by = l.actor_id
      FROM (SELECT DISTINCT ON (document_id) document_id, actor_id FROM audit_log
            WHERE action = 'document.launch' AND actor_id IS NOT NULL ORDER BY document_id, at) l
      WHERE l.document_id = d.id AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = l.actor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policy_document DROP COLUMN launched_by`);
    await q.query(`DELETE FROM delivery WHERE channel = 'inbox' OR status = 'undeliverable'`);
    await q.query(`DROP INDEX delivery_undeliverable_idx`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_status_check`);
    await q.query(`ALTER TABLE delivery ADD CONSTRAINT delivery_status_check CHECK (status IN ('sent', 'failed'))`);
    await q.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_channel_check`);
    await q.query(`ALTER TABLE delivery ADD CONSTRAINT delivery_channel_check CHECK (channel IN ('email', 'webhook'))`);
    await q.query(`UPDATE notification SET digest_id = NULL`);
    const digests = `SELECT id FROM notification WHERE task_id IS NULL AND subject LIKE 'digest-%'`;
    await q.query(`DELETE FROM inbox_item WHERE notification_id IN (${digests})`);
    await q.query(`DELETE FROM delivery WHERE notification_id IN (${digests})`);
    await q.query(`DELETE FROM notification WHERE id IN (${digests})`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_about_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_about_check
      CHECK ((task_id IS NOT NULL AND event_seq IS NOT NULL)
        OR (task_id IS NULL AND event_seq IS NULL AND subject IS NOT NULL AND audience <> 'liaison'))`);
    await q.query(`DROP INDEX notification_digest_key_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN document_id, DROP COLUMN digest_id, DROP COLUMN digest_key`);
  }
}
