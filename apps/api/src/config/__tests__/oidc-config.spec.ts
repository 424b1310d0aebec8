import { ConfigError } from '@capacites/config';
import { loadApiConfig, PROCONNECT_SCOPES } from '../api.config';

const base = { DATABASE_URL: 'postgres://u:p@h:5432/d' };

const proconnect = {
  OIDC_ISSUER: 'https://fca.integ01.dev-agentconnect.fr/api/v2',
  OIDC_CLIENT_ID: 'capacites',
  OIDC_CLIENT_SECRET: 'un-secret-partage',
  OIDC_REDIRECT_URI: 'https://capacites.example.fr/api/auth/oidc/callback',
  OIDC_POST_LOGOUT_REDIRECT_URI: 'https://capacites.example.fr/',
};

/** The problems reported for an environment, or [] when it loads. */
function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadApiConfig({ ...base, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('OpenID Connect configuration', () => {
  it('is disabled when OIDC_ISSUER is unset', () => {
    expect(loadApiConfig(base).oidc).toBeNull();
  });

  it('treats blank OIDC variables (an empty line of .env) as unset', () => {
    const blank = Object.fromEntries(Object.keys(proconnect).map((name) => [name, '']));
    expect(loadApiConfig({ ...base, ...blank }).oidc).toBeNull();
  });

  it('is enabled with ProConnect defaults for scopes and label when fully set', () => {
    const config = loadApiConfig({ ...base, ...proconnect });
    expect(config.oidc).toEqual({
      issuer: new URL(proconnect.OIDC_ISSUER),
      clientId: 'capacites',
      clientSecret: 'un-secret-partage',
      redirectUri: proconnect.OIDC_REDIRECT_URI,
      postLogoutRedirectUri: proconnect.OIDC_POST_LOGOUT_REDIRECT_URI,
      scopes: ['openid', 'email', 'given_name', 'usual_name', 'uid', 'siret'],
      label: 'ProConnect',
    });
    expect(PROCONNECT_SCOPES.split(' ')).toEqual(config.oidc?.scopes);
  });

  it('accepts the discovery document URL as the issuer, and custom scopes and label', () => {
    const config = loadApiConfig({
      ...base,
      ...proconnect,
      OIDC_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration',
      OIDC_SCOPES: '  openid   email profile ',
      OIDC_LABEL: 'Compte agent',
    });
    expect(config.oidc?.issuer.href).toBe(
      'https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration',
    );
    expect(config.oidc?.scopes).toEqual(['openid', 'email', 'profile']);
    expect(config.oidc?.label).toBe('Compte agent');
  });

  it('names every missing client variable when only OIDC_ISSUER is set', () => {
    expect(problems({ OIDC_ISSUER: proconnect.OIDC_ISSUER })).toEqual([
      'OIDC_CLIENT_ID: OIDC_CLIENT_ID is required when OIDC_ISSUER is set (OpenID Connect login)',
      'OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set (OpenID Connect login)',
      'OIDC_REDIRECT_URI: OIDC_REDIRECT_URI is required when OIDC_ISSUER is set (OpenID Connect login)',
      'OIDC_POST_LOGOUT_REDIRECT_URI: OIDC_POST_LOGOUT_REDIRECT_URI is required when OIDC_ISSUER is set (OpenID Connect login)',
    ]);
  });

  it('asks for OIDC_ISSUER when client variables are set without it', () => {
    expect(problems({ OIDC_CLIENT_ID: 'capacites', OIDC_CLIENT_SECRET: 's' })).toEqual([
      'OIDC_ISSUER: OIDC_ISSUER is required when OIDC_CLIENT_ID, OIDC_CLIENT_SECRET are set (or unset them all to disable OpenID Connect login)',
    ]);
  });

  it('refuses a malformed issuer URL', () => {
    expect(problems({ ...proconnect, OIDC_ISSUER: 'proconnect' })).toEqual([
      'OIDC_ISSUER: OIDC_ISSUER must be a URL (the issuer or its discovery document)',
    ]);
  });

  it('refuses a plain-HTTP issuer, except on this machine', () => {
    expect(problems({ ...proconnect, OIDC_ISSUER: 'http://proconnect.example.fr/api/v2' })).toEqual([
      'OIDC_ISSUER: OIDC_ISSUER must be an https:// URL (plain http only for a local provider)',
    ]);
    expect(problems({ ...proconnect, OIDC_ISSUER: 'http://127.0.0.1:4000' })).toEqual([]);
    expect(problems({ ...proconnect, OIDC_ISSUER: 'http://localhost:4000' })).toEqual([]);
  });

  it('refuses a redirect URI that is not the API callback', () => {
    expect(problems({ ...proconnect, OIDC_REDIRECT_URI: 'https://capacites.example.fr/#/login' })).toEqual([
      "OIDC_REDIRECT_URI: OIDC_REDIRECT_URI must be the API's callback, ending with /api/auth/oidc/callback",
    ]);
    // Behind a reverse proxy that adds a prefix.
    expect(
      problems({
        ...proconnect,
        OIDC_REDIRECT_URI: 'https://intranet.example.fr/capacites/api/auth/oidc/callback',
      }),
    ).toEqual([]);
  });

  it('requires the openid and email scopes, since users are matched by email', () => {
    expect(problems({ ...proconnect, OIDC_SCOPES: 'given_name usual_name' })).toEqual([
      'OIDC_SCOPES: OIDC_SCOPES must include "openid" (users are matched by their email address)',
      'OIDC_SCOPES: OIDC_SCOPES must include "email" (users are matched by their email address)',
    ]);
  });

  it('names every bad variable at once, OIDC ones included', () => {
    expect(
      problems({ OIDC_ISSUER: proconnect.OIDC_ISSUER, OIDC_REDIRECT_URI: 'callback', API_PORT: 'port' }),
    ).toEqual([
      expect.stringMatching(/^API_PORT: /),
      'OIDC_REDIRECT_URI: OIDC_REDIRECT_URI must be a URL',
      'OIDC_CLIENT_ID: OIDC_CLIENT_ID is required when OIDC_ISSUER is set (OpenID Connect login)',
      'OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set (OpenID Connect login)',
      'OIDC_POST_LOGOUT_REDIRECT_URI: OIDC_POST_LOGOUT_REDIRECT_URI is required when OIDC_ISSUER is set (OpenID Connect login)',
    ]);
  });
});
