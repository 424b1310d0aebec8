import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ExperimentEntity } from './experiment.entity';

/** Iterate, perpetuate or abandon, with its rationale. */
@Entity({ name: 'decisions' })
@Index('idx_decisions_org_decided', ['organizationId', 'decidedAt'])
@Index('idx_decisions_decided', ['decidedAt'])
export class DecisionEntity {
  @PrimaryColumn({ name: 'experiment_id', type: 'uuid' })
  experimentId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  outcome!: 'iterate' | 'perpetuate' | 'abandon';

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'jsonb', nullable: true })
  handover!: { pilotWithdrawal: string; takeover: string } | null;

  @Column({ name: 'next_focus', type: 'text', nullable: true })
  nextFocus!: string | null;

  @Column({ name: 'child_experiment_id', type: 'uuid', nullable: true })
  childExperimentId!: string | null;

  @Column({ name: 'on_time', type: 'boolean' })
  onTime!: boolean;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  @OneToOne(() => ExperimentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id' })
  experiment?: ExperimentEntity;
}
