import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person's calendar subscription (webcal://): the SHA-256 of its secret token, never the
 * token itself. One per person; renewing replaces the hash, revoking deletes the row.
 */
@Entity({ name: 'calendar_subscriptions' })
export class CalendarSubscriptionEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
