import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Delivery of notifications: users' email, in-app inbox, webhooks and the record of each send. */
export class Notifications1764900000000 implements MigrationInterface {
  name = 'Notifications1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN email text CHECK (email IS NULL OR email LIKE '%_@_%')`);
    await q.query(`
      CREATE TABLE inbox_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id bigint NOT NULL REFERENCES notification (id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- A retried delivery puts a notification in a user's inbox once.
        UNIQUE (notification_id, user_id)
      )`);
    await q.query(`CREATE INDEX inbox_item_user_idx ON inbox_item (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX inbox_item_unread_idx ON inbox_item (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- NULL: system-wide, receives every notification; else the notices addressed to that agency.
        agency_id uuid REFERENCES agency (id) ON DELETE RESTRICT,
        url text NOT NULL CHECK (url ~ '^https?://'),
        secret text NOT NULL,
        description text NOT NULL DEFAULT '',
        active boolean NOT NULL DEFAULT true,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE delivery (
        id bigserial PRIMARY KEY,
        notification_id bigint NOT NULL REFERENCES notification (id) ON DELETE RESTRICT,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        -- The user id (email) or webhook id.
        target text NOT NULL,
        status text NOT NULL CHECK (status IN ('sent', 'failed')),
        idempotency_key text NOT NULL,
        -- The activity attempt that sent it (null for a failure).
        attempts int,
        detail text NOT NULL DEFAULT '',
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notification_id, channel, target)
      )`);
    await q.query(`CREATE INDEX delivery_failed_idx ON delivery (recorded_at) WHERE status = 'failed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE delivery');
    await q.query('DROP TABLE webhook');
    await q.query('DROP TABLE inbox_item');
    await q.query('ALTER TABLE app_user DROP COLUMN email');
  }
}
