// A real OpenID provider (oidc-provider, the certified implementation) for the tests, on
// a loopback port, set up like ProConnect: authorization code flow with PKCE, signed ID
// tokens, signed userinfo answers (application/jwt), ProConnect's scopes and claims,
// client_secret_post, RP-initiated logout. Its stock development login pages are used.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  /** Absent as with ProConnect, which does not send it; other providers may. */
  email_verified?: boolean;
  given_name?: string;
  usual_name?: string;
  uid?: string;
  siret?: string;
}

export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

/** Changes the provider's answers, to play a misbehaving or impersonated provider. */
export interface Tampering {
  /** Rewrites the ID token of the token endpoint's answer. */
  idToken?: (jwt: string) => Promise<string>;
  /** Rewrites the (signed) userinfo answer. */
  userinfo?: (jwt: string) => Promise<string>;
}

export interface TestOidcProvider {
  issuer: string;
  /** Accounts by login name (what is typed on the provider's login page). */
  accounts: Map<string, TestAccount>;
  tampering: Tampering;
  /** Content types of the userinfo answers served so far. */
  userinfoContentTypes: string[];
  /** Every token the token endpoint has issued (to check that none is ever logged). */
  issuedTokens: string[];
  /** Signs claims as the provider does (its own key), or with a key it does not publish. */
  resign(jwt: string, changes: JWTPayload, key?: 'provider' | 'stranger'): Promise<string>;
  close(): Promise<void>;
}

export async function startOidcProvider(client: ClientRegistration): Promise<TestOidcProvider> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const kid = 'test-signing-key';
  const signing = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256');
  const accounts = new Map<string, TestAccount>();
  const tampering: Tampering = {};
  const userinfoContentTypes: string[] = [];
  const issuedTokens: string[] = [];

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: [client.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    clientAuthMethods: ['client_secret_post'],
    jwks: { keys: [{ ...(await exportJWK(signing.privateKey)), kid, alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['oidc-provider-test-cookie-key'] },
    // ProConnect's scopes, each giving the claim of the same name.
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
      uid: ['uid'],
      siret: ['siret'],
    },
    pkce: { required: () => true },
    // Explicit lifetimes (seconds), as the provider asks of every deployment.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    features: {
      devInteractions: { enabled: true },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown; access_token?: unknown } | string | undefined;
    if (ctx.path === '/token' && typeof body === 'object' && body?.id_token) {
      if (tampering.idToken) body.id_token = await tampering.idToken(String(body.id_token));
      issuedTokens.push(String(body.id_token), String(body.access_token));
    }
    if (ctx.path === '/me') {
      userinfoContentTypes.push(ctx.type);
      if (tampering.userinfo && typeof body === 'string') ctx.body = await tampering.userinfo(body);
    }
  });
  // oidc-provider reports refused requests as events; the tests check the outcome instead.
  provider.on('server_error', () => undefined);
  server.on('request', provider.callback());

  const keys: Record<'provider' | 'stranger', CryptoKey> = {
    provider: signing.privateKey,
    stranger: stranger.privateKey,
  };
  return {
    issuer,
    accounts,
    tampering,
    userinfoContentTypes,
    issuedTokens,
    async resign(jwt, changes, key = 'provider') {
      const header = decodeProtectedHeader(jwt);
      return new SignJWT({ ...decodeJwt(jwt), ...changes })
        .setProtectedHeader({ alg: 'RS256', typ: header.typ, kid })
        .sign(keys[key]);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
