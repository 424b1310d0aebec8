import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import type { AuthUser } from './auth-user';
import type { LogoutResponse, MeResponse } from './dto/auth.dto';
import { OidcService } from './oidc/oidc.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

/** Login, logout, password change: sessions in an HttpOnly, SameSite cookie (or a bearer token). */
@Injectable()
export class AuthService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly oidc: OidcService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async login(
    credentials: { email: string; password: string },
    from: string,
    response: Response,
  ): Promise<MeResponse> {
    const session = await this.sessions.login(credentials.email, credentials.password, from);
    setSessionCookie(response, session, this.config.SESSION_COOKIE_SECURE);
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
    clearSessionCookie(response);
    return { logoutUrl: await this.oidc.logoutUrl(idToken) };
  }

  async changePassword(
    user: AuthUser,
    body: { currentPassword: string; newPassword: string },
    response: Response,
  ): Promise<void> {
    await this.sessions.changePassword(user, body.currentPassword, body.newPassword);
    clearSessionCookie(response);
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
