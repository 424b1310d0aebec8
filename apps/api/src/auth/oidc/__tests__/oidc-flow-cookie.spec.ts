import { OIDC_FLOW_MAX_AGE_MS, OidcFlowSealer } from '../oidc-flow-cookie';

const flow = { state: 'state-1', nonce: 'nonce-1', codeVerifier: 'verifier-1' };

describe('the OIDC login flow cookie', () => {
  const sealer = new OidcFlowSealer('client-secret');

  it('gives back the flow it sealed', () => {
    expect(sealer.open(sealer.seal(flow))).toEqual(flow);
  });

  it('hides the state, nonce and PKCE verifier from the browser', () => {
    const sealed = sealer.seal(flow);
    const visible = sealed
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'))
      .join('');
    expect(visible).not.toMatch(/state-1|nonce-1|verifier-1/);
    expect(sealed).not.toMatch(/state-1|nonce-1|verifier-1/);
  });

  it('refuses a tampered cookie', () => {
    const [iv, body, tag] = sealer.seal(flow).split('.');
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] ^= 1;
    expect(sealer.open([iv, bytes.toString('base64url'), tag].join('.'))).toBeNull();
    expect(sealer.open([iv, body, tag.slice(0, 8)].join('.'))).toBeNull();
  });

  it('refuses a cookie sealed with another secret', () => {
    expect(new OidcFlowSealer('another-secret').open(sealer.seal(flow))).toBeNull();
  });

  it('refuses an expired cookie, and a missing or malformed one', () => {
    const now = Date.now();
    const sealed = sealer.seal(flow, now);
    expect(sealer.open(sealed, now + OIDC_FLOW_MAX_AGE_MS - 1)).toEqual(flow);
    expect(sealer.open(sealed, now + OIDC_FLOW_MAX_AGE_MS + 1)).toBeNull();
    expect(sealer.open(undefined)).toBeNull();
    expect(sealer.open('not.a.cookie')).toBeNull();
    expect(sealer.open('garbage')).toBeNull();
  });
});
