import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Criterion } from '@capacites/domain';

/** A change of the success criteria after launch, with its reason: never a silent edit. */
@Entity({ name: 'criteria_amendments' })
@Index('idx_criteria_amendments_experiment', ['experimentId', 'amendedAt'])
export class CriteriaAmendmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  @Column({ name: 'experiment_id', type: 'uuid' })
  experimentId!: string;

  @Column({ type: 'jsonb' })
  criteria!: Criterion[];

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'amended_by', type: 'uuid', nullable: true })
  amendedBy!: string | null;

  @Column({ name: 'amended_at', type: 'timestamptz' })
  amendedAt!: Date;
}
