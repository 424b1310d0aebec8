import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Criterion } from '@capacites/domain';
import { ExperimentEntity } from './experiment.entity';

/** The evaluation of a stopped experiment, with the criteria fixed at launch beside it. */
@Entity({ name: 'evaluations' })
@Index('idx_evaluations_org_on_time', ['organizationId', 'onTime'])
@Index('idx_evaluations_shared', ['learningsSharedAt'], { where: '"learnings_shared_at" IS NOT NULL' })
export class EvaluationEntity {
  @PrimaryColumn({ name: 'experiment_id', type: 'uuid' })
  experimentId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  verdict!: string;

  @Column({ name: 'criterion_results', type: 'jsonb' })
  criterionResults!: { criterionId: string; result: string; met: boolean | null }[];

  @Column({ name: 'users_voice', type: 'jsonb' })
  usersVoice!: { sources: string[]; count: number; noneReason: string };

  @Column({ type: 'text' })
  learnings!: string;

  @Column({ name: 'criteria_at_launch', type: 'jsonb' })
  criteriaAtLaunch!: Criterion[];

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  amendments!: { amendedAt: string; amendedBy: string | null; reason: string; criteria: Criterion[] }[];

  @Column({ name: 'on_time', type: 'boolean' })
  onTime!: boolean;

  /** Set when the organisation shares the learnings with the network. */
  @Column({ name: 'learnings_shared_at', type: 'timestamptz', nullable: true })
  learningsSharedAt!: Date | null;

  @Column({ name: 'learnings_shared_by', type: 'uuid', nullable: true })
  learningsSharedBy!: string | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @OneToOne(() => ExperimentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id' })
  experiment?: ExperimentEntity;
}
