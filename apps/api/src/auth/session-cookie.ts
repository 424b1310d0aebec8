import type { Response } from 'express';

const BASE_NAME = 'capacites_session';

/**
 * How the session cookie is written, from the configuration. Over HTTPS (the default
 * outside development and test) it is `Secure` and named `__Host-…` with path `/` and no
 * Domain: the browser then refuses it from plain HTTP and from any sibling sub-domain
 * (cookie tossing). Over plain HTTP (local runs) it keeps the plain name, scoped to `/api`.
 */
export interface SessionCookieSettings {
  name: string;
  path: string;
  secure: boolean;
}

export function sessionCookieSettings(secure: boolean): SessionCookieSettings {
  return secure
    ? { name: `__Host-${BASE_NAME}`, path: '/', secure: true }
    : { name: BASE_NAME, path: '/api', secure: false };
}

/** The name of a cookie that only needs `Secure` (its path is narrower than `/`). */
export function secureCookieName(name: string, secure: boolean): string {
  return secure ? `__Secure-${name}` : name;
}

/** The session token in an HttpOnly cookie: page scripts never see it. */
export function setSessionCookie(
  response: Response,
  session: { token: string; expiresAt: Date },
  settings: SessionCookieSettings,
): void {
  response.cookie(settings.name, session.token, {
    httpOnly: true,
    // Lax, not Strict: the OpenID Connect callback is a top-level navigation coming back from
    // the provider, and the back-office loaded right after it must send the cookie.
    // Cross-site requests are refused by the CSRF check (csrf.ts), not by SameSite alone.
    sameSite: 'lax',
    secure: settings.secure,
    path: settings.path,
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(response: Response, settings: SessionCookieSettings): void {
  response.clearCookie(settings.name, {
    path: settings.path,
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
  });
}
