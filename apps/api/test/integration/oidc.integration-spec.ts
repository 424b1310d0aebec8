import { Logger, type LoggerService } from '@nestjs/common';
import request from 'supertest';
import { SessionEntity, UserEntity } from '@capacites/persistence';
import { PROCONNECT_SCOPES } from '../../src/config/api.config';
import { Browser, type Page } from '../support/browser';
import { insertAdmin, insertTeam, TEST_PASSWORD, type Team } from '../support/fixtures';
import { anonymous, login, type ApiClient } from '../support/http';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startStack, type TestStack } from '../support/stack';

// Where the back-office and the API are published (a reverse proxy in production): the
// callback registered at the provider is there, and the test browser maps it to the API.
const PUBLIC_ORIGIN = 'http://capacites.localhost';
const CALLBACK = `${PUBLIC_ORIGIN}/api/auth/oidc/callback`;
const CLIENT = {
  clientId: 'capacites-test',
  clientSecret: 'un-secret-partage-avec-le-fournisseur',
  redirectUri: CALLBACK,
  postLogoutRedirectUri: `${PUBLIC_ORIGIN}/`,
};

/** Collects what the API logs (Nest Logger), to check events and that no token leaks. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown) {
    this.lines.push(String(message));
  }
  warn(message: unknown) {
    this.lines.push(String(message));
  }
  error(message: unknown) {
    this.lines.push(String(message));
  }
  events(): Record<string, unknown>[] {
    return this.lines.flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as unknown;
        return parsed && typeof parsed === 'object' ? [parsed as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
  }
}

const sessionCookieSet = (page: Page) =>
  page.setCookies.some((cookie) => /^capacites_session=[^;]+/.test(cookie));

describe('OpenID Connect login (ProConnect) against a real provider', () => {
  let provider: TestOidcProvider;
  let stack: TestStack;
  let team: Team;
  let admin: ApiClient;
  const logs = new CapturingLogger();

  beforeAll(async () => {
    provider = await startOidcProvider(CLIENT);
    stack = await startStack({
      listen: true,
      worker: false,
      env: {
        ADMIN_ORIGIN: PUBLIC_ORIGIN,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT.clientId,
        OIDC_CLIENT_SECRET: CLIENT.clientSecret,
        OIDC_REDIRECT_URI: CLIENT.redirectUri,
        OIDC_POST_LOGOUT_REDIRECT_URI: CLIENT.postLogoutRedirectUri,
      },
    });
    // The stack's app logs nowhere; its Logger instances write to the global logger.
    Logger.overrideLogger(logs);
    team = await insertTeam(stack.db);
    // The platform admin marks the HR agent's account for ProConnect (the provider, like
    // ProConnect, does not assert email_verified): its first login through it links it.
    admin = await login(stack.app, (await insertAdmin(stack.db, team.organization.id)).email);
    await admin.put(`/api/users/${team.hr}`).send({ oidcAllowed: true }).expect(200);
    // The provider knows the HR agent under an upper-case email: matching ignores case.
    provider.accounts.set('camille', {
      email: team.emails.hr.toUpperCase(),
      given_name: 'Camille',
      usual_name: 'Martin',
      uid: 'c-42',
      siret: '21440109300015',
    });
    provider.accounts.set('inconnu', { email: 'agent.inconnu@exemple.gouv.fr', given_name: 'Dominique' });
  });

  afterAll(async () => {
    Logger.overrideLogger(false);
    await stack?.close();
    await provider?.close();
  });

  afterEach(() => {
    provider.tampering.idToken = undefined;
    provider.tampering.userinfo = undefined;
  });

  const newBrowser = () => new Browser({ [PUBLIC_ORIGIN]: stack.baseUrl });

  /** Why the last callback was refused, as logged. */
  const lastRefusalEvent = () =>
    logs
      .events()
      .filter((e) => e.event === 'oidc_callback_refused')
      .at(-1);
  const lastRefusal = () => String(lastRefusalEvent()?.cause);

  /**
   * From the back-office's button to the provider's redirect back to the API, logging in
   * and consenting on the provider's own pages; the redirect to the callback is returned,
   * not followed.
   */
  async function authorize(browser: Browser, login: string): Promise<URL> {
    let page = await browser.get(`${PUBLIC_ORIGIN}/api/auth/oidc/login`);
    for (let hop = 0; hop < 12; hop += 1) {
      if (page.location?.href.startsWith(`${CALLBACK}?`)) return page.location;
      if (page.location) page = await browser.get(page.location);
      else if (page.body.includes('name="prompt" value="login"'))
        page = await browser.submit(page, { login, password: 'mot-de-passe-du-fournisseur' });
      else if (page.body.includes('name="prompt" value="consent"')) page = await browser.submit(page);
      else throw new Error(`unexpected ${page.status} at ${page.url.href}: ${page.body.slice(0, 500)}`);
    }
    throw new Error('too many redirects');
  }

  async function loginThroughProvider(login: string): Promise<{ browser: Browser; page: Page }> {
    const browser = newBrowser();
    const page = await browser.get(await authorize(browser, login));
    return { browser, page };
  }

  it('tells the login page that ProConnect is offered, under its label', async () => {
    const providers = await anonymous(stack.app).get('/api/auth/providers').expect(200);
    expect(providers.body).toEqual({
      password: { enabled: true },
      oidc: { enabled: true, label: 'ProConnect', loginUrl: '/api/auth/oidc/login' },
    });
  });

  it('says OIDC is off, and has no OIDC routes, when OIDC_ISSUER is unset', async () => {
    const plain = await startStack({ worker: false });
    try {
      const providers = await anonymous(plain.app).get('/api/auth/providers').expect(200);
      expect(providers.body).toEqual({ password: { enabled: true }, oidc: { enabled: false } });
      await anonymous(plain.app).get('/api/auth/oidc/login').expect(404);
      await anonymous(plain.app).get('/api/auth/oidc/callback?code=x&state=y').expect(404);
    } finally {
      await plain.close();
      // Each app set the global logger when it started.
      Logger.overrideLogger(logs);
    }
  });

  it('sends the browser to the provider with PKCE, state, nonce and the ProConnect scopes', async () => {
    const browser = newBrowser();
    const page = await browser.get(`${PUBLIC_ORIGIN}/api/auth/oidc/login`);
    expect(page.status).toBe(302);
    const authorization = page.location as URL;
    expect(`${authorization.origin}${authorization.pathname}`).toBe(`${provider.issuer}/auth`);
    const params = Object.fromEntries(authorization.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: CLIENT.clientId,
      redirect_uri: CALLBACK,
      scope: PROCONNECT_SCOPES,
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/^[\w-]{20,}$/);
    expect(params.nonce).toMatch(/^[\w-]{20,}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    // State, nonce and verifier travel in an encrypted, HttpOnly, short-lived cookie only.
    const flowCookie = page.setCookies.find((cookie) => cookie.startsWith('capacites_oidc_flow='));
    expect(flowCookie).toMatch(/; Max-Age=600; Path=\/api\/auth\/oidc; .*HttpOnly; SameSite=Lax/);
    expect(flowCookie).not.toContain(params.state);
    expect(flowCookie).not.toContain(params.nonce);
  });

  it('logs in the existing user with the email asserted by the provider, whatever its case', async () => {
    const { browser, page } = await loginThroughProvider('camille');
    expect(page.status).toBe(302);
    expect(page.location?.href).toBe(`${PUBLIC_ORIGIN}/`);
    const sessionCookie = page.setCookies.find((cookie) => cookie.startsWith('capacites_session='));
    expect(sessionCookie).toMatch(
      /^capacites_session=[^;]+; Path=\/api; Expires=.+; HttpOnly; SameSite=Lax$/,
    );
    // The flow cookie is single-use.
    expect(page.setCookies.some((cookie) => /^capacites_oidc_flow=;/.test(cookie))).toBe(true);

    const me = await browser.get(`${PUBLIC_ORIGIN}/api/auth/me`);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({
      email: team.emails.hr,
      memberships: [{ organizationId: team.organization.id, role: 'hr' }],
    });
    // ProConnect-like: the email came from a signed userinfo JWT, whose signature was checked.
    expect(provider.userinfoContentTypes).toContain('application/jwt');
    const session = await stack.db
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .addSelect('s.idToken')
      .where('s.user_id = :id', { id: team.hr })
      .orderBy('s.created_at', 'DESC')
      .getOneOrFail();
    expect(session.idToken).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('refuses an unknown email and creates nobody', async () => {
    const usersBefore = await stack.db.getRepository(UserEntity).count();
    const { browser, page } = await loginThroughProvider('inconnu');
    expect(page.status).toBe(302);
    expect(page.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_unknown_user`);
    expect(sessionCookieSet(page)).toBe(false);
    expect((await browser.get(`${PUBLIC_ORIGIN}/api/auth/me`)).status).toBe(401);
    expect(await stack.db.getRepository(UserEntity).count()).toBe(usersBefore);
  });

  it('refuses a disabled user like an unknown one', async () => {
    await stack.db.getRepository(UserEntity).update({ id: team.participant }, { disabledAt: new Date() });
    provider.accounts.set('desactive', { email: team.emails.participant });
    const { page } = await loginThroughProvider('desactive');
    expect(page.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_unknown_user`);
    expect(sessionCookieSet(page)).toBe(false);
  });

  describe('linking by (issuer, subject), not by email', () => {
    const linkOf = (id: string) => stack.db.getRepository(UserEntity).findOneByOrFail({ id });

    it("links the account on its first login, to the provider's issuer and subject, audited", async () => {
      expect((await loginThroughProvider('camille')).page.location?.href).toBe(`${PUBLIC_ORIGIN}/`);
      expect(await linkOf(team.hr)).toMatchObject({
        oidcIssuer: provider.issuer,
        oidcSubject: 'camille',
        oidcLinkedAt: expect.any(Date),
      });
      const [audit] = await stack.db.query(
        `SELECT event, actor_id, details FROM audit_events WHERE event = 'user.oidcLinked' AND actor_id = $1`,
        [team.hr],
      );
      expect(audit.details).toEqual({
        userId: team.hr,
        issuer: provider.issuer,
        because: 'allowed_by_admin',
      });
      const user = await admin.get(`/api/users/${team.hr}`).expect(200);
      expect(user.body).toMatchObject({ oidcAllowed: true, oidcLinked: true });
    });

    it('refuses a reassigned mailbox: same email, another subject (takeover attempt)', async () => {
      await loginThroughProvider('camille');
      // The mailbox of the HR agent now belongs to someone else at the provider.
      provider.accounts.set('successeur', { email: team.emails.hr, given_name: 'Dominique' });
      const { browser, page } = await loginThroughProvider('successeur');
      expect(page.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_subject_mismatch`);
      expect(sessionCookieSet(page)).toBe(false);
      expect((await browser.get(`${PUBLIC_ORIGIN}/api/auth/me`)).status).toBe(401);
      // Even asserting the email verified changes nothing once the account is linked.
      provider.accounts.set('successeur-verifie', { email: team.emails.hr, email_verified: true });
      const verified = await loginThroughProvider('successeur-verifie');
      expect(verified.page.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_subject_mismatch`);
      expect(sessionCookieSet(verified.page)).toBe(false);
      expect((await linkOf(team.hr)).oidcSubject).toBe('camille');
      expect(logs.events()).toContainEqual(
        expect.objectContaining({ event: 'oidc_subject_mismatch', sub: 'successeur' }),
      );
    });

    it('opens the linked account by its subject even when the provider reports another email', async () => {
      const account = provider.accounts.get('camille');
      provider.accounts.set('camille', { ...account, email: 'camille.martin@nouvelle-adresse.gouv.fr' });
      try {
        const { browser, page } = await loginThroughProvider('camille');
        expect(page.location?.href).toBe(`${PUBLIC_ORIGIN}/`);
        const me = await browser.get(`${PUBLIC_ORIGIN}/api/auth/me`);
        expect(JSON.parse(me.body)).toMatchObject({ email: team.emails.hr });
      } finally {
        provider.accounts.set('camille', account as NonNullable<typeof account>);
      }
    });

    it('does not link an account the admin did not mark, unless the provider asserts a verified email', async () => {
      provider.accounts.set('codir', { email: team.emails.codir });
      const refused = await loginThroughProvider('codir');
      expect(refused.page.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_link_not_allowed`);
      expect(sessionCookieSet(refused.page)).toBe(false);
      expect((await linkOf(team.codir)).oidcSubject).toBeNull();

      provider.accounts.set('codir-verifie', { email: team.emails.codir, email_verified: true });
      const linked = await loginThroughProvider('codir-verifie');
      expect(linked.page.location?.href).toBe(`${PUBLIC_ORIGIN}/`);
      expect((await linkOf(team.codir)).oidcSubject).toBe('codir-verifie');
      // From now on, only that subject.
      expect((await loginThroughProvider('codir')).page.location?.href).toBe(
        `${PUBLIC_ORIGIN}/#/login?error=oidc_subject_mismatch`,
      );
    });

    it('lets the admin forget a link, so that the new holder of the identity can be linked', async () => {
      await admin.put(`/api/users/${team.sponsor}`).send({ oidcAllowed: true }).expect(200);
      provider.accounts.set('parrain', { email: team.emails.sponsor });
      expect((await loginThroughProvider('parrain')).page.location?.href).toBe(`${PUBLIC_ORIGIN}/`);
      provider.accounts.set('parrain-2', { email: team.emails.sponsor });
      expect((await loginThroughProvider('parrain-2')).page.location?.href).toBe(
        `${PUBLIC_ORIGIN}/#/login?error=oidc_subject_mismatch`,
      );
      const unlinked = await admin.put(`/api/users/${team.sponsor}`).send({ oidcUnlink: true }).expect(200);
      expect(unlinked.body).toMatchObject({ oidcLinked: false });
      expect((await loginThroughProvider('parrain-2')).page.location?.href).toBe(`${PUBLIC_ORIGIN}/`);
      expect((await linkOf(team.sponsor)).oidcSubject).toBe('parrain-2');
    });
  });

  it('refuses a callback whose state was tampered with', async () => {
    const browser = newBrowser();
    const callback = await authorize(browser, 'camille');
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const page = await browser.get(callback);
    expect(page.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_failed`);
    expect(sessionCookieSet(page)).toBe(false);
  });

  it('refuses a callback without the flow cookie of the browser that started the login', async () => {
    const callback = await authorize(newBrowser(), 'camille');
    // Login CSRF: the victim's browser receives the attacker's callback.
    const page = await newBrowser().get(callback);
    expect(page.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_expired`);
    expect(sessionCookieSet(page)).toBe(false);
  });

  it('refuses a replayed callback, even with a copy of the flow cookie', async () => {
    const browser = newBrowser();
    const callback = await authorize(browser, 'camille');
    const flowCookie = browser.cookie(PUBLIC_ORIGIN, 'capacites_oidc_flow') as string;
    expect(flowCookie).toBeDefined();
    const first = await browser.get(callback);
    expect(first.location?.href).toBe(`${PUBLIC_ORIGIN}/`);

    // The same browser again: the flow cookie was cleared by the first callback.
    const again = await browser.get(callback);
    expect(again.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_expired`);
    expect(sessionCookieSet(again)).toBe(false);
    // An attacker holding the URL and the cookie: the provider takes a code only once.
    const attacker = newBrowser();
    attacker.setCookie(PUBLIC_ORIGIN, 'capacites_oidc_flow', flowCookie, '/api/auth/oidc');
    const replay = await attacker.get(callback);
    expect(replay.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_failed`);
    expect(sessionCookieSet(replay)).toBe(false);
    expect(lastRefusalEvent()).toMatchObject({ providerError: 'invalid_grant' });
  });

  it('refuses ID tokens for another audience, from another issuer, or not signed by the provider', async () => {
    // Control: the provider's own key and unchanged claims pass, so the tampering hook is sound.
    provider.tampering.idToken = (jwt) => provider.resign(jwt, {});
    expect((await loginThroughProvider('camille')).page.location?.href).toBe(`${PUBLIC_ORIGIN}/`);

    // Each refused for the check it defeats (openid-client's reason, as logged).
    const cases: [string, (jwt: string) => Promise<string>, RegExp][] = [
      ['another audience', (jwt) => provider.resign(jwt, { aud: 'another-client' }), /"aud" \(audience\)/],
      [
        'another issuer',
        (jwt) => provider.resign(jwt, { iss: 'https://usurpateur.example' }),
        /"iss" \(issuer\)/,
      ],
      ['another key', (jwt) => provider.resign(jwt, {}, 'stranger'), /signature verification failed/],
      ['another nonce', (jwt) => provider.resign(jwt, { nonce: 'rejoue' }), /"nonce" claim/],
      ['expired', (jwt) => provider.resign(jwt, { exp: Math.floor(Date.now() / 1000) - 3600 }), /"exp"/],
    ];
    for (const [name, tamper, reason] of cases) {
      provider.tampering.idToken = tamper;
      const { page } = await loginThroughProvider('camille');
      expect([name, page.location?.href]).toEqual([name, `${PUBLIC_ORIGIN}/#/login?error=oidc_failed`]);
      expect(sessionCookieSet(page)).toBe(false);
      expect([name, lastRefusal()]).toEqual([name, expect.stringMatching(reason)]);
    }
  });

  it('refuses a userinfo answer not signed by the provider, or about someone else', async () => {
    const cases: [(jwt: string) => Promise<string>, RegExp][] = [
      [(jwt) => provider.resign(jwt, {}, 'stranger'), /signature verification failed/],
      [(jwt) => provider.resign(jwt, { sub: 'inconnu' }), /"sub"/],
    ];
    for (const [tamper, reason] of cases) {
      provider.tampering.userinfo = tamper;
      const { page } = await loginThroughProvider('camille');
      expect(page.location?.href).toBe(`${PUBLIC_ORIGIN}/#/login?error=oidc_failed`);
      expect(sessionCookieSet(page)).toBe(false);
      expect(lastRefusal()).toMatch(reason);
    }
  });

  it('logs out at the provider too: the logout answers its end-session URL with the ID token', async () => {
    const { browser } = await loginThroughProvider('camille');
    const session = await stack.db
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .addSelect('s.idToken')
      .where('s.user_id = :id', { id: team.hr })
      .orderBy('s.created_at', 'DESC')
      .getOneOrFail();

    // As the back-office sends it: its origin and the CSRF header.
    const logout = await browser.post(`${PUBLIC_ORIGIN}/api/auth/logout`, undefined, {
      Origin: PUBLIC_ORIGIN,
      'X-Capacites-Csrf': '1',
    });
    expect(logout.status).toBe(200);
    const logoutUrl = new URL((JSON.parse(logout.body) as { logoutUrl: string }).logoutUrl);
    expect(`${logoutUrl.origin}${logoutUrl.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(Object.fromEntries(logoutUrl.searchParams)).toEqual({
      id_token_hint: session.idToken,
      post_logout_redirect_uri: CLIENT.postLogoutRedirectUri,
      state: expect.stringMatching(/^[\w-]{20,}$/),
      client_id: CLIENT.clientId,
    });
    expect((await browser.get(`${PUBLIC_ORIGIN}/api/auth/me`)).status).toBe(401);

    // The provider accepts it: confirm, and it sends the browser back with the state.
    const confirm = await browser.get(logoutUrl);
    expect(confirm.status).toBe(200);
    const done = await browser.submit(confirm, { logout: 'yes' }, 'op.logoutForm');
    expect(done.location?.href).toBe(
      `${CLIENT.postLogoutRedirectUri}?state=${logoutUrl.searchParams.get('state')}`,
    );
    // The provider's session is over: logging in again asks for the login again.
    const relogin = await browser.get(
      (await browser.get(`${PUBLIC_ORIGIN}/api/auth/oidc/login`)).location as URL,
    );
    const interaction = await browser.get(relogin.location as URL);
    expect(interaction.body).toContain('name="prompt" value="login"');
  });

  it('keeps the plain logout (204, nothing to follow) for password sessions', async () => {
    const agent = request.agent(stack.app.getHttpServer());
    await agent
      .post('/api/auth/login')
      .send({ email: team.emails.codir, password: TEST_PASSWORD })
      .expect(200);
    const logout = await agent.post('/api/auth/logout').set('X-Capacites-Csrf', '1').expect(204);
    expect(logout.text).toBe('');
    await agent.get('/api/auth/me').expect(401);
  });

  it('logs logins, unknown users and state mismatches, and never a token', async () => {
    logs.lines.length = 0;
    const { browser } = await loginThroughProvider('camille');
    await loginThroughProvider('inconnu');
    const mismatchBrowser = newBrowser();
    const tampered = await authorize(mismatchBrowser, 'camille');
    tampered.searchParams.set('state', 'forged');
    await mismatchBrowser.get(tampered);

    const events = logs.events();
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'oidc_login', userId: team.hr, sub: 'camille' }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'oidc_unknown_user', sub: 'inconnu', emailDomain: 'exemple.gouv.fr' }),
    );
    expect(events).toContainEqual(expect.objectContaining({ event: 'oidc_state_mismatch' }));
    // No token, code, or cookie value in any line, nor the unknown user's address.
    const secrets = [
      ...provider.issuedTokens,
      tampered.searchParams.get('code') as string,
      browser.cookie(PUBLIC_ORIGIN, 'capacites_session') as string,
      'agent.inconnu@',
    ];
    expect(provider.issuedTokens.length).toBeGreaterThan(0);
    for (const line of logs.lines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
      expect(line).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
  });
});
