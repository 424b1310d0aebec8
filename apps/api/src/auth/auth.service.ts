import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { isPlatformAdmin } from '@capacites/domain';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import type { AuthUser } from './auth-user';
import type { LogoutResponse, MeResponse, TokenResponse } from './dto/auth.dto';
import { OidcService } from './oidc/oidc.service';
import {
  clearSessionCookie,
  sessionCookieSettings,
  setSessionCookie,
  type SessionCookieSettings,
} from './session-cookie';
import { SessionsService, type OpenedSession, type PendingLogin } from './sessions.service';
import { TotpService, type TotpEnrolment } from './totp.service';

/** Login, logout, password change: sessions in an HttpOnly, SameSite cookie (or a bearer token). */
@Injectable()
export class AuthService {
  private readonly cookie: SessionCookieSettings;

  constructor(
    private readonly sessions: SessionsService,
    private readonly oidc: OidcService,
    private readonly totp: TotpService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.cookie = sessionCookieSettings(config.SESSION_COOKIE_SECURE);
  }

  /** The password step; with a second factor, answers a pending login instead of a session. */
  async login(
    credentials: { email: string; password: string },
    from: string,
    response: Response,
  ): Promise<MeResponse | PendingLogin> {
    const outcome = await this.sessions.login(credentials.email, credentials.password, from, 'cookie');
    if ('pending' in outcome) return outcome.pending;
    return this.startCookieSession(outcome.session, response);
  }

  /** For scripts and tools: a bearer token, no cookie (second factor: same two steps). */
  async issueToken(
    credentials: { email: string; password: string },
    from: string,
  ): Promise<TokenResponse | PendingLogin> {
    const outcome = await this.sessions.login(credentials.email, credentials.password, from, 'token');
    if ('pending' in outcome) return outcome.pending;
    return toToken(outcome.session);
  }

  /** The second step of a login: the code; ends as the first step began (cookie or token). */
  async completeLogin(
    body: { pendingToken: string; code: string },
    from: string,
    response: Response,
  ): Promise<MeResponse | TokenResponse> {
    const { session, kind } = await this.sessions.completeWithCode(body.pendingToken, body.code, from);
    return kind === 'token' ? toToken(session) : this.startCookieSession(session, response);
  }

  /**
   * Revokes the session. A session opened through OpenID Connect also answers the
   * provider's logout URL, for the back-office to send the browser to.
   */
  async logout(user: AuthUser, response: Response): Promise<LogoutResponse> {
    const { idToken } = await this.sessions.logout(user.sessionId);
    clearSessionCookie(response, this.cookie);
    return { logoutUrl: await this.oidc.logoutUrl(idToken) };
  }

  async changePassword(
    user: AuthUser,
    body: { currentPassword: string; newPassword: string },
    response: Response,
  ): Promise<void> {
    await this.sessions.changePassword(user, body.currentPassword, body.newPassword);
    clearSessionCookie(response, this.cookie);
  }

  enrolTotp(user: AuthUser): Promise<TotpEnrolment> {
    return this.totp.enrol(user);
  }

  confirmTotp(user: AuthUser, code: string): Promise<{ recoveryCodes: string[] }> {
    return this.totp.confirm(user, code);
  }

  disableTotp(user: AuthUser, code: string): Promise<void> {
    return this.totp.disable(user, code);
  }

  me(user: AuthUser): MeResponse {
    const totpEnabled = user.totpEnabled === true;
    return {
      id: user.userId,
      email: user.email,
      displayName: user.displayName,
      memberships: user.memberships,
      totp: {
        enabled: totpEnabled,
        required: isPlatformAdmin(user),
        enrolmentRequired: isPlatformAdmin(user) && !totpEnabled,
      },
    };
  }

  private startCookieSession(session: OpenedSession, response: Response): MeResponse {
    setSessionCookie(response, session, this.cookie);
    return this.me(session.user);
  }
}

const toToken = (session: OpenedSession): TokenResponse => ({
  token: session.token,
  expiresAt: session.expiresAt.toISOString(),
});
