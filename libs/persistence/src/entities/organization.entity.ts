import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DigestSettings, LifecycleSettings, OrganizationKind } from '@capacites/domain';

/** A tenant: one public administration. */
@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Column({ name: 'time_zone', type: 'text', default: 'Europe/Paris' })
  timeZone!: string;

  /** Lifecycle settings (durations, reminder offsets…); defaults apply to missing keys. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  settings!: Partial<LifecycleSettings>;

  /** Digest rhythm and recipients (issue 15); defaults apply to missing keys. */
  @Column({ name: 'digest_settings', type: 'jsonb', default: () => "'{}'::jsonb" })
  digestSettings!: Partial<DigestSettings>;

  /** Days a closed test's personal data is kept (issue 17); null: the default. */
  @Column({ name: 'retention_days', type: 'int', nullable: true })
  retentionDays!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
