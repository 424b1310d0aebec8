import type { AuthProvider } from 'react-admin';
import { API_URL } from '../dataProvider';

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
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...init.headers },
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
    if (response.status === 429) throw new Error('Trop de tentatives : réessayez dans une minute.');
    if (!response.ok) throw new Error('Adresse électronique ou mot de passe incorrect.');
  },
  async logout() {
    await call('/auth/logout', { method: 'POST' }).catch(() => undefined);
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
