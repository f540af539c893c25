import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An HTTP endpoint that receives signed notifications: one agency's, or every one (agencyId null). */
@Entity('webhook')
export class Webhook {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ type: 'text' })
  url!: string;

  /** Key of the HMAC-SHA256 signature; shown once, when the webhook is created. */
  @Column({ type: 'text', select: false })
  secret!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
