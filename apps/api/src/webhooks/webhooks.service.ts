import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  dnsServers,
  parseAllowedNetworks,
  secretContext,
  type AllowedNetworks,
  type DataCipher,
} from '@capacites/config';
import {
  DELIVERY_JOURNAL_DAYS,
  type DeliveryAttemptResponse,
  type DeliveryResponse,
  type EndpointCreateInput,
  type EndpointResponse,
  type EndpointUpdateInput,
  type WebhookPayload,
} from '@capacites/domain';
import { WebhookEndpointEntity } from '@capacites/persistence';
import {
  WEBHOOK_DELIVERY_WORKFLOW,
  webhookResendWorkflowId,
  type WebhookDeliveryInput,
} from '@capacites/workflows';
import type { AuthUser } from '../auth/auth-user';
import { recordAdminEvent } from '../common/admin-audit';
import { RefusalException, ResourceException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { assertManagesIntegrations, integrationOrganizations } from '../service-accounts/integration-access';
import { DATA_CIPHER } from '../security/data-cipher';
import { TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE } from '../temporal/temporal.module';
import { assertPublicUrl } from './endpoint-url-check';

export const ENDPOINT_SORT: Record<string, string> = {
  name: 'e.name',
  createdAt: 'e.created_at',
  kind: 'e.kind',
};
export const DELIVERY_SORT: Record<string, string> = { createdAt: 'd.created_at', status: 'd.status' };

export interface EndpointFilter {
  organizationId?: string;
  kind?: string;
}
export interface DeliveryFilter {
  organizationId?: string;
  endpointId?: string;
  status?: string;
  experimentId?: string;
}

/** Chat incoming webhooks carry their secret in the URL: shown as its origin and last characters. */
const SECRET_URL_KINDS = new Set(['mattermost', 'slack', 'teams']);
const maskedUrl = (kind: string, url: string) => {
  if (!SECRET_URL_KINDS.has(kind)) return url;
  const parsed = new URL(url);
  return `${parsed.origin}/…${url.slice(-4)}`;
};

/** The endpoint as answered: its URL decrypted (then masked for chats), never its secret. */
const toEndpointResponse = (e: WebhookEndpointEntity, url: string): EndpointResponse => ({
  id: e.id,
  organizationId: e.organizationId,
  name: e.name,
  kind: e.kind,
  url: maskedUrl(e.kind, url),
  roomId: e.roomId,
  events: e.events,
  enabled: e.disabledAt === null,
  disabledAt: e.disabledAt?.toISOString() ?? null,
  disabledReason: e.disabledReason,
  lastSuccessAt: e.lastSuccessAt?.toISOString() ?? null,
  lastFailureAt: e.lastFailureAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
});

interface DeliveryRow {
  id: string;
  message_id: string;
  endpoint_id: string;
  organization_id: string;
  type: string;
  status: DeliveryResponse['status'];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  experiment_id: string | null;
  payload?: WebhookPayload;
}

const toDeliveryResponse = (d: DeliveryRow): DeliveryResponse => ({
  id: d.id,
  messageId: `msg_${d.message_id.replace(/-/g, '')}`,
  endpointId: d.endpoint_id,
  organizationId: d.organization_id,
  type: d.type,
  status: d.status,
  attempts: d.attempts,
  lastStatusCode: d.last_status_code,
  lastError: d.last_error,
  createdAt: d.created_at.toISOString(),
  deliveredAt: d.delivered_at?.toISOString() ?? null,
  experimentId: d.experiment_id,
});

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * Webhooks and chat alerts of an organisation: its endpoints (registered by its HR or the
 * platform admin, every change audited), and the delivery journal (7 days) with "Renvoyer".
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger('Webhooks');
  private readonly allowed: AllowedNetworks;
  private readonly servers: string[] | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(TEMPORAL_TASK_QUEUE) private readonly taskQueue: string,
    @Inject(DATA_CIPHER) private readonly cipher: DataCipher,
  ) {
    this.allowed = parseAllowedNetworks(config.WEBHOOK_ALLOWED_NETWORKS);
    this.servers = dnsServers(config);
  }

  // --- endpoints ------------------------------------------------------------------------------

  async listEndpoints(query: ListQuery<EndpointFilter>, principal: AuthUser) {
    assertManagesIntegrations(principal, query.filter.organizationId);
    const qb = this.dataSource.getRepository(WebhookEndpointEntity).createQueryBuilder('e');
    const organizations = integrationOrganizations(principal);
    if (organizations) qb.andWhere('e.organization_id IN (:...organizations)', { organizations });
    if (query.filter.organizationId)
      qb.andWhere('e.organization_id = :org', { org: query.filter.organizationId });
    if (query.filter.kind) qb.andWhere('e.kind = :kind', { kind: query.filter.kind });
    const [rows, total] = await qb
      .orderBy(ENDPOINT_SORT[query.sort.field], query.sort.order)
      .addOrderBy('e.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return { data: rows.map((row) => this.toResponse(row)), total };
  }

  async findEndpoint(id: string, principal: AuthUser): Promise<EndpointResponse> {
    return this.toResponse(await this.loadEndpoint(id, principal));
  }

  private toResponse(endpoint: WebhookEndpointEntity): EndpointResponse {
    return toEndpointResponse(
      endpoint,
      this.cipher.decrypt(endpoint.url, secretContext('webhook_endpoints', 'url', endpoint.id)),
    );
  }

  /** The URL and the secret of an endpoint as stored: encrypted, bound to their row. */
  private sealUrl(id: string, url: string): string {
    return this.cipher.encrypt(url, secretContext('webhook_endpoints', 'url', id));
  }

  private sealSecret(id: string, secret: string | null): string | null {
    return this.cipher.encryptNullable(secret, secretContext('webhook_endpoints', 'secret', id));
  }

  async createEndpoint(input: EndpointCreateInput, principal: AuthUser): Promise<EndpointResponse> {
    assertManagesIntegrations(principal, input.organizationId);
    const organization: unknown[] = await this.dataSource.query(`SELECT 1 FROM organizations WHERE id = $1`, [
      input.organizationId,
    ]);
    if (organization.length === 0)
      throw ResourceException.referenceNotFound('organizationId', 'ORGANIZATION_NOT_FOUND');
    await assertPublicUrl(input.url, this.allowed, this.servers);
    const secret =
      input.kind === 'webhook' ? newSecret() : input.kind === 'tchap' ? (input.accessToken ?? null) : null;
    // The id first: the encrypted URL and secret are bound to their row.
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_endpoints (id, organization_id, name, kind, url, room_id, secret, events, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          input.organizationId,
          input.name,
          input.kind,
          this.sealUrl(id, input.url),
          input.roomId ?? null,
          this.sealSecret(id, secret),
          input.events,
          principal.userId,
        ],
      );
      await recordAdminEvent(manager, {
        organizationId: input.organizationId,
        event: 'webhookEndpoint.created',
        actorId: principal.userId,
        details: {
          endpointId: id,
          name: input.name,
          kind: input.kind,
          host: new URL(input.url).host,
          events: input.events,
        },
      });
    });
    const created = this.toResponse(
      await this.dataSource.getRepository(WebhookEndpointEntity).findOneByOrFail({ id }),
    );
    // The signing secret is shown this once; a bot's token is never shown back.
    return input.kind === 'webhook' && secret ? { ...created, secret } : created;
  }

  async updateEndpoint(
    id: string,
    input: EndpointUpdateInput,
    principal: AuthUser,
  ): Promise<EndpointResponse> {
    const endpoint = await this.loadEndpoint(id, principal);
    if (input.url !== undefined) await assertPublicUrl(input.url, this.allowed, this.servers);
    if (endpoint.kind !== 'tchap' && (input.roomId !== undefined || input.accessToken !== undefined)) {
      const field = input.roomId !== undefined ? 'roomId' : 'accessToken';
      throw ResourceException.invalid(field, `${field} is for Tchap only`);
    }
    const changes: Partial<Record<string, unknown>> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.url !== undefined) changes.url = this.sealUrl(id, input.url);
    if (input.events !== undefined) changes.events = input.events;
    if (input.roomId !== undefined) changes.roomId = input.roomId;
    if (input.accessToken !== undefined) changes.secret = this.sealSecret(id, input.accessToken);
    if (input.enabled === true && endpoint.disabledAt)
      Object.assign(changes, { disabledAt: null, disabledReason: null });
    if (input.enabled === false && !endpoint.disabledAt)
      Object.assign(changes, { disabledAt: new Date(), disabledReason: 'paused' });
    if (Object.keys(changes).length === 0) return this.toResponse(endpoint);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(WebhookEndpointEntity, { id }, changes);
      const fields = Object.keys(input).filter((field) => field !== 'accessToken');
      await recordAdminEvent(manager, {
        organizationId: endpoint.organizationId,
        event:
          input.enabled === true && endpoint.disabledAt
            ? 'webhookEndpoint.enabled'
            : input.enabled === false && !endpoint.disabledAt
              ? 'webhookEndpoint.paused'
              : 'webhookEndpoint.updated',
        actorId: principal.userId,
        details: {
          endpointId: id,
          name: endpoint.name,
          fields: input.accessToken ? [...fields, 'accessToken'] : fields,
        },
      });
    });
    return this.findEndpoint(id, principal);
  }

  async removeEndpoint(id: string, principal: AuthUser): Promise<EndpointResponse> {
    const endpoint = await this.loadEndpoint(id, principal);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(WebhookEndpointEntity, { id });
      await recordAdminEvent(manager, {
        organizationId: endpoint.organizationId,
        event: 'webhookEndpoint.deleted',
        actorId: principal.userId,
        details: { endpointId: id, name: endpoint.name, kind: endpoint.kind },
      });
    });
    return this.toResponse(endpoint);
  }

  /** A new signing secret, shown once; the old one stops signing at once. */
  async rotateSecret(id: string, principal: AuthUser): Promise<EndpointResponse> {
    const endpoint = await this.loadEndpoint(id, principal);
    if (endpoint.kind !== 'webhook') throw ResourceException.conflict('ENDPOINT_SECRET_NOT_APPLICABLE', {});
    const secret = newSecret();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(WebhookEndpointEntity, { id }, { secret: this.sealSecret(id, secret) });
      await recordAdminEvent(manager, {
        organizationId: endpoint.organizationId,
        event: 'webhookEndpoint.secretRotated',
        actorId: principal.userId,
        details: { endpointId: id, name: endpoint.name },
      });
    });
    return { ...this.toResponse(endpoint), secret };
  }

  private async loadEndpoint(id: string, principal: AuthUser): Promise<WebhookEndpointEntity> {
    assertManagesIntegrations(principal);
    const endpoint = await this.dataSource.getRepository(WebhookEndpointEntity).findOneBy({ id });
    const organizations = integrationOrganizations(principal);
    if (!endpoint || (organizations && !organizations.includes(endpoint.organizationId)))
      throw ResourceException.notFound('webhook endpoint');
    return endpoint;
  }

  // --- deliveries (the journal) ------------------------------------------------------------------

  async listDeliveries(query: ListQuery<DeliveryFilter>, principal: AuthUser) {
    assertManagesIntegrations(principal, query.filter.organizationId);
    const where: string[] = [`d.created_at > now() - make_interval(days => ${DELIVERY_JOURNAL_DAYS})`];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    const organizations = integrationOrganizations(principal);
    if (organizations) add('d.organization_id = ANY(?::uuid[])', organizations);
    if (query.filter.organizationId) add('d.organization_id = ?', query.filter.organizationId);
    if (query.filter.endpointId) add('d.endpoint_id = ?', query.filter.endpointId);
    if (query.filter.status) add('d.status = ?', query.filter.status);
    if (query.filter.experimentId) add('m.experiment_id = ?', query.filter.experimentId);
    const from = `FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total ${from}`,
      params,
    );
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.*, m.type, m.experiment_id ${from}
        ORDER BY ${DELIVERY_SORT[query.sort.field]} ${query.sort.order}, d.id
        LIMIT ${Number(query.limit)} OFFSET ${Number(query.offset)}`,
      params,
    );
    return { data: rows.map(toDeliveryResponse), total: Number(total) };
  }

  async findDelivery(id: string, principal: AuthUser): Promise<DeliveryResponse> {
    const row = await this.loadDelivery(id, principal);
    const attempts: {
      attempt: number;
      started_at: Date;
      duration_ms: number;
      status_code: number | null;
      error: string | null;
      response_excerpt: string | null;
      manual: boolean;
    }[] = await this.dataSource.query(
      `SELECT * FROM webhook_delivery_attempts WHERE delivery_id = $1 ORDER BY id`,
      [id],
    );
    const attemptLog: DeliveryAttemptResponse[] = attempts.map((a) => ({
      attempt: a.attempt,
      at: a.started_at.toISOString(),
      durationMs: a.duration_ms,
      statusCode: a.status_code,
      error: a.error,
      responseExcerpt: a.response_excerpt,
      manual: a.manual,
    }));
    return { ...toDeliveryResponse(row), payload: row.payload, attemptLog };
  }

  /**
   * "Renvoyer": one more attempt of a delivery that has succeeded, failed or been cancelled,
   * with the same message id (receivers dedupe on it), by a workflow of its own. Audited.
   */
  async resend(id: string, principal: AuthUser): Promise<DeliveryResponse> {
    const row = await this.loadDelivery(id, principal);
    const [endpoint]: { disabled_at: Date | null }[] = await this.dataSource.query(
      `SELECT disabled_at FROM webhook_endpoints WHERE id = $1`,
      [row.endpoint_id],
    );
    if (endpoint?.disabled_at) throw ResourceException.conflict('ENDPOINT_DISABLED', {});
    const previous = row.status;
    const claimed = await this.dataSource.transaction(async (manager) => {
      const [updated]: unknown[] = await manager.query(
        // A SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count].
        `WITH claimed AS (
           UPDATE webhook_deliveries SET status = 'pending' WHERE id = $1 AND status <> 'pending' RETURNING id)
         SELECT id FROM claimed`,
        [id],
      );
      if (!updated) return false;
      await recordAdminEvent(manager, {
        organizationId: row.organization_id,
        event: 'webhookDelivery.resent',
        actorId: principal.userId,
        details: { deliveryId: id, endpointId: row.endpoint_id, type: row.type },
      });
      return true;
    });
    if (!claimed) throw ResourceException.conflict('DELIVERY_IN_PROGRESS', {});
    const input: WebhookDeliveryInput = { deliveryId: id, retryDelaysMs: [], manual: true };
    try {
      await this.temporal.workflow.start(WEBHOOK_DELIVERY_WORKFLOW, {
        workflowId: webhookResendWorkflowId(id, randomUUID()),
        taskQueue: this.taskQueue,
        args: [input],
      });
    } catch (error) {
      this.logger.warn(`resend of ${id} not started: ${(error as Error).message}`);
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = $2 WHERE id = $1 AND status = 'pending'`,
        [id, previous],
      );
      throw new RefusalException('unavailable', 'WORKFLOW_UNAVAILABLE');
    }
    return this.findDelivery(id, principal);
  }

  private async loadDelivery(id: string, principal: AuthUser): Promise<DeliveryRow> {
    assertManagesIntegrations(principal);
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.*, m.type, m.experiment_id, m.payload
         FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id
        WHERE d.id = $1 AND d.created_at > now() - make_interval(days => ${DELIVERY_JOURNAL_DAYS})`,
      [id],
    );
    const organizations = integrationOrganizations(principal);
    if (!row || (organizations && !organizations.includes(row.organization_id)))
      throw ResourceException.notFound('webhook delivery');
    return row;
  }
}
