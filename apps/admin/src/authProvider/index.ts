import type { AuthProvider } from 'react-admin';
import { API_URL, withCsrfHeader } from '../dataProvider';

interface Me {
  id: string;
  email: string;
  displayName: string;
  memberships: { organizationId: string; role: string }[];
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
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

/**
 * Sessions live in an HttpOnly cookie set by the API: the back-office never sees the
 * token; it asks the API who is signed in.
 */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await call('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: username, password }),
    });
    // Translation keys: react-admin's login form translates the message it shows.
    if (response.status === 429) throw new Error('app.login.tooManyAttempts');
    if (!response.ok) throw new Error('app.login.badCredentials');
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
    return { id: me.id, fullName: me.displayName };
  },
  async getPermissions() {
    const response = await call('/auth/me');
    if (!response.ok) return [];
    const me = (await response.json()) as Me;
    return me.memberships;
  },
};

export { fetchAuthProviders, type AuthProviders } from './oidc';
