import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** What the callback needs to check the provider's answer against the login it started. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export const OIDC_FLOW_COOKIE = 'capacites_oidc_flow';
/** Only the OIDC routes receive it. */
export const OIDC_FLOW_COOKIE_PATH = '/api/auth/oidc';
/** Time allowed at the provider's login page. */
export const OIDC_FLOW_MAX_AGE_MS = 10 * 60_000;

/**
 * Keeps the state, nonce and PKCE verifier of a login in flight in a short-lived HttpOnly
 * cookie, encrypted and authenticated (AES-256-GCM), rather than on the server.
 * Why a cookie: the flow must be bound to the browser that started it anyway (that is
 * what defeats login CSRF), the API keeps no server-side web session, and a cookie works
 * unchanged with several API instances and across restarts, with no table to purge.
 * Encrypted, not only signed: the PKCE verifier and the nonce stay secret even to the
 * browser. It is cleared by the callback whatever its outcome; replaying a callback with
 * a copy of the cookie still fails, since the provider accepts an authorization code once.
 * The key is derived from the client secret, already a secret shared by every instance.
 */
export class OidcFlowSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'capacites', 'oidc-flow-cookie/v1', 32));
  }

  seal(flow: OidcFlow, now = Date.now()): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const plain = JSON.stringify({ ...flow, exp: now + OIDC_FLOW_MAX_AGE_MS });
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
  }

  /** The flow, or null if the cookie is missing, forged, tampered with or expired. */
  open(sealed: string | undefined, now = Date.now()): OidcFlow | null {
    const parts = sealed?.split('.');
    if (parts?.length !== 3) return null;
    try {
      const [iv, body, tag] = parts.map((part) => Buffer.from(part, 'base64url'));
      // A full-length tag only: GCM would otherwise accept truncated (weaker) ones.
      if (tag.length !== 16) return null;
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: 16 });
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      const flow = JSON.parse(plain) as Partial<OidcFlow> & { exp?: number };
      if (typeof flow.exp !== 'number' || flow.exp < now) return null;
      if (!flow.state || !flow.nonce || !flow.codeVerifier) return null;
      return { state: flow.state, nonce: flow.nonce, codeVerifier: flow.codeVerifier };
    } catch {
      return null;
    }
  }
}
