import { Column, JoinColumn, ManyToOne, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ExperimentEntity } from './experiment.entity';

/**
 * One recorded transition or lifecycle event: who, when, from, to, why.
 * `idempotencyKey` is unique so that a retried activity never writes twice.
 */
@Entity({ name: 'audit_events' })
@Index('idx_audit_events_experiment', ['experimentId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  /** Null for platform events (a shared track, a user without organisation). */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ name: 'experiment_id', type: 'uuid', nullable: true })
  experimentId!: string | null;

  @Column({ type: 'text' })
  event!: string;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState!: string | null;

  @Column({ name: 'to_state', type: 'text', nullable: true })
  toState!: string | null;

  /** Null when the system acted (a timer fired). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details!: object;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /**
   * The tamper-evident chain (one per organisation, `platform` for the rest), written by the
   * database's BEFORE INSERT trigger, never by the application (migration AuditAppendOnly).
   */
  @Column({ name: 'chain_key', type: 'text', insert: false, update: false })
  chainKey!: string;

  @Column({ name: 'chain_seq', type: 'bigint', insert: false, update: false })
  chainSeq!: string;

  @Column({ name: 'previous_hash', type: 'text', nullable: true, insert: false, update: false })
  previousHash!: string | null;

  @Column({ type: 'text', insert: false, update: false })
  hash!: string;

  @ManyToOne(() => ExperimentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'experiment_id' })
  experiment?: ExperimentEntity | null;
}
