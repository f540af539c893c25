import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'sent' | 'failed';

/** The outcome of sending one notification to one target; (notification, channel, target) is unique. */
@Entity('delivery')
export class Delivery {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'notification_id', type: 'bigint' })
  notificationId!: string;

  @Column({ type: 'text' })
  channel!: DeliveryChannel;

  /** The user id (email) or the webhook id. */
  @Column({ type: 'text' })
  target!: string;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  /** The activity attempt that sent it; null for a failure. */
  @Column({ type: 'int', nullable: true })
  attempts!: number | null;

  @Column({ type: 'text', default: '' })
  detail!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
