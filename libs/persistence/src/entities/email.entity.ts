import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The email of a notification. Sent through SMTP when configured; otherwise kept here
 * (status `outbox`) for the back-office to show.
 */
@Entity({ name: 'emails' })
@Index('idx_emails_status', ['status', 'createdAt'])
export class EmailEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null for an email of its own (an endpoint disabled after failures: Integrations migration). */
  @Column({ name: 'notification_id', type: 'uuid', unique: true, nullable: true })
  notificationId!: string | null;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', default: 'outbox' })
  status!: 'outbox' | 'sent';

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** The flusher holding this email (outbox claim), until `claimedUntil`. */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true, select: false })
  claimToken!: string | null;

  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true, select: false })
  claimedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
