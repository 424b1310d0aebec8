import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataCipher,
  dnsServers,
  loadDataKeys,
  parseAllowedNetworks,
  secretContext,
  type AllowedNetworks,
} from '@capacites/config';
import { DataSource } from 'typeorm';
import type { EndpointKind, WebhookPayload } from '@capacites/domain';
import type { AttemptDeliveryInput, AttemptOutcome } from '@capacites/workflows';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker.config';
import { NotifierService } from '../notifications/notifier.service';
import { buildRequest } from './webhook-formats';
import { EXCERPT_CHARS, sendOutbound, type OutboundPolicy } from './outbound-request';

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  createdAt: Date;
  messageId: string;
  payload: WebhookPayload;
  endpointId: string;
  kind: EndpointKind;
  url: string;
  roomId: string | null;
  secret: string | null;
  disabledAt: Date | null;
  organizationId: string;
  timeZone: string;
}

const DELIVERY_SQL = `
  SELECT d.id, d.status, d.attempts, d.created_at AS "createdAt", m.id AS "messageId", m.payload,
         e.id AS "endpointId", e.kind, e.url, e.room_id AS "roomId", e.secret, e.disabled_at AS "disabledAt",
         e.organization_id AS "organizationId", o.time_zone AS "timeZone"
    FROM webhook_deliveries d
    JOIN webhook_messages m ON m.id = d.message_id
    JOIN webhook_endpoints e ON e.id = d.endpoint_id
    JOIN organizations o ON o.id = e.organization_id
   WHERE d.id = $1`;

/** Who hears that an endpoint was disabled: whoever created it, and HR of the organisation. */
const ADMINS_SQL = `
  SELECT DISTINCT u.email FROM users u
   WHERE u.disabled_at IS NULL
     AND (u.id = $2 OR u.id IN (SELECT m.user_id FROM memberships m WHERE m.organization_id = $1 AND m.role = 'hr'))
   ORDER BY u.email`;

/**
 * The attempts of a delivery and their journal: each attempt is one HTTP request (checked
 * address, no redirect, time limit), recorded with its status and a short excerpt of the
 * answer. A delivery whose every attempt failed, on an endpoint that never succeeded since,
 * disables the endpoint and tells the organisation's administrators by email.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('Webhooks');
  private readonly policy: OutboundPolicy;
  /** Endpoints' URLs and secrets are encrypted at rest; a production worker without keys does not start. */
  private readonly cipher: DataCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly notifier: NotifierService,
  ) {
    this.cipher = new DataCipher(loadDataKeys(config));
    const allowedNetworks: AllowedNetworks = parseAllowedNetworks(config.WEBHOOK_ALLOWED_NETWORKS);
    this.policy = {
      allowedNetworks,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      dnsServers: dnsServers(config),
    };
  }

  async attempt(
    input: AttemptDeliveryInput,
    heartbeat: () => void = () => undefined,
  ): Promise<AttemptOutcome> {
    const [row]: DeliveryRow[] = await this.dataSource.query(DELIVERY_SQL, [input.deliveryId]);
    // Purged from the journal, or its endpoint deleted: nothing left to deliver.
    if (!row) return 'stop';
    // Recorded delivered by an earlier try of this activity (the worker died before reporting it).
    if (row.status === 'delivered') return 'delivered';
    if (row.disabledAt) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'cancelled' WHERE id = $1 AND status = 'pending'`,
        [row.id],
      );
      return 'stop';
    }
    const attempt = row.attempts + 1;
    const startedAt = new Date();
    const request = buildRequest(
      {
        deliveryId: row.id,
        messageId: row.messageId,
        kind: row.kind,
        url: this.cipher.decrypt(row.url, secretContext('webhook_endpoints', 'url', row.endpointId)),
        roomId: row.roomId,
        secret: this.cipher.decryptNullable(row.secret, secretContext('webhook_endpoints', 'secret', row.endpointId)),
        payload: row.payload,
        timeZone: row.timeZone,
      },
      startedAt,
      input.manual ? attempt : null,
    );
    const result = await sendOutbound(request, this.policy, heartbeat);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        // Nothing to journal when the endpoint was deleted during the attempt (its deliveries with it).
        `INSERT INTO webhook_delivery_attempts
           (delivery_id, attempt, started_at, duration_ms, status_code, error, response_excerpt, manual)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = $1)`,
        [
          row.id,
          attempt,
          startedAt,
          result.durationMs,
          result.statusCode,
          result.error?.slice(0, EXCERPT_CHARS) ?? null,
          result.excerpt,
          input.manual,
        ],
      );
      await manager.query(
        `UPDATE webhook_deliveries
            SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
                status = CASE WHEN $4 THEN 'delivered' ELSE status END,
                delivered_at = CASE WHEN $4 THEN now() ELSE delivered_at END
          WHERE id = $1`,
        [row.id, result.statusCode, result.error?.slice(0, EXCERPT_CHARS) ?? null, result.ok],
      );
      await manager.query(
        result.ok
          ? `UPDATE webhook_endpoints SET last_success_at = now() WHERE id = $1`
          : `UPDATE webhook_endpoints SET last_failure_at = now() WHERE id = $1`,
        [row.endpointId],
      );
    });
    return result.ok ? 'delivered' : 'retry';
  }

  /**
   * Every attempt failed. The endpoint is disabled when it has not succeeded since this
   * delivery began (about a day of failures): once, with an audit record and an email to the
   * organisation's administrators. A retried activity sends what waits in the outbox.
   */
  async recordFailed(deliveryId: string, manual = false): Promise<void> {
    const recipients: string[] = [];
    let organizationId: string | null = null;
    await this.dataSource.transaction(async (manager) => {
      const [failed]: { endpointId: string; createdAt: Date; organizationId: string }[] = await manager.query(
        // SELECTs over the UPDATEs: TypeORM answers a bare UPDATE with [rows, count].
        `WITH failed AS (
           UPDATE webhook_deliveries SET status = 'failed' WHERE id = $1 AND status = 'pending'
           RETURNING endpoint_id, created_at, organization_id)
         SELECT endpoint_id AS "endpointId", created_at AS "createdAt", organization_id AS "organizationId" FROM failed`,
        [deliveryId],
      );
      if (!failed || manual) return;
      organizationId = failed.organizationId;
      const [endpoint]: { id: string; name: string; kind: string; createdBy: string | null }[] =
        await manager.query(
          `WITH disabled AS (
             UPDATE webhook_endpoints SET disabled_at = now(), disabled_reason = 'failing'
              WHERE id = $1 AND disabled_at IS NULL AND (last_success_at IS NULL OR last_success_at < $2)
             RETURNING id, name, kind, created_by)
           SELECT id, name, kind, created_by AS "createdBy" FROM disabled`,
          [failed.endpointId, failed.createdAt],
        );
      if (!endpoint) return;
      this.logger.warn(JSON.stringify({ event: 'webhook_endpoint_disabled', endpointId: endpoint.id }));
      await manager.query(
        `INSERT INTO audit_events (idempotency_key, organization_id, experiment_id, event, actor_id, details, occurred_at)
         VALUES ($1, $2, NULL, 'webhookEndpoint.disabled', NULL, $3, now())`,
        [
          `webhook-disabled:${deliveryId}`,
          failed.organizationId,
          { endpointId: endpoint.id, name: endpoint.name, reason: 'failing', deliveryId },
        ],
      );
      const admins: { email: string }[] = await manager.query(ADMINS_SQL, [
        failed.organizationId,
        endpoint.createdBy,
      ]);
      const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/#/webhook-endpoints/${endpoint.id}/show`;
      const since = new Intl.DateTimeFormat('fr-FR', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Paris',
      }).format(failed.createdAt);
      const subject = `Intégration désactivée : « ${endpoint.name} »`;
      const text = [
        `Les envois vers « ${endpoint.name} » échouent sans interruption depuis le ${since} : chaque tentative a échoué.`,
        `Cette intégration est désactivée ; plus aucun événement ne lui est envoyé.`,
        `Une fois le destinataire réparé, réactivez-la et renvoyez les envois en échec depuis son journal : ${link}`,
      ].join('\n\n');
      for (const admin of admins) {
        await manager.query(
          `INSERT INTO emails (notification_id, organization_id, to_address, subject, text, status)
           VALUES (NULL, $1, $2, $3, $4, 'outbox')`,
          [failed.organizationId, admin.email, subject, text],
        );
        recipients.push(admin.email);
      }
    });
    if (organizationId) await this.notifier.deliver(organizationId, recipients);
    else await this.resendWaiting(deliveryId);
  }

  /** A retry after the commit: the disable email may still wait in the outbox. */
  private async resendWaiting(deliveryId: string): Promise<void> {
    const [row]: { organizationId: string; createdBy: string | null }[] = await this.dataSource.query(
      `SELECT d.organization_id AS "organizationId", e.created_by AS "createdBy"
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row) return;
    const admins: { email: string }[] = await this.dataSource.query(ADMINS_SQL, [
      row.organizationId,
      row.createdBy,
    ]);
    await this.notifier.deliver(
      row.organizationId,
      admins.map((a) => a.email),
    );
  }
}
