import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RefusalException } from '../common/app.exception';
import { Public } from '../auth/decorators';
import { CommitteeSessionsRepository } from '../committee-sessions/committee-sessions.repository';
import { CommitteeSessionsService } from '../committee-sessions/committee-sessions.service';
import { DashboardService } from '../dashboard/dashboard.service';
import { ShareLinksRepository } from './share-links.repository';
import { ShareLinksService } from './share-links.service';
import { PublicRateLimiter, TooManyRequestsException } from '../security/public-rate-limiter';
import { dashboardPage, packPage, SHARED_PAGE_CSP, statusPage } from './shared-page';

const STATUS_CODES = { unknown: 404, expired: 410, revoked: 410 } as const;

type Refused =
  | { status: 'unknown' }
  | { status: 'expired' | 'revoked'; link: { expiresAt: Date; revokedAt: Date | null } };

/**
 * What a share link opens, without an account: a plain French page (or the pack's PDF).
 * An expired, revoked or unknown link answers a page that says so to a browser, and the one
 * JSON error shape (404, or 410 with its code) to any other client. Nothing is cached.
 * Rate-limited per client address and per link (429 with Retry-After, a page to a browser):
 * a page or a PDF is rendered at each opening.
 */
@Controller('shared')
@Public()
export class SharedController {
  constructor(
    private readonly links: ShareLinksService,
    private readonly linkData: ShareLinksRepository,
    private readonly sessions: CommitteeSessionsService,
    private readonly sessionData: CommitteeSessionsRepository,
    private readonly dashboards: DashboardService,
    private readonly limiter: PublicRateLimiter,
  ) {}

  @Get(':token')
  @ApiProduces('text/html')
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  async page(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!(await this.withinLimits(token, request, response))) return;
    const target = await this.links.open(token, 'html');
    if (target.status !== 'active') return this.refuse(request, response, target);
    const { link } = target;
    const organization = await this.linkData.organization(link.organizationId);
    let html: string;
    if (link.kind === 'dashboard') {
      const dashboard = await this.dashboards.getDashboard(
        { organizationIds: [link.organizationId] },
        new Date(),
      );
      html = dashboardPage(organization?.name ?? '', dashboard, link.expiresAt);
    } else {
      const session = link.sessionId ? await this.sessionData.findById(link.sessionId) : null;
      if (!session) return this.refuse(request, response, { status: 'unknown' });
      html = packPage({
        organizationName: organization?.name ?? '',
        timeZone: organization?.timeZone ?? 'Europe/Paris',
        title: session.title,
        heldOn: session.heldOn,
        items: session.items,
        fiches: await this.sessionData.fiches(
          session.organizationId,
          session.items.map((i) => i.experimentId),
        ),
        expiresAt: link.expiresAt,
        pdfHref: `${encodeURIComponent(token)}/pack.pdf`,
      });
    }
    this.send(response, 200, 'text/html; charset=utf-8', html);
  }

  @Get(':token/pack.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async pack(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!(await this.withinLimits(token, request, response))) return;
    const target = await this.links.open(token, 'pdf');
    if (target.status !== 'active') return this.refuse(request, response, target);
    const document =
      target.link.kind === 'committeePack' && target.link.sessionId
        ? await this.sessions.packForShare(target.link.sessionId)
        : null;
    if (!document) return this.refuse(request, response, { status: 'unknown' });
    response.setHeader('Content-Disposition', `inline; filename="${document.fileName}"`);
    this.send(response, 200, 'application/pdf', document.content);
  }

  /** Counts the opening; over a budget, a browser gets a page saying so, others the JSON 429. */
  private async withinLimits(token: string, request: Request, response: Response): Promise<boolean> {
    try {
      await this.limiter.consume('shared', request.ip, token);
      return true;
    } catch (error) {
      if (!(error instanceof TooManyRequestsException) || request.accepts(['json', 'html']) !== 'html')
        throw error;
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
      this.send(response, 429, 'text/html; charset=utf-8', statusPage('rateLimited'));
      return false;
    }
  }

  private refuse(request: Request, response: Response, target: Refused): void {
    if (request.accepts(['json', 'html']) !== 'html') throw refusalOf(target);
    this.send(
      response,
      STATUS_CODES[target.status],
      'text/html; charset=utf-8',
      statusPage(target.status, 'link' in target ? target.link : undefined),
    );
  }

  private send(response: Response, status: number, type: string, body: string | Buffer): void {
    response.status(status);
    response.setHeader('Content-Type', type);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Robots-Tag', 'noindex, nofollow');
    if (type.startsWith('text/html')) response.setHeader('Content-Security-Policy', SHARED_PAGE_CSP);
    response.send(body);
  }
}

function refusalOf(target: Refused): RefusalException {
  if (target.status === 'expired')
    return new RefusalException('gone', 'SHARE_LINK_EXPIRED', {
      expiresAt: target.link.expiresAt.toISOString(),
    });
  if (target.status === 'revoked')
    return new RefusalException('gone', 'SHARE_LINK_REVOKED', {
      revokedAt: (target.link.revokedAt ?? new Date()).toISOString(),
    });
  return new RefusalException('not_found', 'NOT_FOUND', { resource: 'share-link' });
}
