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
] as const;

export type OidcLoginError = (typeof OIDC_LOGIN_ERRORS)[number];

export const isOidcLoginError = (value: string | null): value is OidcLoginError =>
  (OIDC_LOGIN_ERRORS as readonly (string | null)[]).includes(value);

/**
 * The login page's texts, French first. They are the defaults of the `app.login.*`
 * translation keys, so that moving them into i18n/{fr,en}.ts later changes nothing.
 * `%{label}` is the provider's name (OIDC_LABEL, "ProConnect" by default).
 */
export const OIDC_LOGIN_MESSAGES = {
  fr: {
    button: 'Se connecter avec %{label}',
    or: 'ou',
    errors: {
      oidc_unknown_user:
        'Votre compte %{label} ne correspond à aucun utilisateur de Capacités. Demandez à un administrateur de créer votre compte avec la même adresse électronique.',
      oidc_cancelled: 'Connexion avec %{label} annulée.',
      oidc_expired:
        'La connexion a expiré ou a été commencée dans un autre onglet ou navigateur : recommencez.',
      oidc_unavailable:
        '%{label} est momentanément indisponible : réessayez plus tard, ou connectez-vous avec votre mot de passe.',
      oidc_failed: 'La connexion avec %{label} a échoué : recommencez.',
    },
  },
  en: {
    button: 'Log in with %{label}',
    or: 'or',
    errors: {
      oidc_unknown_user:
        'Your %{label} account matches no Capacités user. Ask an administrator to create your account with the same email address.',
      oidc_cancelled: 'Login with %{label} cancelled.',
      oidc_expired: 'The login expired or was started in another tab or browser: please try again.',
      oidc_unavailable: '%{label} is unavailable for now: try again later, or log in with your password.',
      oidc_failed: 'Login with %{label} failed: please try again.',
    },
  },
} satisfies Record<'fr' | 'en', { button: string; or: string; errors: Record<OidcLoginError, string> }>;

export const oidcLoginMessages = (locale: string) =>
  locale === 'en' ? OIDC_LOGIN_MESSAGES.en : OIDC_LOGIN_MESSAGES.fr;
