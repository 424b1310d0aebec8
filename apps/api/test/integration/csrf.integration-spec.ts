import { ExperimentEntity } from '@capacites/persistence';
import { insertTeam, TEST_PASSWORD, type Team } from '../support/fixtures';
import { startStack, type TestStack } from '../support/stack';

const ADMIN_ORIGIN = 'http://admin.capacites.test';
const EVIL_ORIGIN = 'https://evil.example';

/**
 * Cross-site request forgery against cookie sessions (issue 12, item 4): a page of another
 * site makes the victim's browser send a bodiless POST with the session cookie.
 */
describe('CSRF: unsafe requests authenticated by the session cookie', () => {
  let stack: TestStack;
  let team: Team;
  let cookie: string;
  const url = (path: string) => `${stack.baseUrl}${path}`;

  /** What a browser sends for the victim: the session cookie plus the given headers. */
  const asVictim = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    fetch(url(path), { method, headers: { Cookie: cookie, ...headers }, body });

  const createDraft = async (): Promise<string> => {
    const response = await asVictim(
      'POST',
      '/api/experiments',
      { 'Content-Type': 'application/json', Origin: ADMIN_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
      JSON.stringify({ organizationId: team.organization.id, title: 'Brouillon visé' }),
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  const stateOf = async (id: string) =>
    (await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id })).state;

  const expectRefused = async (response: Response) => {
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      statusCode: 403,
      code: 'CSRF_REFUSED',
      requestId: response.headers.get('x-request-id'),
    });
  };

  beforeAll(async () => {
    stack = await startStack({ listen: true, env: { ADMIN_ORIGIN } });
    team = await insertTeam(stack.db);
    const login = await fetch(url('/api/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ADMIN_ORIGIN },
      body: JSON.stringify({ email: team.emails.hr, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.getSetCookie()[0].split(';')[0];
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses the attack of the issue: a bodiless cross-site POST /experiments/:id/cancel', async () => {
    const id = await createDraft();
    await expectRefused(
      await asVictim('POST', `/api/experiments/${id}/cancel`, {
        Origin: EVIL_ORIGIN,
        'Sec-Fetch-Site': 'cross-site',
      }),
    );
    // What an HTML form can send (text/plain or urlencoded, no custom header): refused too.
    await expectRefused(
      await asVictim(
        'POST',
        `/api/experiments/${id}/cancel`,
        { 'Content-Type': 'text/plain', Origin: EVIL_ORIGIN, 'Sec-Fetch-Site': 'cross-site' },
        '{}',
      ),
    );
    expect(await stateOf(id)).toBe('draft');
  });

  it('refuses a JSON or custom-header request from another origin or a cross-site fetch', async () => {
    const id = await createDraft();
    await expectRefused(
      await asVictim(
        'POST',
        `/api/experiments/${id}/cancel`,
        { 'Content-Type': 'application/json', Origin: EVIL_ORIGIN },
        '{}',
      ),
    );
    await expectRefused(
      await asVictim('POST', `/api/experiments/${id}/cancel`, {
        'X-Capacites-Csrf': '1',
        'Sec-Fetch-Site': 'same-site',
      }),
    );
    await expectRefused(
      await asVictim('POST', `/api/experiments/${id}/cancel`, { 'X-Capacites-Csrf': '1', Origin: 'null' }),
    );
    // A bodiless request from the right origin still needs the header.
    await expectRefused(
      await asVictim('POST', `/api/experiments/${id}/cancel`, {
        Origin: ADMIN_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
      }),
    );
    await expectRefused(await asVictim('DELETE', `/api/testimonies/${id}`, { Origin: EVIL_ORIGIN }));
    expect(await stateOf(id)).toBe('draft');
  });

  it("lets the back-office's own calls through: custom header or JSON, from its origin", async () => {
    const id = await createDraft();
    const cancelled = await asVictim('POST', `/api/experiments/${id}/cancel`, {
      'X-Capacites-Csrf': '1',
      Origin: ADMIN_ORIGIN,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(cancelled.status).toBe(200);
    expect(await stateOf(id)).toBe('cancelled');
    // No Origin (some browsers omit it on same-origin requests) but Sec-Fetch-Site: same-origin.
    const second = await createDraft();
    const json = await asVictim(
      'POST',
      `/api/experiments/${second}/cancel`,
      { 'Content-Type': 'application/json; charset=utf-8', 'Sec-Fetch-Site': 'same-origin' },
      '{}',
    );
    expect(json.status).toBe(200);
    // The back-office served by the API itself: its own origin, which the browser says is same-origin.
    const third = await createDraft();
    const served = await asVictim('POST', `/api/experiments/${third}/cancel`, {
      'X-Capacites-Csrf': '1',
      Origin: stack.baseUrl,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(served.status).toBe(200);
    // Safe methods are never refused, whatever the origin.
    expect((await asVictim('GET', '/api/auth/me', { Origin: EVIL_ORIGIN })).status).toBe(200);
  });

  it('exempts bearer tokens (never sent by a browser on its own) and keeps login working', async () => {
    const token = await fetch(url('/api/auth/token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: team.emails.hr, password: TEST_PASSWORD }),
    });
    expect(token.status).toBe(200);
    const bearer = ((await token.json()) as { token: string }).token;
    const id = await createDraft();
    const response = await fetch(url(`/api/experiments/${id}/cancel`), {
      method: 'POST',
      headers: { Authorization: `Bearer ${bearer}`, Origin: EVIL_ORIGIN, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(response.status).toBe(200);
  });

  it('logs out only with the header, as the back-office sends it', async () => {
    await expectRefused(await asVictim('POST', '/api/auth/logout', { Origin: EVIL_ORIGIN }));
    expect((await asVictim('GET', '/api/auth/me')).status).toBe(200);
    const logout = await asVictim('POST', '/api/auth/logout', {
      'X-Capacites-Csrf': '1',
      Origin: ADMIN_ORIGIN,
    });
    expect(logout.status).toBe(204);
    expect((await asVictim('GET', '/api/auth/me')).status).toBe(401);
  });
});
