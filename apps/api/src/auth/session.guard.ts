import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { AuthenticatedRequest } from './auth-user';
import { IS_PUBLIC } from './decorators';
import { SESSION_COOKIE } from './session-cookie';
import { SessionsService } from './sessions.service';

/** Reads the session from its HttpOnly cookie, or a bearer token for scripts. */
export function sessionToken(request: AuthenticatedRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer '))
    return header.slice('Bearer '.length).trim() || null;
  return request.cookies?.[SESSION_COOKIE] ?? null;
}

/** The global guard: every route needs a valid session unless it is marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = sessionToken(request);
    const user = token ? await this.sessions.authenticate(token) : null;
    if (!user) {
      this.logger.warn(JSON.stringify({ event: 'unauthenticated_request', from: request.ip }));
      throw new AuthException(AuthErrorCode.UNAUTHENTICATED);
    }
    request.user = user;
    return true;
  }
}
