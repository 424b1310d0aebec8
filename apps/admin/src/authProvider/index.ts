import type { AuthProvider } from 'react-admin';
import { API_URL, withCsrfHeader } from '../dataProvider';

/** GET /api/auth/me. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  memberships: { organizationId: string; role: string }[];
  /** Second factor: on, required (platform admins), to enrol before anything else. */
  totp: { enabled: boolean; required: boolean; enrolmentRequired: boolean };
}

export async function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${API_URL}${path}`, {
    ...init,
    credentials: 'same-origin',
    headers: withCsrfHeader({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...init.headers,
    }),
  });
}

/** Thrown by login() when the password was right and the second factor's code is awaited. */
export class TotpRequiredError extends Error {
  constructor() {
    super('app.login.totpRequired');
    this.name = 'TotpRequiredError';
  }
}

/** The pending login between the password and the code (in memory only, single use). */
let pendingToken: string | null = null;

export const hasPendingLogin = () => pendingToken !== null;
export const forgetPendingLogin = () => {
  pendingToken = null;
};

/**
 * Sessions live in an HttpOnly cookie set by the API: the back-office never sees the
 * token; it asks the API who is signed in.
 */
export const authProvider: AuthProvider = {
  /**
   * Two steps when the account has a second factor: the password answers a pending login
   * (TotpRequiredError), then login({ code }) sends the code with it.
   */
  async login(params: { username?: string; password?: string; code?: string }) {
    if (params.code !== undefined) {
      if (!pendingToken) throw new Error('app.login.expired');
      const response = await call('/auth/login/totp', {
        method: 'POST',
        body: JSON.stringify({ pendingToken, code: params.code }),
      });
      if (response.status === 429) throw new Error('app.login.tooManyAttempts');
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { code?: string };
        if (body.code === 'LOGIN_EXPIRED') pendingToken = null;
        throw new Error(body.code === 'LOGIN_EXPIRED' ? 'app.login.expired' : 'app.login.badCode');
      }
      pendingToken = null;
      return;
    }
    const response = await call('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: params.username, password: params.password }),
    });
    // Translation keys: the login form translates the message it shows.
    if (response.status === 429) throw new Error('app.login.tooManyAttempts');
    if (!response.ok) throw new Error('app.login.badCredentials');
    const body = (await response.json().catch(() => ({}))) as {
      totpRequired?: boolean;
      pendingToken?: string;
    };
    if (body.totpRequired && typeof body.pendingToken === 'string') {
      pendingToken = body.pendingToken;
      throw new TotpRequiredError();
    }
  },
  /**
   * After a session opened through ProConnect (OpenID Connect), the API answers the
   * provider's logout URL: returning it makes react-admin send the browser there, so
   * that the provider's session ends too; the provider then sends it back here.
   */
  async logout() {
    const response = await call('/auth/logout', { method: 'POST' }).catch(() => undefined);
    if (response?.status !== 200) return undefined;
    const { logoutUrl } = (await response.json().catch(() => ({}))) as { logoutUrl?: unknown };
    return typeof logoutUrl === 'string' && /^https?:\/\//.test(logoutUrl) ? logoutUrl : undefined;
  },
  async checkAuth() {
    const response = await call('/auth/me');
    if (!response.ok) throw new Error('Session expirée');
  },
  async checkError(error: { status?: number }) {
    if (error.status === 401) throw new Error('Session expirée');
  },
  async getIdentity() {
    const response = await call('/auth/me');
    if (!response.ok) throw new Error('Session expirée');
    const me = (await response.json()) as Me;
    return { id: me.id, fullName: me.displayName, totp: me.totp };
  },
  async getPermissions() {
    const response = await call('/auth/me');
    if (!response.ok) return [];
    const me = (await response.json()) as Me;
    return me.memberships;
  },
};

export { fetchAuthProviders, type AuthProviders } from './oidc';
