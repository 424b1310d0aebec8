import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Criterion, ExitPlan, QuestionnaireSkeleton } from '@capacites/domain';

/**
 * A test template ("modèle de test") of one track: shared by the network (no organisation)
 * or an organisation's own. Archived, never deleted: drafts keep their link to it.
 */
@Entity({ name: 'experiment_templates' })
@Index('idx_experiment_templates_scope', ['organizationId', 'trackId'])
export class ExperimentTemplateEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ name: 'track_id', type: 'uuid' })
  trackId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: '' })
  hypothesis!: string;

  @Column({ type: 'text', default: '' })
  vision!: string;

  @Column({ type: 'text', default: '' })
  scope!: string;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  criteria!: Criterion[];

  @Column({ name: 'duration_days', type: 'int', nullable: true })
  durationDays!: number | null;

  @Column({ name: 'check_in_cadence_days', type: 'int', nullable: true })
  checkInCadenceDays!: number | null;

  @Column({
    name: 'exit_plan',
    type: 'jsonb',
    default: () => '\'{"pilotWithdrawal":"","takeover":""}\'::jsonb',
  })
  exitPlan!: ExitPlan;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  questionnaires!: QuestionnaireSkeleton[];

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
