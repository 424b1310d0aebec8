import type { Response } from 'express';

export const SESSION_COOKIE = 'capacites_session';

/** The session token in an HttpOnly cookie: page scripts never see it. */
export function setSessionCookie(
  response: Response,
  session: { token: string; expiresAt: Date },
  secure: boolean,
): void {
  response.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    // Lax, not Strict: the OpenID Connect callback is a top-level navigation coming back from
    // the provider, and the back-office loaded right after it must send the cookie.
    sameSite: 'lax',
    secure,
    path: '/api',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { path: '/api' });
}
