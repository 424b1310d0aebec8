import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataCipher } from '@capacites/config';
import { DataSource } from 'typeorm';
import { countInWindows, purgeExpiredWindows, type Budget } from '../auth/login-limiter.service';
import { RefusalException } from '../common/app.exception';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { DATA_CIPHER } from './data-cipher';

/** 429 TOO_MANY_REQUESTS with Retry-After: a public route's budget is spent. */
export class TooManyRequestsException extends RefusalException {
  constructor(override readonly retryAfterSeconds: number) {
    super('rate_limited', 'TOO_MANY_REQUESTS', {});
  }
}

/** The public routes that carry a token or a code, each with budgets of its own. */
export type PublicRoute = 'shared' | 'calendar' | 'questionnaire' | 'answer';

const WINDOW_MS = 60_000;

/**
 * Limits on the routes anyone may call without an account (share links, calendar feeds,
 * public questionnaires and their answers): per client address, and per token or code from
 * anywhere (a leaked link hammered from many addresses). Counted in PostgreSQL like the login
 * limits (`login_attempts`, one atomic statement), so the budgets hold across every API
 * process. Neither the address nor the token is written: each bucket is a keyed digest
 * (HMAC under a key derived from the data keys), and its row is deleted after its minute.
 */
@Injectable()
export class PublicRateLimiter {
  private readonly logger = new Logger('RateLimits');
  private lastPurge = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(DATA_CIPHER) private readonly cipher: DataCipher,
  ) {}

  /**
   * Counts one request of `route` from `address` (and to `token`, when the route has one);
   * throws TooManyRequestsException, with the seconds until the budget is back, over a budget.
   */
  async consume(route: PublicRoute, address: string | undefined, token?: string): Promise<void> {
    const perAddress =
      route === 'answer' ? this.config.PUBLIC_ANSWERS_PER_MINUTE : this.config.PUBLIC_REQUESTS_PER_MINUTE;
    const budgets: Budget[] = [
      {
        bucket: `public:${route === 'answer' ? 'answer' : 'any'}:address:${this.cipher.digest('rate-limit', address ?? 'unknown')}`,
        windowMs: WINDOW_MS,
        limit: perAddress,
      },
    ];
    if (token && route !== 'answer')
      budgets.push({
        bucket: `public:${route}:token:${this.cipher.digest('rate-limit', `${route}:${token}`)}`,
        windowMs: WINDOW_MS,
        limit: this.config.PUBLIC_TOKEN_REQUESTS_PER_MINUTE,
      });
    const rows = await countInWindows(this.dataSource, budgets);
    await this.purgeExpired();
    const over = rows.filter((row) => {
      const budget = budgets.find((b) => b.bucket === row.bucket);
      return budget !== undefined && row.attempts > budget.limit;
    });
    if (over.length === 0) return;
    const until = Math.max(...over.map((row) => new Date(row.expires_at).getTime()));
    const retryAfterSeconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    // Never the address nor the token: which route, and which budget.
    this.logger.warn(
      JSON.stringify({
        event: 'public_rate_limited',
        route,
        budget: over.some((row) => row.bucket.includes(':token:')) ? 'token' : 'address',
      }),
    );
    throw new TooManyRequestsException(retryAfterSeconds);
  }

  private async purgeExpired(): Promise<void> {
    if (Date.now() - this.lastPurge < WINDOW_MS) return;
    this.lastPurge = Date.now();
    await purgeExpiredWindows(this.dataSource);
  }
}
