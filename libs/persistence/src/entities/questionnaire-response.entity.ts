import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Answers } from '@capacites/domain';
import { QuestionnaireEntity } from './questionnaire.entity';

/**
 * One person's answers. Participants: `respondentUserId` (one response each, replaced until
 * the window closes). Public: `respondentKey`, a hash of the per-browser token, nothing else
 * about the person (no IP, no account).
 */
@Entity({ name: 'questionnaire_responses' })
@Index('idx_questionnaire_responses_submitted', ['questionnaireId', 'submittedAt'])
export class QuestionnaireResponseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'questionnaire_id', type: 'uuid' })
  questionnaireId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'respondent_user_id', type: 'uuid', nullable: true })
  respondentUserId!: string | null;

  @Column({ name: 'respondent_key', type: 'text', nullable: true })
  respondentKey!: string | null;

  @Column({ type: 'jsonb' })
  answers!: Answers;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => QuestionnaireEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionnaire_id' })
  questionnaire?: QuestionnaireEntity;
}
