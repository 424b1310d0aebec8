import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  SERVICE_ACCOUNT_MAX_DAYS,
  SERVICE_ACCOUNT_TOKEN_PREFIX,
  type Principal,
  type Role,
  type ServiceAccountCreateInput,
  type ServiceAccountResponse,
  type ServiceAccountScope,
} from '@capacites/domain';
import { ServiceAccountEntity } from '@capacites/persistence';
import type { AuthUser } from '../auth/auth-user';
import { recordAdminEvent } from '../common/admin-audit';
import { RefusalException, ResourceException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { assertManagesIntegrations, integrationOrganizations } from './integration-access';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Last use is written at most this often per account (a busy integration calls many times a minute). */
const LAST_USED_PRECISION_MS = 60_000;

export const SERVICE_ACCOUNT_SORT: Record<string, string> = {
  name: 's.name',
  createdAt: 's.created_at',
  expiresAt: 's.expires_at',
};

export interface ServiceAccountFilter {
  organizationId?: string;
  status?: 'active' | 'expired' | 'revoked';
}

function statusOf(row: ServiceAccountEntity, now = new Date()): ServiceAccountResponse['status'] {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'active';
}

export const toServiceAccountResponse = (row: ServiceAccountEntity): ServiceAccountResponse => ({
  id: row.id,
  organizationId: row.organizationId,
  name: row.name,
  scope: row.scope,
  tokenPrefix: row.tokenPrefix,
  expiresAt: row.expiresAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdBy,
  status: statusOf(row),
});

/**
 * Service accounts: an organisation's tokens for its integrations. The token is random,
 * shown once, stored as its SHA-256 (it has 256 bits of entropy: a slow hash adds nothing);
 * it expires, can be revoked, and every creation and revocation is audited. The API treats
 * a token as a principal of its organisation: `read` reads as CODIR does, `lifecycle` may
 * also launch, cancel, request an extension and stop early (SessionGuard keeps it there).
 */
@Injectable()
export class ServiceAccountsService {
  private readonly logger = new Logger('Auth');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListQuery<ServiceAccountFilter>, principal: AuthUser) {
    assertManagesIntegrations(principal, query.filter.organizationId);
    const qb = this.dataSource.getRepository(ServiceAccountEntity).createQueryBuilder('s');
    const organizations = integrationOrganizations(principal);
    if (organizations)
      qb.andWhere('s.organization_id IN (:...organizations)', { organizations: [...organizations, null] });
    if (query.filter.organizationId)
      qb.andWhere('s.organization_id = :org', { org: query.filter.organizationId });
    if (query.filter.status === 'revoked') qb.andWhere('s.revoked_at IS NOT NULL');
    if (query.filter.status === 'expired') qb.andWhere('s.revoked_at IS NULL AND s.expires_at <= now()');
    if (query.filter.status === 'active') qb.andWhere('s.revoked_at IS NULL AND s.expires_at > now()');
    const [rows, total] = await qb
      .orderBy(SERVICE_ACCOUNT_SORT[query.sort.field], query.sort.order)
      .addOrderBy('s.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return { data: rows.map(toServiceAccountResponse), total };
  }

  async findOne(id: string, principal: AuthUser): Promise<ServiceAccountResponse> {
    return toServiceAccountResponse(await this.load(id, principal));
  }

  async create(input: ServiceAccountCreateInput, principal: AuthUser): Promise<ServiceAccountResponse> {
    assertManagesIntegrations(principal, input.organizationId);
    const organization: unknown[] = await this.dataSource.query(`SELECT 1 FROM organizations WHERE id = $1`, [
      input.organizationId,
    ]);
    if (organization.length === 0)
      throw ResourceException.referenceNotFound('organizationId', 'ORGANIZATION_NOT_FOUND');
    const expiresAt = new Date(`${input.expiresOn}T23:59:59.999Z`);
    const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
    if (days < 1 || days > SERVICE_ACCOUNT_MAX_DAYS + 1) {
      throw new RefusalException(
        'conflict',
        'SERVICE_ACCOUNT_EXPIRY_INVALID',
        { maxDays: SERVICE_ACCOUNT_MAX_DAYS },
        [{ field: 'expiresOn', message: `from tomorrow and within ${SERVICE_ACCOUNT_MAX_DAYS} days` }],
      );
    }
    const token = `${SERVICE_ACCOUNT_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await this.dataSource.transaction(async (manager) => {
      const [inserted]: { id: string }[] = await manager.query(
        `INSERT INTO service_accounts (organization_id, name, scope, token_hash, token_prefix, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          input.organizationId,
          input.name,
          input.scope,
          sha256(token),
          token.slice(0, SERVICE_ACCOUNT_TOKEN_PREFIX.length + 6),
          expiresAt,
          principal.userId,
        ],
      );
      await recordAdminEvent(manager, {
        organizationId: input.organizationId,
        event: 'serviceAccount.created',
        actorId: principal.userId,
        details: {
          serviceAccountId: inserted.id,
          name: input.name,
          scope: input.scope,
          expiresAt: expiresAt.toISOString(),
        },
      });
      return manager.getRepository(ServiceAccountEntity).findOneByOrFail({ id: inserted.id });
    });
    return { ...toServiceAccountResponse(row), token };
  }

  /** Revoked at once: the next request with the token is refused. Audited. */
  async revoke(id: string, principal: AuthUser): Promise<ServiceAccountResponse> {
    const account = await this.load(id, principal);
    const row = await this.dataSource.transaction(async (manager) => {
      const [revoked]: unknown[] = await manager.query(
        // A SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count].
        `WITH revoked AS (
           UPDATE service_accounts SET revoked_at = now(), revoked_by = $2
            WHERE id = $1 AND revoked_at IS NULL RETURNING id)
         SELECT id FROM revoked`,
        [id, principal.userId],
      );
      if (!revoked) throw ResourceException.conflict('SERVICE_ACCOUNT_REVOKED', {});
      await recordAdminEvent(manager, {
        organizationId: account.organizationId,
        event: 'serviceAccount.revoked',
        actorId: principal.userId,
        details: { serviceAccountId: id, name: account.name },
      });
      return manager.getRepository(ServiceAccountEntity).findOneByOrFail({ id });
    });
    return toServiceAccountResponse(row);
  }

  /** The principal of a token, or null (unknown, expired, revoked). */
  async authenticate(token: string): Promise<AuthUser | null> {
    const [row]: {
      id: string;
      organization_id: string;
      name: string;
      scope: ServiceAccountScope;
      last_used_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT id, organization_id, name, scope, last_used_at FROM service_accounts
        WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [sha256(token)],
    );
    if (!row) {
      this.logger.warn(JSON.stringify({ event: 'service_account_token_refused' }));
      return null;
    }
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_PRECISION_MS) {
      await this.dataSource.query(`UPDATE service_accounts SET last_used_at = now() WHERE id = $1`, [row.id]);
    }
    // Read as CODIR reads (the whole portfolio); lifecycle acts as HR may (the guard narrows it).
    const roles: Role[] = row.scope === 'lifecycle' ? ['codir', 'hr'] : ['codir'];
    return {
      userId: row.id,
      memberships: roles.map((role) => ({ organizationId: row.organization_id, role })),
      email: '',
      displayName: row.name,
      sessionId: `service-account:${row.id}`,
      serviceAccount: { id: row.id, organizationId: row.organization_id, scope: row.scope },
    };
  }

  private async load(id: string, principal: Principal): Promise<ServiceAccountEntity> {
    assertManagesIntegrations(principal);
    const row = await this.dataSource.getRepository(ServiceAccountEntity).findOneBy({ id });
    const organizations = integrationOrganizations(principal);
    if (!row || (organizations && !organizations.includes(row.organizationId)))
      throw ResourceException.notFound('service account');
    return row;
  }
}
