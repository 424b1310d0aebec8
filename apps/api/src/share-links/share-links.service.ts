import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  canManageShareLinks,
  canReadCommittee,
  DAY_MS,
  DEFAULT_SHARE_LINK_DAYS,
  isPlatformAdmin,
  SHARE_LINK_MANAGERS,
  shareLinkStatus,
  type CreateShareLinkInput,
  type Principal,
  type ShareLinkResponse,
} from '@capacites/domain';
import { recordAdminEvent } from '../common/admin-audit';
import { RefusalException, ResourceException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { ShareLinksRepository, type ShareLinkRow } from './share-links.repository';

export const SHARE_LINK_SORTABLE: Record<string, string> = {
  createdAt: 'created_at',
  expiresAt: 'expires_at',
  recipient: 'recipient',
  lastOpenedAt: 'last_opened_at',
};

export type ShareLinkFilter = {
  organizationId?: string;
  kind?: string;
  sessionId?: string;
  id?: string | string[];
};

/** What a share link opens, once checked and its opening audited. */
export type SharedTarget =
  | { status: 'unknown' }
  | { status: 'expired' | 'revoked'; link: ShareLinkRow }
  | { status: 'active'; link: ShareLinkRow };

// 256 random bits: unguessable, so the token is its own proof (no signing key to keep or
// rotate); only its SHA-256 is stored, so a copy of the database opens nothing.
const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Read-only links, without an account, to a session's pack or an organisation's dashboard:
 * expiring, revocable, listed, every opening audited.
 */
@Injectable()
export class ShareLinksService {
  constructor(
    private readonly links: ShareLinksRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(query: ListQuery<ShareLinkFilter>, principal: Principal) {
    const readable = isPlatformAdmin(principal)
      ? 'all'
      : principal.memberships
          .filter((m) => m.role === 'hr' || m.role === 'codir')
          .map((m) => m.organizationId);
    const ids = query.filter.id === undefined ? undefined : ([] as string[]).concat(query.filter.id);
    const { rows, total } = await this.links.page(
      readable,
      {
        organizationId: query.filter.organizationId,
        kind: query.filter.kind,
        sessionId: query.filter.sessionId,
        ids,
      },
      { column: SHARE_LINK_SORTABLE[query.sort.field] ?? 'created_at', order: query.sort.order },
      query.offset,
      query.limit,
    );
    const now = new Date();
    return { data: rows.map((row) => toResponse(row, now)), total };
  }

  async findOne(id: string, principal: Principal): Promise<ShareLinkResponse> {
    return toResponse(await this.readable(id, principal), new Date());
  }

  /** A new link; its URL (holding the token) is answered this once. */
  async create(input: CreateShareLinkInput, principal: Principal): Promise<ShareLinkResponse> {
    if (
      !(await this.links.organization(input.organizationId)) ||
      !canReadCommittee(principal, input.organizationId)
    ) {
      throw ResourceException.referenceNotFound('organizationId', 'ORGANIZATION_NOT_FOUND');
    }
    if (!canManageShareLinks(principal, input.organizationId)) {
      throw ResourceException.forbidden('manageShareLinks', SHARE_LINK_MANAGERS);
    }
    if (input.sessionId) {
      const session = await this.links.session(input.sessionId);
      if (!session || session.organizationId !== input.organizationId) {
        throw new RefusalException('not_found', 'NOT_FOUND', { resource: 'committee-session' }, [
          { field: 'sessionId', message: 'no such session in the organization' },
        ]);
      }
    }
    const token = newToken();
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + (input.expiresInDays ?? DEFAULT_SHARE_LINK_DAYS) * DAY_MS);
    await this.links.transaction(async (manager) => {
      await this.links.insert(manager, {
        id,
        organizationId: input.organizationId,
        kind: input.kind,
        sessionId: input.sessionId ?? null,
        recipient: input.recipient,
        expiresAt,
        createdBy: principal.userId,
        tokenHash: tokenHash(token),
      });
      await recordAdminEvent(manager, {
        organizationId: input.organizationId,
        event: 'shareLink.created',
        actorId: principal.userId,
        details: {
          shareLinkId: id,
          kind: input.kind,
          sessionId: input.sessionId ?? null,
          recipient: input.recipient,
          expiresAt: expiresAt.toISOString(),
        },
      });
    });
    const created = await this.readable(id, principal);
    return { ...toResponse(created, new Date()), url: `${this.config.ADMIN_ORIGIN}/api/shared/${token}` };
  }

  /** Revokes the link at once; revoking it again changes nothing. */
  async revoke(id: string, principal: Principal): Promise<ShareLinkResponse> {
    const link = await this.readable(id, principal);
    if (!canManageShareLinks(principal, link.organizationId)) {
      throw ResourceException.forbidden('manageShareLinks', SHARE_LINK_MANAGERS);
    }
    await this.links.transaction(async (manager) => {
      if (!(await this.links.revoke(manager, id, principal.userId))) return;
      await recordAdminEvent(manager, {
        organizationId: link.organizationId,
        event: 'shareLink.revoked',
        actorId: principal.userId,
        details: { shareLinkId: id, kind: link.kind, recipient: link.recipient },
      });
    });
    return this.findOne(id, principal);
  }

  /**
   * Someone opens a link: whatever the answer (served, expired, revoked), the opening is
   * audited with the link and the format, never who opened it (nobody is signed in).
   */
  async open(token: string, format: 'html' | 'pdf'): Promise<SharedTarget> {
    // A token is 43 base64url characters; anything else cannot be one.
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: 'unknown' };
    const link = await this.links.findByTokenHash(tokenHash(token));
    if (!link) return { status: 'unknown' };
    const status = shareLinkStatus(link, new Date());
    await this.links.transaction(async (manager) => {
      if (status === 'active') await this.links.countOpening(manager, link.id);
      await recordAdminEvent(manager, {
        organizationId: link.organizationId,
        event: status === 'active' ? 'shareLink.opened' : 'shareLink.refused',
        actorId: null,
        details: { shareLinkId: link.id, kind: link.kind, format, status },
      });
    });
    return { status, link };
  }

  private async readable(id: string, principal: Principal): Promise<ShareLinkRow> {
    const link = await this.links.findById(id);
    if (!link || !canReadCommittee(principal, link.organizationId))
      throw ResourceException.notFound('share-link');
    return link;
  }
}

function toResponse(row: ShareLinkRow, now: Date): ShareLinkResponse {
  return {
    id: row.id,
    kind: row.kind,
    organizationId: row.organizationId,
    sessionId: row.sessionId,
    recipient: row.recipient,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: shareLinkStatus(row, now),
    openCount: row.openCount,
    lastOpenedAt: row.lastOpenedAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
