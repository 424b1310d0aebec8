import { insertTeam, TEST_PASSWORD, type Team } from '../support/fixtures';
import { startStack, type TestStack } from '../support/stack';

const PUBLIC_ORIGIN = 'https://capacites.example.fr';

/** Issue 12, item 3: outside development and test, the session cookie is Secure and `__Host-`. */
describe('Session cookie in production (NODE_ENV=production, the default)', () => {
  let stack: TestStack;
  let team: Team;
  const url = (path: string) => `${stack.baseUrl}${path}`;
  const login = () =>
    fetch(url('/api/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: PUBLIC_ORIGIN },
      body: JSON.stringify({ email: team.emails.codir, password: TEST_PASSWORD }),
    });

  beforeAll(async () => {
    stack = await startStack({
      listen: true,
      worker: false,
      // The API docs are off in production unless asked for: on here, to read the cookie's name there.
      env: { NODE_ENV: 'production', ADMIN_ORIGIN: PUBLIC_ORIGIN, API_DOCS: 'true' },
    });
    team = await insertTeam(stack.db);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('is Secure, HttpOnly, SameSite=Lax, named __Host- with path / and no Domain', async () => {
    const response = await login();
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(
      /^__Host-capacites_session=[\w-]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('authenticates with that name only, and clears it (Secure, path /) on logout', async () => {
    const pair = (await login()).headers.getSetCookie()[0].split(';')[0];
    const value = pair.slice(pair.indexOf('=') + 1);
    const me = (cookie: string) => fetch(url('/api/auth/me'), { headers: { Cookie: cookie } });
    expect((await me(pair)).status).toBe(200);
    // The plain name (what a sibling sub-domain or plain HTTP could set) is not read.
    expect((await me(`capacites_session=${value}`)).status).toBe(401);
    const logout = await fetch(url('/api/auth/logout'), {
      method: 'POST',
      headers: { Cookie: pair, Origin: PUBLIC_ORIGIN, 'X-Capacites-Csrf': '1' },
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(
      /^__Host-capacites_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect((await me(pair)).status).toBe(401);
  });

  it('names the cookie in the OpenAPI document', async () => {
    const document = (await (await fetch(url('/api/docs/openapi.json'))).json()) as {
      components: { securitySchemes: { session: { name: string } } };
    };
    expect(document.components.securitySchemes.session.name).toBe('__Host-capacites_session');
  });
});
