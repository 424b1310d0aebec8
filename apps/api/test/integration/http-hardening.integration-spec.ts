import { startStack, type TestStack } from '../support/stack';

const ADMIN_ORIGIN = 'http://admin.capacites.test';
const OTHER_ORIGIN = 'http://evil.example';

/** Directive name → its sources, from a Content-Security-Policy header. */
function parseCsp(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** The answer of a JSON error: a JSON body of the one error shape, and nothing of the server's insides. */
async function expectJsonError(
  response: Response,
  status: number,
  code: string,
): Promise<{ message: string }> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/<html|\n\s+at |node_modules|Error:/i);
  const body = JSON.parse(text);
  expect(body).toMatchObject({ statusCode: status, code, requestId: response.headers.get('x-request-id') });
  expect(Object.keys(body).sort()).toEqual(
    expect.arrayContaining(['code', 'message', 'requestId', 'statusCode']),
  );
  return body;
}

describe('HTTP hardening, over a real socket', () => {
  let stack: TestStack;
  const url = (path: string) => `${stack.baseUrl}${path}`;
  const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url(path), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    stack = await startStack({
      listen: true,
      worker: false,
      env: { ADMIN_ORIGIN, API_BODY_LIMIT: '2kb' },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("sends helmet's security headers with a strict script policy, and no X-Powered-By", async () => {
    const response = await fetch(url('/api/health'));
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const csp = parseCsp(response.headers.get('content-security-policy'));
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'self'"]);
  });

  it('serves Swagger UI within that policy: only scripts of its own origin, which load', async () => {
    const page = await fetch(url('/api/docs'));
    expect(page.status).toBe(200);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    // An inline script would be blocked by script-src 'self'.
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body.trim()).toBe('');
    }
    const assets = [
      ...scripts.map(([, attributes]) => /src=["']([^"']+)["']/.exec(attributes)?.[1] as string),
      ...[...html.matchAll(/<link rel="stylesheet"[^>]*href=["']([^"']+)["']/g)].map((m) => m[1]),
    ];
    for (const asset of assets) {
      const assetUrl = new URL(asset, url('/api/docs'));
      expect(assetUrl.origin).toBe(stack.baseUrl);
      const loaded = await fetch(assetUrl);
      expect([asset, loaded.status]).toEqual([asset, 200]);
      expect(loaded.headers.get('content-type')).toMatch(/javascript|css/);
    }
    const init = await fetch(new URL('./docs/swagger-ui-init.js', url('/api/docs')));
    expect(await init.text()).toMatch(/"openapi":\s*"3\.0\.\d+"/);
  });

  it('lets the back-office origin in, with credentials, and exposes Content-Range and X-Request-Id', async () => {
    const preflight = await fetch(url('/api/experiments'), {
      method: 'OPTIONS',
      headers: {
        Origin: ADMIN_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-request-id',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-request-id/i);

    const actual = await fetch(url('/api/health'), { headers: { Origin: ADMIN_ORIGIN } });
    expect(actual.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
    const exposed = (actual.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',');
    expect(exposed).toEqual(expect.arrayContaining(['content-range', 'x-request-id']));
    expect(actual.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives no Access-Control-Allow-Origin to any other origin', async () => {
    const preflight = await fetch(url('/api/experiments'), {
      method: 'OPTIONS',
      headers: { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    // Without it the browser refuses the answer (the cors package still adds Allow-Credentials).
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await fetch(url('/api/health'), { headers: { Origin: OTHER_ORIGIN } });
    expect(actual.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a body over API_BODY_LIMIT with a 413 naming the limit, with the CORS and security headers', async () => {
    const response = await postJson(
      '/api/auth/login',
      JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(4096) }),
      { Origin: ADMIN_ORIGIN },
    );
    const body = await expectJsonError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(body.message).toBe('The request body is larger than the 2kb limit.');
    // The browser can read it (CORS), like any answer.
    expect(response.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers malformed JSON with a clear 400', async () => {
    const body = await expectJsonError(
      await postJson('/api/auth/login', '{"email": "a@b.fr", "password": '),
      400,
      'MALFORMED_JSON',
    );
    expect(body.message).toBe('The request body is not valid JSON.');
  });

  it('answers a body that is not JSON with 415 naming the expected content type, never 500', async () => {
    for (const [contentType, payload] of [
      ['text/plain', '{"email":"a@b.fr","password":"x"}'],
      ['application/x-www-form-urlencoded', 'email=a%40b.fr&password=x'],
      ['application/xml', '<login/>'],
    ]) {
      const response = await fetch(url('/api/auth/login'), {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body: payload,
      });
      const body = await expectJsonError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(body.message).toContain('application/json');
    }
    const latin1 = await postJson('/api/auth/login', '{}', {
      'Content-Type': 'application/json; charset=latin1',
    });
    expect((await expectJsonError(latin1, 415, 'UNSUPPORTED_MEDIA_TYPE')).message).toContain('UTF-8');
  });

  it('still accepts a JSON body, and a body-less POST on a route whose body is empty', async () => {
    const login = await postJson(
      '/api/auth/login',
      JSON.stringify({ email: 'nobody@nowhere.fr', password: 'x' }),
    );
    expect(login.status).toBe(401);
    // No body at all (react-admin's action buttons): validated as an empty body, not a 415.
    const empty = await fetch(url('/api/auth/login'), { method: 'POST' });
    expect((await expectJsonError(empty, 400, 'VALIDATION_FAILED')).message).toMatch(/email/);
  });

  it("answers a request line over the server's header limit with a JSON 431 naming it, not a bare status line", async () => {
    const response = await fetch(url(`/api/experiments?filter=${'x'.repeat(140_000)}`));
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { message: string };
    expect(body).toMatchObject({ statusCode: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' });
    expect(body.message).toMatch(/larger than the 128 KB the server accepts/);
  });

  it('reads every request its OpenAPI document calls valid: a filter of 500 ids (about 23 KB) reaches the API', async () => {
    const ids = Array.from(
      { length: 500 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const filter = encodeURIComponent(JSON.stringify({ id: ids }));
    expect(filter.length).toBeGreaterThan(16 * 1024);
    // Past Node's default 16 KB it was a 431; now the API answers it (401: no session).
    await expectJsonError(await fetch(url(`/api/experiments?filter=${filter}`)), 401, 'UNAUTHENTICATED');
  });

  it('answers a method a known path does not take with 405 and the Allow header, not 404', async () => {
    const collection = await fetch(url('/api/experiments'), { method: 'DELETE' });
    const body = await expectJsonError(collection, 405, 'METHOD_NOT_ALLOWED');
    expect(body.message).toMatch(/DELETE is not allowed on \/api\/experiments/);
    expect(collection.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    const item = await fetch(url('/api/experiments/00000000-0000-4000-8000-000000000001'), {
      method: 'PATCH',
    });
    await expectJsonError(item, 405, 'METHOD_NOT_ALLOWED');
    expect(item.headers.get('allow')).toMatch(/\bPUT\b/);
    const login = await fetch(url('/api/auth/login'), { method: 'PUT' });
    await expectJsonError(login, 405, 'METHOD_NOT_ALLOWED');
    expect(login.headers.get('allow')).toBe('POST');
    // The methods it takes still reach their routes; unknown paths stay 404.
    expect((await fetch(url('/api/health'), { method: 'HEAD' })).status).toBe(200);
    await expectJsonError(await fetch(url('/api/no-such-route'), { method: 'DELETE' }), 404, 'NOT_FOUND');
  });

  it('answers unknown routes with a JSON 404, inside /api and outside', async () => {
    const inside = await expectJsonError(await fetch(url('/api/no-such-route')), 404, 'NOT_FOUND');
    expect(inside.message).toBe('Cannot GET /api/no-such-route');
    await expectJsonError(await fetch(url('/no-such-page'), { method: 'POST' }), 404, 'NOT_FOUND');
  });
});
