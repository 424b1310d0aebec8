import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from 'argon2';
import { DataSource, IsNull } from 'typeorm';
import { MembershipEntity, SessionEntity, UserEntity } from '@capacites/persistence';
import { recordAdminEvent } from '../common/admin-audit';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { AuthUser } from './auth-user';
import { LoginLimiterService } from './login-limiter.service';
import { newOpaqueToken, sha256, TotpService } from './totp.service';

/** How long the code may be typed after the password, and how many tries. */
const PENDING_LOGIN_MS = 5 * 60_000;
const PENDING_LOGIN_ATTEMPTS = 5;

/** Whether a login ends in the session cookie (back-office) or a bearer token (scripts). */
export type PendingLoginKind = 'cookie' | 'token';

/** The password was right; the second factor's code is awaited. */
export interface PendingLogin {
  totpRequired: true;
  /** Opaque, single use, only good with a code: sent back with it to /auth/login/totp. */
  pendingToken: string;
  expiresAt: string;
}

/** An identity asserted by an OpenID Connect provider. */
export interface FederatedIdentity {
  /** The ID token's `iss`, checked by openid-client against the discovered issuer. */
  issuer: string;
  subject: string;
  email: string;
  /** True only when the provider asserts `email_verified: true` (ProConnect does not send it). */
  emailVerified: boolean;
}

/** Why a federated login opens no session; the login page words each. */
export type FederatedRefusal = 'oidc_unknown_user' | 'oidc_subject_mismatch' | 'oidc_link_not_allowed';

export interface OpenedSession {
  /** The opaque session token, shown once (cookie or bearer). */
  token: string;
  user: AuthUser;
  expiresAt: Date;
}

interface AuthenticatedRow {
  session_id: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  email: string;
  display_name: string;
  disabled_at: Date | null;
  totp_enabled_at: Date | null;
  memberships: AuthUser['memberships'];
}

const AUTHENTICATE_SQL = `
  SELECT s.id AS session_id, s.last_seen_at, s.expires_at,
         u.id AS user_id, u.email, u.display_name, u.disabled_at, u.totp_enabled_at,
         COALESCE(
           (SELECT json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role)
                            ORDER BY m.organization_id, m.role)
              FROM memberships m WHERE m.user_id = u.id),
           '[]'::json) AS memberships
    FROM sessions s
    JOIN users u ON u.id = s.user_id
   WHERE s.token_hash = $1 AND s.revoked_at IS NULL`;

/** Sessions: opaque random tokens, stored hashed, with an idle timeout and an absolute lifetime. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Auth');
  // A constant hash to verify against when the email is unknown, so that timing says nothing.
  private readonly decoy = hash('capacites-decoy-password');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly limiter: LoginLimiterService,
    private readonly totp: TotpService,
  ) {}

  /**
   * The password step of a login. Counts the attempt against the client's and the
   * account's budgets (PostgreSQL, shared by every process). When the account has a
   * second factor, no session yet: a pending login, finished by `completeWithCode`.
   */
  async login(
    email: string,
    password: string,
    from: string,
    kind: PendingLoginKind,
  ): Promise<{ session: OpenedSession } | { pending: PendingLogin }> {
    await this.limiter.attemptFrom(from);
    await this.limiter.assertAccountOpen(email, from);
    const user = await this.findUserByEmail(email, { withPasswordHash: true });
    const valid = user?.passwordHash
      ? await verify(user.passwordHash, password)
      : await verify(await this.decoy, password).then(() => false);
    // A disabled account answers like a wrong password: nothing is learnt about accounts.
    if (!user || !valid || user.disabledAt) {
      await this.limiter.failureOn(email, from);
      this.logger.warn(JSON.stringify({ event: 'login_failed', from }));
      throw new AuthException(AuthErrorCode.BAD_CREDENTIALS);
    }
    if (user.totpEnabledAt) {
      const { token, hash: tokenHash } = newOpaqueToken();
      const expiresAt = new Date(Date.now() + PENDING_LOGIN_MS);
      await this.dataSource.query(
        `INSERT INTO pending_logins (token_hash, user_id, kind, expires_at) VALUES ($1, $2, $3, $4)`,
        [tokenHash, user.id, kind, expiresAt],
      );
      await this.dataSource.query(`DELETE FROM pending_logins WHERE expires_at < now()`);
      return { pending: { totpRequired: true, pendingToken: token, expiresAt: expiresAt.toISOString() } };
    }
    await this.limiter.successOn(email);
    return { session: await this.open(user, from, { method: 'password' }) };
  }

  /**
   * The second step: a code of the account's second factor for a pending login (at most
   * PENDING_LOGIN_ATTEMPTS tries, within PENDING_LOGIN_MS), counted in the same budgets.
   */
  async completeWithCode(
    pendingToken: string,
    code: string,
    from: string,
  ): Promise<{ session: OpenedSession; kind: PendingLoginKind }> {
    await this.limiter.attemptFrom(from);
    const rows: { user_id: string; kind: PendingLoginKind }[] = await this.dataSource
      .query(
        `UPDATE pending_logins SET attempts = attempts + 1
          WHERE token_hash = $1 AND expires_at > now() AND attempts < $2
          RETURNING user_id, kind`,
        [sha256(pendingToken), PENDING_LOGIN_ATTEMPTS],
      )
      .then((result: unknown[]) => (Array.isArray(result[0]) ? result[0] : result) as never);
    const pending = rows[0];
    if (!pending) throw new AuthException(AuthErrorCode.LOGIN_EXPIRED);
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: pending.user_id });
    await this.limiter.assertAccountOpen(user.email, from);
    if (user.disabledAt || !(await this.totp.verify(user.id, code))) {
      await this.limiter.failureOn(user.email, from);
      this.logger.warn(JSON.stringify({ event: 'totp_failed', userId: user.id, from }));
      throw new AuthException(AuthErrorCode.TOTP_INVALID);
    }
    await this.dataSource.query(`DELETE FROM pending_logins WHERE token_hash = $1`, [sha256(pendingToken)]);
    await this.limiter.successOn(user.email);
    return { session: await this.open(user, from, { method: 'password+totp' }), kind: pending.kind };
  }

  /**
   * Opens a session for the account linked to the identity a provider has just asserted
   * (OpenID Connect), by (issuer, subject). On an account's first federated login, the
   * account with the asserted email is linked, but only if an admin allowed it or the
   * provider asserts the email verified; once linked, only that (issuer, subject) opens it,
   * so a mailbox given to someone else does not inherit the account. Users are created
   * by administrators, never here. The ID token is kept for the provider's logout.
   */
  async loginFederated(
    identity: FederatedIdentity,
    from: string,
    idToken: string,
  ): Promise<{ session: OpenedSession } | { refused: FederatedRefusal }> {
    const users = this.dataSource.getRepository(UserEntity);
    const linked = await users.findOneBy({ oidcIssuer: identity.issuer, oidcSubject: identity.subject });
    if (linked) {
      // A disabled account is refused like an unknown one.
      if (linked.disabledAt) return { refused: 'oidc_unknown_user' };
      return { session: await this.open(linked, from, { method: 'oidc', idToken }) };
    }
    const user = await this.findUserByEmail(identity.email, { withPasswordHash: false });
    if (!user || user.disabledAt) return { refused: 'oidc_unknown_user' };
    if (user.oidcSubject !== null) return { refused: 'oidc_subject_mismatch' };
    if (!user.oidcAllowed && !identity.emailVerified) return { refused: 'oidc_link_not_allowed' };
    const linkedNow = await this.dataSource
      .transaction(async (manager) => {
        // Only if still unlinked: two first logins at once link one identity, not both.
        const result = await manager
          .createQueryBuilder()
          .update(UserEntity)
          .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject, oidcLinkedAt: new Date() })
          .where('id = :id AND oidc_subject IS NULL', { id: user.id })
          .execute();
        if (!result.affected) return false;
        await recordAdminEvent(manager, {
          organizationId: null,
          event: 'user.oidcLinked',
          actorId: user.id,
          details: {
            userId: user.id,
            issuer: identity.issuer,
            because: user.oidcAllowed ? 'allowed_by_admin' : 'email_verified_by_provider',
          },
        });
        return true;
      })
      .catch((error: unknown) => {
        // The unique (issuer, subject): this identity was linked to another account meanwhile.
        if ((error as { code?: string }).code === '23505') return false;
        throw error;
      });
    if (!linkedNow) return { refused: 'oidc_subject_mismatch' };
    this.logger.log(JSON.stringify({ event: 'oidc_linked', userId: user.id, sub: identity.subject, from }));
    return { session: await this.open(user, from, { method: 'oidc', idToken }) };
  }

  /**
   * The user of a valid session, or null; refreshes the idle timer (at most once a minute).
   * One statement on every authenticated request: the session, its user and the user's
   * memberships (docs/benchmarks.md, "API").
   */
  async authenticate(token: string): Promise<AuthUser | null> {
    const rows: AuthenticatedRow[] = await this.dataSource.query(AUTHENTICATE_SQL, [sha256(token)]);
    const row = rows[0];
    if (!row || row.disabled_at) return null;
    const now = Date.now();
    const lastSeen = new Date(row.last_seen_at).getTime();
    const idleLimit = lastSeen + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (now > new Date(row.expires_at).getTime() || now > idleLimit) return null;
    if (now - lastSeen > 60_000) {
      await this.dataSource
        .getRepository(SessionEntity)
        .update({ id: row.session_id }, { lastSeenAt: new Date(now) });
    }
    return {
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      sessionId: row.session_id,
      memberships: row.memberships,
      totpEnabled: row.totp_enabled_at !== null,
    };
  }

  /** Revokes the session; returns its ID token when it was opened through OpenID Connect. */
  async logout(sessionId: string): Promise<{ idToken: string | null }> {
    const result = await this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: new Date() })
      .where({ id: sessionId, revokedAt: IsNull() })
      .returning(['idToken'])
      .execute();
    this.logger.log(JSON.stringify({ event: 'logout', sessionId }));
    const rows = result.raw as { id_token: string | null }[];
    return { idToken: rows[0]?.id_token ?? null };
  }

  /** Changes the password and revokes every session of the user, this one included. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: user.userId })
      .getOneOrFail();
    if (!row.passwordHash || !(await verify(row.passwordHash, currentPassword))) {
      throw new AuthException(AuthErrorCode.WRONG_PASSWORD);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.userId }, { passwordHash: await hash(newPassword) });
      await manager.update(
        SessionEntity,
        { userId: user.userId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    });
    this.logger.log(JSON.stringify({ event: 'password_changed', userId: user.userId }));
  }

  /** Case-insensitive, as emails are typed (and asserted by providers) in any case. */
  private findUserByEmail(email: string, options: { withPasswordHash: boolean }): Promise<UserEntity | null> {
    const query = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email });
    return (options.withPasswordHash ? query.addSelect('u.passwordHash') : query).getOne();
  }

  private async open(
    user: UserEntity,
    from: string,
    via: { method: 'password' | 'password+totp' } | { method: 'oidc'; idToken: string },
  ): Promise<OpenedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000);
    const session = await this.dataSource.getRepository(SessionEntity).save({
      tokenHash: sha256(token),
      userId: user.id,
      lastSeenAt: now,
      expiresAt,
      revokedAt: null,
      idToken: via.method === 'oidc' ? via.idToken : null,
    });
    this.logger.log(
      JSON.stringify({ event: 'login', method: via.method, userId: user.id, sessionId: session.id, from }),
    );
    return { token, user: await this.toAuthUser(user, session.id), expiresAt };
  }

  private async toAuthUser(user: UserEntity, sessionId: string): Promise<AuthUser> {
    const memberships = await this.dataSource.getRepository(MembershipEntity).findBy({ userId: user.id });
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      sessionId,
      memberships: memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
      totpEnabled: user.totpEnabledAt !== null,
    };
  }
}
