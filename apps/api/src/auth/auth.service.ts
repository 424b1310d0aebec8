import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import type { AuthUser } from './auth-user';
import type { LogoutResponse, MeResponse } from './dto/auth.dto';
import { OidcService } from './oidc/oidc.service';
import {
  clearSessionCookie,
  sessionCookieSettings,
  setSessionCookie,
  type SessionCookieSettings,
} from './session-cookie';
import { SessionsService } from './sessions.service';

/** Login, logout, password change: sessions in an HttpOnly, SameSite cookie (or a bearer token). */
@Injectable()
export class AuthService {
  private readonly cookie: SessionCookieSettings;

  constructor(
    private readonly sessions: SessionsService,
    private readonly oidc: OidcService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.cookie = sessionCookieSettings(config.SESSION_COOKIE_SECURE);
  }

  async login(
    credentials: { email: string; password: string },
    from: string,
    response: Response,
  ): Promise<MeResponse> {
    const session = await this.sessions.login(credentials.email, credentials.password, from);
    setSessionCookie(response, session, this.cookie);
    return this.me(session.user);
  }

  /** For scripts and tools: a bearer token, no cookie. */
  async issueToken(
    credentials: { email: string; password: string },
    from: string,
  ): Promise<{ token: string; expiresAt: string }> {
    const { token, expiresAt } = await this.sessions.login(credentials.email, credentials.password, from);
    return { token, expiresAt: expiresAt.toISOString() };
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

  me(user: AuthUser): MeResponse {
    return {
      id: user.userId,
      email: user.email,
      displayName: user.displayName,
      memberships: user.memberships,
    };
  }
}
