import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import type { AuthUser } from './auth-user';
import type { MeResponse } from './dto/auth.dto';
import { SESSION_COOKIE } from './session.guard';
import { SessionsService } from './sessions.service';

/** Login, logout, password change: sessions in an HttpOnly, SameSite cookie (or a bearer token). */
@Injectable()
export class AuthService {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async login(
    credentials: { email: string; password: string },
    from: string,
    response: Response,
  ): Promise<MeResponse> {
    const { token, user, expiresAt } = await this.sessions.login(
      credentials.email,
      credentials.password,
      from,
    );
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.SESSION_COOKIE_SECURE,
      path: '/api',
      expires: expiresAt,
    });
    // The token stays in the HttpOnly cookie: page scripts never see it.
    return this.me(user);
  }

  /** For scripts and tools: a bearer token, no cookie. */
  async issueToken(
    credentials: { email: string; password: string },
    from: string,
  ): Promise<{ token: string; expiresAt: string }> {
    const { token, expiresAt } = await this.sessions.login(credentials.email, credentials.password, from);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  async logout(user: AuthUser, response: Response): Promise<void> {
    await this.sessions.logout(user.sessionId);
    response.clearCookie(SESSION_COOKIE, { path: '/api' });
  }

  async changePassword(
    user: AuthUser,
    body: { currentPassword: string; newPassword: string },
    response: Response,
  ): Promise<void> {
    await this.sessions.changePassword(user, body.currentPassword, body.newPassword);
    response.clearCookie(SESSION_COOKIE, { path: '/api' });
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
