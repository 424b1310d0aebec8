import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/** An organisation's rule: its new tests of this track start from a template. */
@Entity({ name: 'template_requirements' })
@Unique('uq_template_requirements', ['organizationId', 'trackId'])
export class TemplateRequirementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'track_id', type: 'uuid' })
  trackId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
