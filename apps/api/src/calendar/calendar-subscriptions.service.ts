import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@capacites/domain';
import { CalendarSubscriptionEntity, MembershipEntity, UserEntity } from '@capacites/persistence';
import { recordAdminEvent } from '../common/admin-audit';
import { ResourceException } from '../common/app.exception';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { toIcs } from './deadlines';
import { myDeadlines } from './my-deadlines';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** What the profile shows of one's subscription (never the token, which is shown once). */
export interface CalendarSubscriptionStatus {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** Answer of a creation or renewal: the only time the secret address is given. */
export interface CalendarSubscriptionCreated extends CalendarSubscriptionStatus {
  /** `webcal://…`: opens the calendar application, which then refreshes it by itself. */
  webcalUrl: string;
  /** The same address over http(s), for "Ajouter un calendrier à partir d'une URL". */
  url: string;
}

/**
 * Personal calendar subscriptions (issue 15, item 6): a secret address per person giving
 * their deadlines, read-only. The token (256 random bits) is stored as its SHA-256 only;
 * its owner renews it (the old address stops working at once) or revokes it. The feed is
 * public by nature (calendar applications send no cookie) and answers 404 to any token it
 * does not hold, and to a disabled account. It is in the query (`?token=`), which the logs
 * redact.
 */
@Injectable()
export class CalendarSubscriptionsService {
  private readonly logger = new Logger('CalendarSubscriptions');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async status(principal: Principal): Promise<CalendarSubscriptionStatus> {
    const row = await this.dataSource
      .getRepository(CalendarSubscriptionEntity)
      .findOneBy({ userId: principal.userId });
    return toStatus(row);
  }

  /** Creates the subscription, or renews it: a new token replaces the old one. Audited. */
  async renew(principal: Principal): Promise<CalendarSubscriptionCreated> {
    const token = randomBytes(32).toString('base64url');
    const existed = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(CalendarSubscriptionEntity);
      const previous = await repository.findOneBy({ userId: principal.userId });
      await repository.upsert(
        { userId: principal.userId, tokenHash: sha256(token), createdAt: new Date(), lastUsedAt: null },
        ['userId'],
      );
      await recordAdminEvent(manager, {
        organizationId: null,
        event: previous ? 'user.calendarSubscriptionRenewed' : 'user.calendarSubscriptionCreated',
        actorId: principal.userId,
        details: {},
      });
      return previous !== null;
    });
    this.logger.log(
      JSON.stringify({
        event: existed ? 'calendar_subscription_renewed' : 'calendar_subscription_created',
        userId: principal.userId,
      }),
    );
    const url = `${this.config.ADMIN_ORIGIN.replace(/\/$/, '')}/api/calendar/subscription.ics?token=${token}`;
    return { ...(await this.status(principal)), url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }

  /** Revokes the subscription: its address answers 404 from now on. Audited. */
  async revoke(principal: Principal): Promise<CalendarSubscriptionStatus> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(CalendarSubscriptionEntity)
        .delete({ userId: principal.userId });
      if (!result.affected) throw ResourceException.notFound('calendar subscription');
      await recordAdminEvent(manager, {
        organizationId: null,
        event: 'user.calendarSubscriptionRevoked',
        actorId: principal.userId,
        details: {},
      });
    });
    return toStatus(null);
  }

  /** The feed of a token: the owner's deadlines, as the owner would see them now. */
  async feed(token: string | undefined): Promise<string> {
    if (!token || token.length > 100) throw ResourceException.notFound('calendar subscription');
    const row = await this.dataSource
      .getRepository(CalendarSubscriptionEntity)
      .findOneBy({ tokenHash: sha256(token) });
    const user = row ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: row.userId }) : null;
    if (!row || !user || user.disabledAt) throw ResourceException.notFound('calendar subscription');
    const memberships = await this.dataSource.getRepository(MembershipEntity).findBy({ userId: user.id });
    const principal: Principal = {
      userId: user.id,
      memberships: memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
    };
    await this.dataSource
      .getRepository(CalendarSubscriptionEntity)
      .update({ userId: user.id }, { lastUsedAt: new Date() });
    return toIcs(
      await myDeadlines(this.dataSource, principal),
      this.config.ADMIN_ORIGIN,
      'Capacités — mes échéances',
    );
  }
}

function toStatus(row: CalendarSubscriptionEntity | null): CalendarSubscriptionStatus {
  return {
    active: row !== null,
    createdAt: row?.createdAt.toISOString() ?? null,
    lastUsedAt: row?.lastUsedAt?.toISOString() ?? null,
  };
}
