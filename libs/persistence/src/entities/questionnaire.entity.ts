import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Question } from '@capacites/domain';
import { ExperimentEntity } from './experiment.entity';

/**
 * A questionnaire on a test ("la voix des usagers"). Its status and effective window are a
 * projection written by the test's workflow (activities), like the experiment's state.
 */
@Entity({ name: 'questionnaires' })
@Index('idx_questionnaires_experiment', ['experimentId', 'createdAt'])
export class QuestionnaireEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'experiment_id', type: 'uuid' })
  experimentId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  intro!: string;

  /** participants | public */
  @Column({ type: 'text' })
  audience!: string;

  /** run | evaluation | custom */
  @Column({ name: 'window_kind', type: 'text' })
  windowKind!: string;

  @Column({ name: 'window_opens_on', type: 'date', nullable: true })
  windowOpensOn!: string | null;

  @Column({ name: 'window_closes_on', type: 'date', nullable: true })
  windowClosesOn!: string | null;

  /** draft | scheduled | open | closed */
  @Column({ type: 'text', default: 'draft' })
  status!: string;

  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt!: Date | null;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt!: Date | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  questions!: Question[];

  /** Public audience: the short code of `/q/<code>`, set at publication. */
  @Column({ name: 'public_code', type: 'text', nullable: true, unique: true })
  publicCode!: string | null;

  /** Participants asked when it opened (active participants). */
  @Column({ name: 'expected_count', type: 'integer', nullable: true })
  expectedCount!: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => ExperimentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id' })
  experiment?: ExperimentEntity;
}
