import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, 分管: a leaders' rung notice joins the digest of each leader it is addressed to, so a
 * notice may be listed in several digests. Membership moves from the notice's own columns
 * (`digest_key`, `digest_id`) to `digest_member`, one row per (digest key, notice); a leader's
 * digest is addressed to that leader (`notification.user_id`).
 */
export class LeaderDigests1765910000000 implements MigrationInterface {
  name = 'LeaderDigests1765910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest_member (
        digest_key text NOT NULL,
        notification_id bigint NOT NULL REFERENCES notification (id) ON DELETE RESTRICT,
        -- The one user the key's digest is addressed to (a leader's own), null for a group.
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        -- Set once composed: a notice is listed once per key.
        digest_id bigint REFERENCES notification (id) ON DELETE RESTRICT,
        PRIMARY KEY (digest_key, notification_id)
      )`);
    await q.query(`CREATE INDEX digest_member_notification_idx ON digest_member (notification_id)`);
    await q.query(`INSERT INTO digest_member (digest_key, notification_id, digest_id)
      SELECT digest_key, id, digest_id FROM notification WHERE digest_key IS NOT NULL`);
    await q.query(`ALTER TABLE notification DROP COLUMN digest_key, DROP COLUMN digest_id,
      ADD COLUMN user_id uuid REFERENCES app_user (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP COLUMN user_id, ADD COLUMN digest_key text,
      ADD COLUMN digest_id bigint REFERENCES notification (id) ON DELETE RESTRICT`);
    // A notice listed in several leaders' digests keeps one of them.
    await q.query(`UPDATE notification n SET digest_key = m.digest_key, digest_id = m.digest_id
      FROM (SELECT DISTINCT ON (notification_id) notification_id, digest_key, digest_id FROM digest_member
            ORDER BY notification_id, digest_key) m
      WHERE m.notification_id = n.id`);
    await q.query(`CREATE INDEX notification_digest_key_idx ON notification (digest_key) WHERE digest_key IS NOT NULL`);
    await q.query('DROP TABLE digest_member');
  }
}
