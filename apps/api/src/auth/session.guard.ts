import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { RefusalException } from '../common/app.exception';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { AuthenticatedRequest } from './auth-user';
import { csrfRefusal, originOf, TEMPORAL_CODEC_PATH } from './csrf';
import { isPlatformAdmin } from '@capacites/domain';
import { ALLOWED_BEFORE_TOTP_ENROLMENT, IS_PUBLIC } from './decorators';
import { sessionCookieSettings } from './session-cookie';
import { SessionsService } from './sessions.service';
import { SERVICE_ACCOUNT_TOKEN_PREFIX } from '@capacites/domain';
import { SERVICE_ACCOUNT_ACTION, serviceAccountMayCall } from '../service-accounts/service-account-scope';
import { ServiceAccountsService } from '../service-accounts/service-accounts.service';

/** Where the session token came from: a cookie is sent by browsers on their own, a bearer is not. */
export interface SessionCredential {
  token: string;
  via: 'bearer' | 'cookie';
}

/** Reads the session from a bearer token (scripts), or its HttpOnly cookie. */
export function sessionCredential(
  request: AuthenticatedRequest,
  cookieName: string,
): SessionCredential | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length).trim();
    return token ? { token, via: 'bearer' } : null;
  }
  const cookie = request.cookies?.[cookieName];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * The global guard: every route needs a valid session unless it is marked @Public(); an
 * unsafe request authenticated by the cookie must also pass the CSRF check (csrf.ts).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger('Auth');
  private readonly cookieName: string;
  private readonly trustedOrigins: ReadonlySet<string>;
  /** The codec endpoint also trusts Temporal's Web UI (TEMPORAL_UI_ORIGINS). */
  private readonly codecTrustedOrigins: ReadonlySet<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly serviceAccounts: ServiceAccountsService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.cookieName = sessionCookieSettings(config.SESSION_COOKIE_SECURE).name;
    // The back-office's origin, and the public host the provider sends browsers back to.
    this.trustedOrigins = new Set(
      [config.ADMIN_ORIGIN, config.oidc?.redirectUri].filter((url) => url !== undefined).map(originOf),
    );
    this.codecTrustedOrigins = new Set([...this.trustedOrigins, ...config.temporalUiOrigins]);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { method: string }>();
    const credential = sessionCredential(request, this.cookieName);
    if (credential?.via === 'cookie') {
      const path = (request as { path?: string }).path ?? '';
      const refusal = csrfRefusal(
        request,
        path.startsWith(TEMPORAL_CODEC_PATH) ? this.codecTrustedOrigins : this.trustedOrigins,
      );
      if (refusal) {
        this.logger.warn(
          JSON.stringify({
            event: 'csrf_refused',
            reason: refusal,
            method: request.method,
            origin: request.headers.origin,
            from: request.ip,
          }),
        );
        throw new AuthException(AuthErrorCode.CSRF_REFUSED);
      }
    }
    // A service account's token (bearer only: never a cookie) is its organisation's principal.
    const user = !credential
      ? null
      : credential.via === 'bearer' && credential.token.startsWith(SERVICE_ACCOUNT_TOKEN_PREFIX)
        ? await this.serviceAccounts.authenticate(credential.token)
        : await this.sessions.authenticate(credential.token);
    if (!user) {
      this.logger.warn(JSON.stringify({ event: 'unauthenticated_request', from: request.ip }));
      throw new AuthException(AuthErrorCode.UNAUTHENTICATED);
    }
    request.user = user;
    if (user.serviceAccount) {
      const marked = this.reflector.getAllAndOverride<boolean>(SERVICE_ACCOUNT_ACTION, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (!serviceAccountMayCall(user, request.method, marked === true)) {
        this.logger.warn(
          JSON.stringify({
            event: 'service_account_scope_refused',
            serviceAccountId: user.serviceAccount.id,
            method: request.method,
          }),
        );
        throw new RefusalException('forbidden', 'SERVICE_ACCOUNT_SCOPE', {
          scope: user.serviceAccount.scope,
        });
      }
    }
    // A platform admin must have a second factor: until then, only the enrolment.
    if (isPlatformAdmin(user) && !user.totpEnabled) {
      const allowed = this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_TOTP_ENROLMENT, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (!allowed) throw new AuthException(AuthErrorCode.TOTP_ENROLMENT_REQUIRED);
    }
    return true;
  }
}
