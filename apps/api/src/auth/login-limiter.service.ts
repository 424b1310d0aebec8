import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { AuthErrorCode, AuthException } from './auth.exception';

/** What is over its budget, and when to try again. */
export class TooManyAttemptsException extends AuthException {
  constructor(override readonly retryAfterSeconds: number) {
    super(AuthErrorCode.TOO_MANY_ATTEMPTS, { retryAfterSeconds });
  }
}

/** A fixed-window budget: `limit` per `windowMs`, counted under `bucket` in `login_attempts`. */
export interface Budget {
  bucket: string;
  windowMs: number;
  limit: number;
}

// One statement per attempt: both counters of their current window are incremented at
// once (INSERT … ON CONFLICT is atomic per row), and their new counts come back.
const CONSUME_SQL = `
  INSERT INTO login_attempts AS a (bucket, window_start, attempts, expires_at)
  SELECT b.bucket, to_timestamp(floor(extract(epoch FROM now()) * 1000 / b.window_ms) * b.window_ms / 1000.0),
         1, to_timestamp((floor(extract(epoch FROM now()) * 1000 / b.window_ms) + 1) * b.window_ms / 1000.0)
    FROM unnest($1::text[], $2::bigint[]) AS b(bucket, window_ms)
  ON CONFLICT (bucket, window_start) DO UPDATE SET attempts = a.attempts + 1
  RETURNING bucket, attempts, expires_at`;

export interface CountedWindow {
  bucket: string;
  attempts: number;
  expires_at: Date;
}

/**
 * Counts one attempt in each budget's current window, in one atomic statement shared by every
 * API process (the login limits, and the public routes' limits of security/public-rate-limiter.ts).
 */
export function countInWindows(dataSource: DataSource, budgets: readonly Budget[]): Promise<CountedWindow[]> {
  return dataSource.query(CONSUME_SQL, [budgets.map((b) => b.bucket), budgets.map((b) => b.windowMs)]);
}

/** Expired windows are deleted now and then: at most once a minute per process and caller. */
export function purgeExpiredWindows(dataSource: DataSource): Promise<unknown> {
  return dataSource.query(`DELETE FROM login_attempts WHERE expires_at < now()`);
}

/**
 * Login attempts counted in PostgreSQL, so that every API process shares one budget:
 * per client address (every attempt, per minute) and per account (failed attempts,
 * from anywhere, per window). Password login, token requests, second-factor codes and
 * OpenID Connect logins draw on the same budgets.
 */
@Injectable()
export class LoginLimiterService {
  private readonly logger = new Logger('Auth');
  private lastPurge = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Counts an attempt from `client`; refuses it once the client's budget is spent. */
  async attemptFrom(client: string): Promise<void> {
    await this.consume([this.clientBudget(client)], client);
  }

  /**
   * Refuses at once when the account's failures have spent its budget (without counting):
   * an account under attack does not let anyone try further, even the right password.
   */
  async assertAccountOpen(account: string, client: string): Promise<void> {
    const budget = this.accountBudget(account);
    const rows: { attempts: number; expires_at: Date }[] = await this.dataSource.query(
      `SELECT attempts, expires_at FROM login_attempts WHERE bucket = $1 AND expires_at > now()
        ORDER BY window_start DESC LIMIT 1`,
      [budget.bucket],
    );
    if (rows[0] && rows[0].attempts >= budget.limit) this.refuse(rows[0].expires_at, 'account', client);
  }

  /** A failed attempt on an account (wrong password or code). */
  async failureOn(account: string, client: string): Promise<void> {
    await this.consume([this.accountBudget(account)], client, { refuse: false });
  }

  /** A successful login forgets the account's failures. */
  async successOn(account: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_attempts WHERE bucket = $1`, [
      this.accountBudget(account).bucket,
    ]);
  }

  private clientBudget(client: string): Budget {
    return { bucket: `client:${client}`, windowMs: 60_000, limit: this.config.LOGIN_ATTEMPTS_PER_MINUTE };
  }

  private accountBudget(account: string): Budget {
    return {
      bucket: `account:${account.trim().toLowerCase()}`,
      windowMs: this.config.LOGIN_ACCOUNT_WINDOW_MINUTES * 60_000,
      limit: this.config.LOGIN_ATTEMPTS_PER_ACCOUNT,
    };
  }

  private async consume(budgets: Budget[], client: string, options = { refuse: true }): Promise<void> {
    const rows = await countInWindows(this.dataSource, budgets);
    await this.purgeExpired();
    if (!options.refuse) return;
    for (const row of rows) {
      const budget = budgets.find((b) => b.bucket === row.bucket);
      if (budget && row.attempts > budget.limit) this.refuse(row.expires_at, 'client', client);
    }
  }

  private refuse(until: Date, scope: 'client' | 'account', client: string): never {
    const retryAfterSeconds = Math.max(1, Math.ceil((new Date(until).getTime() - Date.now()) / 1000));
    this.logger.warn(JSON.stringify({ event: 'login_rate_limited', scope, from: client }));
    throw new TooManyAttemptsException(retryAfterSeconds);
  }

  /** Expired windows are deleted now and then (at most once a minute per process). */
  private async purgeExpired(): Promise<void> {
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    await purgeExpiredWindows(this.dataSource);
  }
}
