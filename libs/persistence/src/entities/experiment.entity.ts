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

import type { ExperimentState } from '@capacites/domain';

/**
 * An organisational test. `state` is written only by the worker's activities: it is
 * the projection of the experiment's workflow.
 */
@Entity({ name: 'experiments' })
@Index('idx_experiments_org_state', ['organizationId', 'state'])
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

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  iteration!: number;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

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
