import type { INestApplication } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import request from 'supertest';
import { loadApiConfig } from '../../src/config/api.config';
import { createApiApp } from '../../src/create-app';
import { insertAdmin, insertTeam, TEST_PASSWORD, type Team } from '../support/fixtures';
import { bearerToken, login } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

/**
 * Counters live in fixed windows (a minute per client, LOGIN_ACCOUNT_WINDOW_MINUTES per
 * account): a sequence that must fall in one window starts early enough in it.
 */
async function earlyInWindow(windowMs: number, marginMs = 20_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

const code = (secret: string, at = Date.now()) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: at,
  });

describe('Login limits in PostgreSQL, shared by every API process (issue 12, item 7)', () => {
  let stack: TestStack;
  let second: INestApplication;
  let direct: INestApplication;
  let team: Team;
  const LIMITS = {
    LOGIN_ATTEMPTS_PER_MINUTE: '4',
    LOGIN_ATTEMPTS_PER_ACCOUNT: '3',
    LOGIN_ACCOUNT_WINDOW_MINUTES: '15',
  };

  beforeAll(async () => {
    stack = await startStack({ worker: false, env: { ...LIMITS, TRUST_PROXY_HOPS: '1' } });
    // A second API process on the same database, as behind a load balancer.
    second = await createApiApp(loadApiConfig({ ...stack.env, LOG_LEVEL: 'silent', TRUST_PROXY_HOPS: '1' }));
    await second.init();
    // One without a trusted proxy (the default): X-Forwarded-For is the client's to write.
    direct = await createApiApp(loadApiConfig({ ...stack.env, LOG_LEVEL: 'silent', TRUST_PROXY_HOPS: '0' }));
    await direct.init();
    team = await insertTeam(stack.db);
  });

  afterAll(async () => {
    await direct?.close();
    await second?.close();
    await stack?.close();
  });

  const attempt = (
    app: INestApplication,
    from: string,
    body: { email: string; password: string },
    route = '/api/auth/login',
  ) => request(app.getHttpServer()).post(route).set('X-Forwarded-For', from).send(body);

  it('counts one budget per client across two API processes', async () => {
    await earlyInWindow(60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      // Unknown accounts: only the client's budget is at stake.
      const app = i % 2 === 0 ? stack.app : second;
      statuses.push(
        (await attempt(app, '203.0.113.10', { email: `inconnu${i}@x.test`, password: 'x' })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const refused = await attempt(second, '203.0.113.10', { email: team.emails.hr, password: TEST_PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not concerned.
    await attempt(stack.app, '203.0.113.11', { email: team.emails.hr, password: TEST_PASSWORD }).expect(200);
  });

  it('lets /auth/token draw on the same budget as /auth/login', async () => {
    await earlyInWindow(60_000);
    const from = '203.0.113.20';
    // A different unknown account each time: only the client's budget is at stake.
    const body = (i: number) => ({ email: `personne${i}@x.test`, password: 'x' });
    await attempt(stack.app, from, body(1), '/api/auth/token').expect(401);
    await attempt(second, from, body(2), '/api/auth/login').expect(401);
    await attempt(stack.app, from, body(3), '/api/auth/token').expect(401);
    await attempt(second, from, body(4), '/api/auth/login').expect(401);
    await attempt(stack.app, from, body(5), '/api/auth/token').expect(429);
  });

  it('counts failures per account from every client and process, and refuses even the right password then', async () => {
    await earlyInWindow(15 * 60_000);
    for (const [i, app] of [stack.app, second, stack.app].entries()) {
      await attempt(app, `198.51.100.${i + 1}`, { email: team.emails.codir, password: 'mauvais' }).expect(
        401,
      );
    }
    const locked = await attempt(second, '198.51.100.99', {
      email: team.emails.codir,
      password: TEST_PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    // Other accounts log in as usual.
    await attempt(second, '198.51.100.99', { email: team.emails.pilot, password: TEST_PASSWORD }).expect(200);
  });

  it("forgets an account's failures after a successful login", async () => {
    await earlyInWindow(15 * 60_000);
    const email = team.emails.sponsor;
    await attempt(stack.app, '192.0.2.1', { email, password: 'mauvais' }).expect(401);
    await attempt(stack.app, '192.0.2.2', { email, password: 'mauvais' }).expect(401);
    await attempt(stack.app, '192.0.2.3', { email, password: TEST_PASSWORD }).expect(200);
    await attempt(stack.app, '192.0.2.4', { email, password: 'mauvais' }).expect(401);
    await attempt(stack.app, '192.0.2.5', { email, password: 'mauvais' }).expect(401);
    await attempt(stack.app, '192.0.2.6', { email, password: TEST_PASSWORD }).expect(200);
  });

  it('reads the client from X-Forwarded-For only through the configured proxy hops', async () => {
    // One trusted hop: the address the proxy appended (the last one), not what the client wrote.
    const statuses: number[] = [];
    await earlyInWindow(60_000);
    for (let i = 0; i < 5; i += 1) {
      const response = await request(stack.app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', `10.9.9.${i}, 203.0.113.30`)
        .send({ email: `quelquun${i}@x.test`, password: 'x' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);

    // No trusted proxy (TRUST_PROXY_HOPS=0): inventing addresses does not escape the budget.
    let limitedAfter = 0;
    for (let i = 1; i <= 9 && limitedAfter === 0; i += 1) {
      const response = await request(direct.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', `10.8.8.${i}`)
        .send({ email: `autre${i}@x.test`, password: 'x' });
      if (response.status === 429) limitedAfter = i;
    }
    // At most the budget plus one, wherever the minute's window began.
    expect(limitedAfter).toBeGreaterThan(0);
  });
});

describe('Common passwords and the TOTP second factor', () => {
  let stack: TestStack;
  let team: Team;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    team = await insertTeam(stack.db);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const http = () => request(stack.app.getHttpServer());
  const withToken = (test: request.Test, token: string) => test.set('Authorization', `Bearer ${token}`);
  const auditEvents = async (userId: string): Promise<string[]> =>
    (
      await stack.db.query(`SELECT event FROM audit_events WHERE actor_id = $1 ORDER BY occurred_at, id`, [
        userId,
      ])
    ).map((row: { event: string }) => row.event);

  it('refuses the most common passwords at password change and when an admin sets one', async () => {
    const participant = await login(stack.app, team.emails.participant);
    const refused = await participant
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'qwerty123456' })
      .expect(400);
    expect(refused.body.fields).toEqual([{ field: 'newPassword', message: expect.stringMatching(/common/) }]);
    const admin = await login(stack.app, (await insertAdmin(stack.db, team.organization.id)).email);
    const created = await admin
      .post('/api/users')
      .send({ email: 'commun@nantes.test', displayName: 'Commun', password: 'Password1234' })
      .expect(400);
    expect(created.body.fields).toEqual([{ field: 'password', message: expect.stringMatching(/common/) }]);
    await admin
      .post('/api/users')
      .send({ email: 'rare@nantes.test', displayName: 'Rare', password: 'cheval-agrafe-batterie' })
      .expect(201);
  });

  it('enrols from the profile, then asks the code at login; a code is accepted once', async () => {
    const email = team.emails.pilot;
    const token = await bearerToken(stack.app, email);
    const start = await withToken(http().post('/api/auth/totp/enrol'), token).expect(200);
    expect(start.body.uri).toMatch(
      /^otpauth:\/\/totp\/Capacit%C3%A9s:.+\?issuer=Capacit%C3%A9s&secret=[A-Z2-7]+/,
    );
    const secret = start.body.secret as string;
    const wrong = await withToken(http().post('/api/auth/totp/confirm'), token).send({ code: '000000' });
    expect(wrong.status).toBe(401);
    const confirmed = await withToken(http().post('/api/auth/totp/confirm'), token)
      .send({ code: code(secret) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    const me = await withToken(http().get('/api/auth/me'), token).expect(200);
    expect(me.body.totp).toEqual({ enabled: true, required: false, enrolmentRequired: false });

    // The password alone no longer opens a session: a pending login, no cookie.
    const first = await http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(first.body).toEqual({
      totpRequired: true,
      pendingToken: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(first.headers['set-cookie']).toBeUndefined();
    const next = code(secret, Date.now() + 30_000);
    const done = await http()
      .post('/api/auth/login/totp')
      .send({ pendingToken: first.body.pendingToken, code: next })
      .expect(200);
    expect(done.body).toMatchObject({ email });
    expect(done.headers['set-cookie'][0]).toMatch(/^capacites_session=/);
    // The same code again, for another login: refused (replay).
    const again = await http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const replay = await http()
      .post('/api/auth/login/totp')
      .send({ pendingToken: again.body.pendingToken, code: next })
      .expect(401);
    expect(replay.body.code).toBe('TOTP_INVALID');
    // The pending login is single use once it succeeded.
    await http()
      .post('/api/auth/login/totp')
      .send({ pendingToken: first.body.pendingToken, code: next })
      .expect(401);

    // A recovery code works once, and its use is audited.
    const recovery = confirmed.body.recoveryCodes[0] as string;
    const viaRecovery = await http()
      .post('/api/auth/token')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    const tokenAnswer = await http()
      .post('/api/auth/login/totp')
      .send({ pendingToken: viaRecovery.body.pendingToken, code: recovery.toUpperCase() })
      .expect(200);
    expect(tokenAnswer.body).toEqual({ token: expect.any(String), expiresAt: expect.any(String) });
    const reused = await http().post('/api/auth/token').send({ email, password: TEST_PASSWORD }).expect(200);
    await http()
      .post('/api/auth/login/totp')
      .send({ pendingToken: reused.body.pendingToken, code: recovery })
      .expect(401);

    // Disabling takes a code too; then the password alone works again.
    const later = tokenAnswer.body.token as string;
    await withToken(http().post('/api/auth/totp/disable'), later).send({ code: '123456' }).expect(401);
    await withToken(http().post('/api/auth/totp/disable'), later)
      .send({ code: confirmed.body.recoveryCodes[1] })
      .expect(204);
    const plain = await http().post('/api/auth/token').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(plain.body.token).toEqual(expect.any(String));
    expect(await auditEvents(team.pilot)).toEqual(
      expect.arrayContaining(['user.totpEnabled', 'user.recoveryCodeUsed', 'user.totpDisabled']),
    );
  });

  it('gives a pending login a few tries only', async () => {
    const email = team.emails.codir;
    const token = await bearerToken(stack.app, email);
    const secret = (await withToken(http().post('/api/auth/totp/enrol'), token).expect(200)).body
      .secret as string;
    await withToken(http().post('/api/auth/totp/confirm'), token)
      .send({ code: code(secret) })
      .expect(200);
    const pending = await http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    for (let i = 0; i < 5; i += 1) {
      await http()
        .post('/api/auth/login/totp')
        .send({ pendingToken: pending.body.pendingToken, code: '000000' })
        .expect(401);
    }
    const expired = await http()
      .post('/api/auth/login/totp')
      .send({ pendingToken: pending.body.pendingToken, code: code(secret, Date.now() + 30_000) })
      .expect(401);
    expect(expired.body.code).toBe('LOGIN_EXPIRED');
  });

  it('keeps a platform admin without second factor on the enrolment until enrolled, and never lets them turn it off', async () => {
    const admin = await insertAdmin(stack.db, team.organization.id);
    const first = await http()
      .post('/api/auth/token')
      .send({ email: admin.email, password: TEST_PASSWORD })
      .expect(200);
    const token = first.body.token as string;
    const me = await withToken(http().get('/api/auth/me'), token).expect(200);
    expect(me.body.totp).toEqual({ enabled: false, required: true, enrolmentRequired: true });
    const blocked = await withToken(http().get('/api/users'), token).expect(403);
    expect(blocked.body.code).toBe('TOTP_ENROLMENT_REQUIRED');
    await withToken(http().get('/api/experiments'), token).expect(403);
    // The enrolment, with the same session.
    const secret = (await withToken(http().post('/api/auth/totp/enrol'), token).expect(200)).body
      .secret as string;
    await withToken(http().post('/api/auth/totp/confirm'), token)
      .send({ code: code(secret) })
      .expect(200);
    await withToken(http().get('/api/users'), token).expect(200);
    const refused = await withToken(http().post('/api/auth/totp/disable'), token)
      .send({ code: code(secret, Date.now() + 30_000) })
      .expect(409);
    expect(refused.body.code).toBe('TOTP_REQUIRED_FOR_ADMIN');
    // From now on, the admin's logins ask for the code.
    const next = await http()
      .post('/api/auth/login')
      .send({ email: admin.email, password: TEST_PASSWORD })
      .expect(200);
    expect(next.body.totpRequired).toBe(true);
  });
});
