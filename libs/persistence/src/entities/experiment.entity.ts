import {
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrganizationEntity } from './organization.entity';
import { TrackEntity } from './track.entity';

import type { Criterion, ExitPlan, ExperimentState, LifecycleSettings, Participant } from '@capacites/domain';

/**
 * An organisational test. `state` is written only by the worker's activities: it is
 * the projection of the experiment's workflow.
 */
@Entity({ name: 'experiments' })
// Covering (INCLUDE) and descending indexes, which TypeORM cannot declare: defined in the
// ReadPathIndexes migration, declared here for the schema diff only.
@Index('idx_experiments_org_state', { synchronize: false })
@Index('idx_experiments_created', { synchronize: false })
@Index('idx_experiments_evaluation_due', { synchronize: false })
@Index('idx_experiments_decision_due', { synchronize: false })
@Index('idx_experiments_org_expires', ['organizationId', 'expiresAt'])
@Index('idx_experiments_parent', ['parentId'])
@Index('idx_experiments_running_expires', ['expiresAt'], { where: `"state" = 'running'` })
@Index('idx_experiments_ongoing_launched', ['launchedAt', 'id'], {
  where: `"state" IN ('running', 'evaluating', 'deciding')`,
})
// Declared for TypeORM's schema diff only; the expression indexes are in the Resources migration.
@Index('idx_experiments_search', { synchronize: false })
@Index('idx_experiments_pilots', { synchronize: false })
@Index('idx_experiments_sponsor', ['sponsorId', 'organizationId'])
// ScopeIndexes migration: one index per arm of the read scope.
@Index('idx_experiments_participants', { synchronize: false })
@Index('idx_experiments_created_by', ['createdBy'])
@Index('idx_experiments_launch_requested', ['organizationId', 'launchRequestedAt'], {
  where: '"launch_requested_at" IS NOT NULL',
})
export class ExperimentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'track_id', type: 'uuid', nullable: true })
  trackId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  hypothesis!: string;

  @Column({ type: 'text', default: '' })
  vision!: string;

  @Column({ type: 'text', default: '' })
  scope!: string;

  @Column({ type: 'text', default: 'draft' })
  state!: ExperimentState;

  /** Set on an iteration: the hypothesis was copied from the parent and must be revised. */
  @Column({ name: 'hypothesis_needs_revision', type: 'boolean', default: false })
  hypothesisNeedsRevision!: boolean;

  @Column({ name: 'next_focus', type: 'text', nullable: true })
  nextFocus!: string | null;

  @Column({ name: 'sponsor_id', type: 'uuid', nullable: true })
  sponsorId!: string | null;

  @Column({ name: 'pilot_ids', type: 'uuid', array: true, default: () => "'{}'" })
  pilotIds!: string[];

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  participants!: Participant[];

  /** Draft criteria; at launch the workflow freezes them (amendments are recorded apart). */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  criteria!: Criterion[];

  @Column({ name: 'check_in_cadence_days', type: 'int', nullable: true })
  checkInCadenceDays!: number | null;

  @Column({
    name: 'exit_plan',
    type: 'jsonb',
    default: () => '\'{"pilotWithdrawal":"","takeover":""}\'::jsonb',
  })
  exitPlan!: ExitPlan;

  /** The organisation's lifecycle settings as they were at launch. */
  @Column({ name: 'settings_snapshot', type: 'jsonb', nullable: true })
  settingsSnapshot!: LifecycleSettings | null;

  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true })
  launchedAt!: Date | null;

  @Column({ name: 'original_expires_at', type: 'timestamptz', nullable: true })
  originalExpiresAt!: Date | null;

  @Column({ name: 'extensions_used', type: 'int', default: 0 })
  extensionsUsed!: number;

  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @Column({ name: 'stop_kind', type: 'text', nullable: true })
  stopKind!: 'expired' | 'early' | null;

  @Column({ name: 'evaluation_due_at', type: 'timestamptz', nullable: true })
  evaluationDueAt!: Date | null;

  @Column({ name: 'decision_due_at', type: 'timestamptz', nullable: true })
  decisionDueAt!: Date | null;

  /** Evaluation or decision overdue past the CODIR escalation: the "effet Algeco" alert. */
  @Column({ type: 'boolean', default: false })
  algeco!: boolean;

  @Column({ name: 'last_check_in_at', type: 'timestamptz', nullable: true })
  lastCheckInAt!: Date | null;

  @Column({ name: 'last_weather', type: 'text', nullable: true })
  lastWeather!: string | null;

  @Column({ name: 'missed_check_ins', type: 'int', default: 0 })
  missedCheckIns!: number;

  @Column({ name: 'child_experiment_id', type: 'uuid', nullable: true })
  childExperimentId!: string | null;

  /** A launch waiting for the sponsor's or CODIR's approval (four-eyes): when, and who asked. */
  @Column({ name: 'launch_requested_at', type: 'timestamptz', nullable: true })
  launchRequestedAt!: Date | null;

  @Column({ name: 'launch_requested_by', type: 'uuid', nullable: true })
  launchRequestedBy!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  iteration!: number;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** The template the draft was created from (issue 16). */
  @Column({ name: 'template_id', type: 'uuid', nullable: true })
  templateId!: string | null;

  /** The original, in another organisation, that this test replicates (issue 16). */
  @Column({ name: 'replicated_from_id', type: 'uuid', nullable: true })
  replicatedFromId!: string | null;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  /** When the retention run pseudonymised this closed test's personal data (issue 17). */
  @Column({ name: 'personal_data_removed_at', type: 'timestamptz', nullable: true })
  personalDataRemovedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @ManyToOne(() => TrackEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'track_id' })
  track?: TrackEntity | null;

  @ManyToOne(() => ExperimentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: ExperimentEntity | null;
}
