import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import * as client from 'openid-client';
import { API_CONFIG, type ApiConfig, type OidcSettings } from '../../config/api.config';
import { AuthErrorCode, AuthException } from '../auth.exception';
import {
  secureCookieName,
  sessionCookieSettings,
  setSessionCookie,
  type SessionCookieSettings,
} from '../session-cookie';
import { SessionsService, type FederatedRefusal } from '../sessions.service';
import {
  OIDC_FLOW_COOKIE,
  OIDC_FLOW_COOKIE_PATH,
  OIDC_FLOW_MAX_AGE_MS,
  OidcFlowSealer,
  type OidcFlow,
} from './oidc-flow-cookie';

/** Reasons sent back to the back-office's login page (`/#/login?error=…`), which words them. */
export type OidcLoginError =
  FederatedRefusal | 'oidc_cancelled' | 'oidc_expired' | 'oidc_unavailable' | 'oidc_failed';

export interface AuthProvidersResponse {
  password: { enabled: true };
  oidc: { enabled: true; label: string; loginUrl: string } | { enabled: false };
}

const LOGIN_PATH = '/api/auth/oidc/login';

/**
 * OpenID Connect login (ProConnect) through openid-client: authorization code flow with
 * PKCE, state and nonce; openid-client checks the ID token's issuer, audience, nonce and
 * expiry, and (non-repudiation checks on) the signatures of the ID token and of signed
 * `application/jwt` userinfo answers against the provider's JWKS. The user is the
 * existing account with the asserted email; nobody is created here.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Auth');
  private readonly settings: OidcSettings | null;
  private readonly sealer: OidcFlowSealer | null;
  /** Where the back-office lives: the API itself when it serves the built files. */
  private readonly backOfficeUrl: string;
  private discovered: Promise<client.Configuration> | null = null;
  private readonly cookie: SessionCookieSettings;
  /** `__Secure-…` over HTTPS: its path (/api/auth/oidc) rules out `__Host-`. */
  readonly flowCookieName: string;

  constructor(
    private readonly sessions: SessionsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.settings = config.oidc;
    this.sealer = config.oidc ? new OidcFlowSealer(config.oidc.clientSecret) : null;
    const servesBackOffice =
      config.ADMIN_DIST_DIR !== undefined && existsSync(join(config.ADMIN_DIST_DIR, 'index.html'));
    this.backOfficeUrl = servesBackOffice ? '/' : new URL('/', config.ADMIN_ORIGIN).href;
    this.cookie = sessionCookieSettings(config.SESSION_COOKIE_SECURE);
    this.flowCookieName = secureCookieName(OIDC_FLOW_COOKIE, config.SESSION_COOKIE_SECURE);
  }

  providers(): AuthProvidersResponse {
    return {
      password: { enabled: true },
      oidc: this.settings
        ? { enabled: true, label: this.settings.label, loginUrl: LOGIN_PATH }
        : { enabled: false },
    };
  }

  /** Starts a login: remembers the flow in its cookie, returns the provider's authorization URL. */
  async startLogin(from: string, response: Response): Promise<string> {
    const { settings, sealer } = this.enabled();
    let configuration: client.Configuration;
    try {
      configuration = await this.configuration();
    } catch (error) {
      this.logger.error(JSON.stringify({ event: 'oidc_discovery_failed', from, ...describe(error) }));
      return this.loginPage('oidc_unavailable');
    }
    const flow: OidcFlow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    response.cookie(this.flowCookieName, sealer.seal(flow), {
      httpOnly: true,
      // Lax: the cookie must come back with the provider's top-level redirect to the callback.
      sameSite: 'lax',
      secure: this.config.SESSION_COOKIE_SECURE,
      path: OIDC_FLOW_COOKIE_PATH,
      maxAge: OIDC_FLOW_MAX_AGE_MS,
    });
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes.join(' '),
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    }).href;
  }

  /**
   * The provider's redirect back: checks it, opens a session for the matching user and
   * returns where to send the browser (the back-office, or its login page with a reason).
   */
  async finishLogin(
    query: URLSearchParams,
    sealedFlow: string | undefined,
    from: string,
    response: Response,
  ): Promise<string> {
    const { settings, sealer } = this.enabled();
    // Single use, whatever the outcome.
    response.clearCookie(this.flowCookieName, {
      path: OIDC_FLOW_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.SESSION_COOKIE_SECURE,
    });
    const flow = sealer.open(sealedFlow);
    if (!flow) {
      this.logger.warn(JSON.stringify({ event: 'oidc_flow_missing', from }));
      return this.loginPage('oidc_expired');
    }
    const providerError = query.get('error');
    if (providerError) {
      // Checked first so that a user who cancels is told so, but only for the flow it started.
      const known = sameString(query.get('state'), flow.state);
      this.logger.warn(JSON.stringify({ event: 'oidc_provider_error', error: providerError, known, from }));
      return this.loginPage(known && providerError === 'access_denied' ? 'oidc_cancelled' : 'oidc_failed');
    }
    if (!sameString(query.get('state'), flow.state)) {
      this.logger.warn(JSON.stringify({ event: 'oidc_state_mismatch', from }));
      return this.loginPage('oidc_failed');
    }

    let configuration: client.Configuration;
    try {
      configuration = await this.configuration();
    } catch (error) {
      this.logger.error(JSON.stringify({ event: 'oidc_discovery_failed', from, ...describe(error) }));
      return this.loginPage('oidc_unavailable');
    }
    // The registered redirect URI, not the URL this request reached the API at (a proxy in
    // between changes it): openid-client sends it back to the token endpoint.
    const callbackUrl = new URL(settings.redirectUri);
    callbackUrl.search = query.toString();
    let idToken: string;
    let email: unknown;
    let subject: string;
    let issuer: string;
    let emailVerified: boolean;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!tokens.id_token || !claims) throw new Error('no ID token in the token response');
      idToken = tokens.id_token;
      subject = claims.sub;
      issuer = claims.iss;
      // ProConnect gives the email in userinfo only (a signed JWT); other providers may
      // also put it in the ID token. userinfo is checked to be about the same subject.
      const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, subject);
      if (userinfo.email_verified === false || claims.email_verified === false) {
        this.logger.warn(JSON.stringify({ event: 'oidc_email_unverified', sub: subject, from }));
        return this.loginPage('oidc_failed');
      }
      email = userinfo.email ?? claims.email;
      // Verified only when asserted so, where the email comes from.
      emailVerified =
        userinfo.email !== undefined ? userinfo.email_verified === true : claims.email_verified === true;
    } catch (error) {
      this.logger.warn(JSON.stringify({ event: 'oidc_callback_refused', from, ...describe(error) }));
      return this.loginPage('oidc_failed');
    }
    if (typeof email !== 'string' || !email.includes('@')) {
      this.logger.warn(JSON.stringify({ event: 'oidc_no_email', sub: subject, from }));
      return this.loginPage('oidc_failed');
    }

    const outcome = await this.sessions.loginFederated(
      { issuer, subject, email, emailVerified },
      from,
      idToken,
    );
    if ('refused' in outcome) {
      // The domain says which administration knocked, without writing a personal address in logs.
      const emailDomain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
      this.logger.warn(JSON.stringify({ event: outcome.refused, sub: subject, emailDomain, from }));
      return this.loginPage(outcome.refused);
    }
    const { session } = outcome;
    setSessionCookie(response, session, this.cookie);
    this.logger.log(
      JSON.stringify({
        event: 'oidc_login',
        userId: session.user.userId,
        sessionId: session.user.sessionId,
        sub: subject,
        from,
      }),
    );
    return this.backOfficeUrl;
  }

  /**
   * The provider's logout URL for a session opened through it (null otherwise): the
   * back-office sends the browser there so that the provider's session ends too.
   */
  async logoutUrl(idToken: string | null): Promise<string | null> {
    if (!idToken || !this.settings) return null;
    try {
      const configuration = await this.configuration();
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(configuration, {
        id_token_hint: idToken,
        post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
        // ProConnect requires a state; nothing comes back to the API to check it against.
        state: client.randomState(),
      }).href;
    } catch (error) {
      // The local session is revoked already; the provider's stays until it expires.
      this.logger.warn(JSON.stringify({ event: 'oidc_logout_unavailable', ...describe(error) }));
      return null;
    }
  }

  private enabled(): { settings: OidcSettings; sealer: OidcFlowSealer } {
    if (!this.settings || !this.sealer)
      throw new AuthException(AuthErrorCode.NOT_FOUND, { resource: 'OpenID Connect login' });
    return { settings: this.settings, sealer: this.sealer };
  }

  /** Discovery once, on first use (the API boots even when the provider is down); retried after a failure. */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = null;
      throw error;
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const settings = this.enabled().settings;
    // client_secret_basic, the default of OAuth 2.0, unless the provider only lists
    // client_secret_post (as ProConnect may).
    const basic = client.ClientSecretBasic(settings.clientSecret);
    const post = client.ClientSecretPost(settings.clientSecret);
    const authenticate: client.ClientAuth = (as, metadata, body, headers) => {
      const supported = as.token_endpoint_auth_methods_supported;
      const usePost = supported !== undefined && !supported.includes('client_secret_basic');
      return (usePost ? post : basic)(as, metadata, body, headers);
    };
    const extensions = [client.enableNonRepudiationChecks];
    // Plain HTTP only for a provider on this machine (the config refuses it otherwise).
    if (settings.issuer.protocol === 'http:') extensions.push(client.allowInsecureRequests);
    return client.discovery(settings.issuer, settings.clientId, undefined, authenticate, {
      execute: extensions,
      timeout: 10,
    });
  }

  private loginPage(error: OidcLoginError): string {
    return `${this.backOfficeUrl}#/login?error=${error}`;
  }
}

function sameString(actual: string | null, expected: string): boolean {
  if (actual === null) return false;
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * What went wrong, for the logs: messages and codes only. The causes' own payloads
 * (response bodies, parameters) are never logged, as they may hold tokens.
 */
function describe(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { error: String(error) };
  const details: Record<string, string> = { error: error.message };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') details.code = code;
  const providerError = (error as { error?: unknown }).error;
  if (typeof providerError === 'string') details.providerError = providerError;
  if (error.cause instanceof Error) details.cause = error.cause.message;
  return details;
}
