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
import { ExperimentEntity } from './experiment.entity';

/** A verbatim collected for the story of a test and its evaluation ("mise en récit"). */
@Entity({ name: 'testimonies' })
@Index('idx_testimonies_experiment', ['experimentId', 'collectedAt'])
export class TestimonyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'experiment_id', type: 'uuid' })
  experimentId!: string;

  @Column({ type: 'text' })
  quote!: string;

  /** Who spoke; empty when the person asked to stay anonymous. */
  @Column({ type: 'text', default: '' })
  speaker!: string;

  /** Their position ("agent d'accueil", "usager"…), kept even when anonymous. */
  @Column({ name: 'speaker_role', type: 'text', default: '' })
  speakerRole!: string;

  @Column({ type: 'text' })
  source!: string;

  /** Calendar date on which it was collected. */
  @Column({ name: 'collected_at', type: 'date' })
  collectedAt!: string;

  /** The speaker agreed that it be shared beyond the organisation. */
  @Column({ type: 'boolean', default: false })
  shareable!: boolean;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => ExperimentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id' })
  experiment?: ExperimentEntity;
}
