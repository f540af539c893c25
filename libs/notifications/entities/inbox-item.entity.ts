import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One notification in one user's in-app inbox; (notification, user) is unique, so retries add nothing. */
@Entity('inbox_item')
export class InboxItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'notification_id', type: 'bigint' })
  notificationId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
