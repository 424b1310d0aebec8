import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** argon2 hash; null for users who only log in through OpenID Connect. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  /** A disabled user can no longer log in; kept because the audit names them. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Erased (issue 17): name and email replaced, no login; the id stays as a pseudonymous reference. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  /** A pseudonymous account ("Participant N") standing for a person of this closed test. */
  @Column({ name: 'pseudonym_experiment_id', type: 'uuid', nullable: true })
  pseudonymExperimentId!: string | null;

  /** The admin allows linking this account to an OpenID Connect identity on its first login. */
  @Column({ name: 'oidc_allowed', type: 'boolean', default: false })
  oidcAllowed!: boolean;

  /** The linked OpenID Connect identity: the provider's issuer and subject (`sub`), unique together. */
  @Column({ name: 'oidc_issuer', type: 'text', nullable: true })
  oidcIssuer!: string | null;

  @Column({ name: 'oidc_subject', type: 'text', nullable: true })
  oidcSubject!: string | null;

  @Column({ name: 'oidc_linked_at', type: 'timestamptz', nullable: true })
  oidcLinkedAt!: Date | null;

  /** TOTP second factor (base32 secret), once confirmed; never sent back after enrolment. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true, select: false })
  totpSecret!: string | null;

  /** A secret shown at enrolment, until confirmed with a code. */
  @Column({ name: 'totp_pending_secret', type: 'text', nullable: true, select: false })
  totpPendingSecret!: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** The time step of the last accepted code: a code is never accepted twice. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false })
  totpLastStep!: string | null;

  /** The person turned the portfolio digest off for themselves. */
  @Column({ name: 'digest_opted_out_at', type: 'timestamptz', nullable: true })
  digestOptedOutAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
