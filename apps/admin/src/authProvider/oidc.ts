import { API_URL } from '../dataProvider';

/** GET /api/auth/providers: the ways to log in the API offers. */
export interface AuthProviders {
  password: { enabled: boolean };
  oidc: { enabled: true; label: string; loginUrl: string } | { enabled: false };
}

/** What the login page shows when OIDC is unknown (API unreachable): password only. */
export const PASSWORD_ONLY: AuthProviders = { password: { enabled: true }, oidc: { enabled: false } };

export async function fetchAuthProviders(): Promise<AuthProviders> {
  try {
    const response = await fetch(`${API_URL}/auth/providers`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    return response.ok ? ((await response.json()) as AuthProviders) : PASSWORD_ONLY;
  } catch {
    return PASSWORD_ONLY;
  }
}

/** Reasons the API's OIDC callback sends back as `#/login?error=…` (apps/api/src/auth/oidc). */
export const OIDC_LOGIN_ERRORS = [
  'oidc_unknown_user',
  'oidc_cancelled',
  'oidc_expired',
  'oidc_unavailable',
  'oidc_failed',
  'oidc_subject_mismatch',
  'oidc_link_not_allowed',
] as const;

export type OidcLoginError = (typeof OIDC_LOGIN_ERRORS)[number];

export const isOidcLoginError = (value: string | null): value is OidcLoginError =>
  (OIDC_LOGIN_ERRORS as readonly (string | null)[]).includes(value);
