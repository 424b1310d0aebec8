import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryStatus, EndpointKind } from '@capacites/domain';
import { CreatedAtColumn, NullableColumn, OrganizationIdColumn } from './columns';

/**
 * An organisation's endpoint: a Standard Webhooks receiver or a chat room (Tchap, Mattermost,
 * Slack, Teams), with the events it takes. `secret` is the signing secret (webhook) or the
 * bot's access token (Tchap): kept to sign and send, never shown again after creation.
 */
@Entity({ name: 'webhook_endpoints' })
@Index('idx_webhook_endpoints_organization', ['organizationId'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @OrganizationIdColumn()
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: EndpointKind;

  @Column({ type: 'text' })
  url!: string;

  @NullableColumn('room_id', 'text')
  roomId!: string | null;

  @Column({ type: 'text', nullable: true, select: false })
  secret!: string | null;

  @Column({ type: 'text', array: true })
  events!: string[];

  @NullableColumn('disabled_at', 'timestamptz')
  disabledAt!: Date | null;

  @NullableColumn('disabled_reason', 'text')
  disabledReason!: 'failing' | 'paused' | null;

  @NullableColumn('last_success_at', 'timestamptz')
  lastSuccessAt!: Date | null;

  @NullableColumn('last_failure_at', 'timestamptz')
  lastFailureAt!: Date | null;

  @NullableColumn('created_by', 'uuid')
  createdBy!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}

/** One event to deliver (Standard Webhooks "message"): its id is the `webhook-id` of every attempt. */
@Entity({ name: 'webhook_messages' })
export class WebhookMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @OrganizationIdColumn()
  organizationId!: string;

  /** The recorded event's idempotency key: a retried activity publishes nothing twice. */
  @Column({ name: 'event_key', type: 'text', unique: true })
  eventKey!: string;

  @Column({ type: 'text' })
  type!: string;

  @NullableColumn('experiment_id', 'uuid')
  experimentId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: object;

  @CreatedAtColumn()
  createdAt!: Date;
}

/** A message to one endpoint, and where its delivery stands (the journal, kept 7 days). */
@Entity({ name: 'webhook_deliveries' })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @OrganizationIdColumn()
  organizationId!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @NullableColumn('last_status_code', 'integer')
  lastStatusCode!: number | null;

  @NullableColumn('last_error', 'text')
  lastError!: string | null;

  /** When its delivery workflow was started (null: not yet, a retried activity starts it). */
  @NullableColumn('dispatched_at', 'timestamptz')
  dispatchedAt!: Date | null;

  @NullableColumn('delivered_at', 'timestamptz')
  deliveredAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}

/** One HTTP attempt of a delivery: status, error, a short excerpt of the answer (never more). */
@Entity({ name: 'webhook_delivery_attempts' })
export class WebhookDeliveryAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @NullableColumn('status_code', 'integer')
  statusCode!: number | null;

  @NullableColumn('error', 'text')
  error!: string | null;

  @NullableColumn('response_excerpt', 'text')
  responseExcerpt!: string | null;

  @Column({ type: 'boolean', default: false })
  manual!: boolean;
}

/** An organisation's token for an integration: stored hashed, scoped, expiring, revocable. */
@Entity({ name: 'service_accounts' })
export class ServiceAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @OrganizationIdColumn()
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  scope!: 'read' | 'lifecycle';

  @Column({ name: 'token_hash', type: 'text', unique: true, select: false })
  tokenHash!: string;

  @Column({ name: 'token_prefix', type: 'text' })
  tokenPrefix!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @NullableColumn('revoked_at', 'timestamptz')
  revokedAt!: Date | null;

  @NullableColumn('revoked_by', 'uuid')
  revokedBy!: string | null;

  @NullableColumn('last_used_at', 'timestamptz')
  lastUsedAt!: Date | null;

  @NullableColumn('created_by', 'uuid')
  createdBy!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
