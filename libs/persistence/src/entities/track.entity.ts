import { Column, JoinColumn, ManyToOne, Entity, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

/** A theme ("piste"). Tracks without organization are shared by every organization. */
@Entity({ name: 'tracks' })
export class TrackEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** An archived track is offered no more to new experiments; those that use it keep it. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity | null;
}
