import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { insertAdmin, insertTeam, TEST_PASSWORD, type Team } from '../support/fixtures';
import { bearerToken } from '../support/http';
import { LogCapture, type LogRecord } from '../support/log-capture';
import { startStack, type TestStack } from '../support/stack';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Request ids and JSON logs', () => {
  let stack: TestStack;
  let team: Team;
  const logs = new LogCapture();
  const http = () => request(stack.app.getHttpServer());
  /** The access log line of a request, written once it has been answered. */
  const accessLine = (requestId: string) =>
    logs.waitFor(`request ${requestId}`, (r) => r.reqId === requestId && typeof r.responseTime === 'number');

  beforeAll(async () => {
    stack = await startStack({ worker: false, logs });
    team = await insertTeam(stack.db);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("echoes a sane incoming X-Request-Id and writes every line of the request under it, Nest's own included", async () => {
    const id = `lb-${randomUUID()}.1_a`;
    const response = await http().get('/api/auth/me').set('X-Request-Id', id).expect(401);
    expect(response.headers['x-request-id']).toBe(id);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', requestId: id });

    const access = await accessLine(id);
    expect(access).toMatchObject({
      level: 'warn',
      message: 'GET /api/auth/me 401',
      req: { method: 'GET', url: '/api/auth/me' },
      res: { statusCode: 401 },
    });
    // The session guard's `new Logger('Auth').warn(...)`, through pino, in the request's context.
    const guardLine = logs.records().find((r) => r.reqId === id && r.context === 'Auth');
    expect(guardLine).toMatchObject({
      level: 'warn',
      message: expect.stringContaining('unauthenticated_request'),
    });
    expect(guardLine).toHaveProperty('timestamp');
  });

  it('gives a UUID to a request that comes without an id, or with one that is not a sane token', async () => {
    for (const incoming of [undefined, 'x'.repeat(129), 'two words', '{"level":"fatal"}']) {
      const call = http().get('/api/auth/me');
      const response = await (incoming === undefined ? call : call.set('X-Request-Id', incoming));
      const id = response.headers['x-request-id'] as string;
      expect(id).toMatch(UUID);
      expect(id).not.toBe(incoming);
      await accessLine(id);
    }
  });

  it('puts the request id in error answers, also for a body refused before any route runs', async () => {
    const response = await http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'malformed-1')
      .send('{"email":')
      .expect(400);
    expect(response.body).toMatchObject({ code: 'MALFORMED_JSON', requestId: 'malformed-1' });
    expect(await accessLine('malformed-1')).toMatchObject({ message: 'POST /api/auth/login 400' });
  });

  it('names the signed-in user on the line of each request', async () => {
    const token = (
      await http()
        .post('/api/auth/token')
        .send({ email: team.emails.pilot, password: TEST_PASSWORD })
        .expect(200)
    ).body.token as string;
    const response = await http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(await accessLine(response.headers['x-request-id'] as string)).toMatchObject({
      userId: team.pilot,
      res: { statusCode: 200 },
    });
  });

  it('never writes a password, a token or a session cookie', async () => {
    const secrets: string[] = [TEST_PASSWORD];
    const ids: string[] = [];
    const send = async (test: request.Test) => {
      const response = await test;
      ids.push(response.headers['x-request-id'] as string);
      return response;
    };

    const login = await send(
      http().post('/api/auth/login').send({ email: team.emails.hr, password: TEST_PASSWORD }).expect(200),
    );
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    secrets.push(cookie.split('=')[1]);
    const withCookie = await send(http().get('/api/auth/me').set('Cookie', cookie).expect(200));

    const token = (
      await send(
        http()
          .post('/api/auth/token')
          .send({ email: team.emails.codir, password: TEST_PASSWORD })
          .expect(200),
      )
    ).body.token as string;
    secrets.push(token);
    const withBearer = await send(
      http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200),
    );

    const wrong = `faux-${randomUUID()}`;
    secrets.push(wrong);
    await send(http().post('/api/auth/login').send({ email: team.emails.hr, password: wrong }).expect(401));

    const inBrokenJson = `brise-${randomUUID()}`;
    secrets.push(inBrokenJson);
    await send(
      http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"email":"${team.emails.hr}","password":"${inBrokenJson}"`)
        .expect(400),
    );

    const inQuery = `url-${randomUUID()}`;
    secrets.push(inQuery);
    await send(
      http()
        .post(`/api/auth/login?password=${inQuery}`)
        .send({ email: team.emails.hr, password: wrong })
        .expect(401),
    );

    const newPassword = `nouveau-${randomUUID()}`;
    secrets.push(newPassword);
    await send(
      http()
        .post('/api/auth/password')
        .set('Cookie', cookie)
        .send({ currentPassword: TEST_PASSWORD, newPassword })
        .expect(204),
    );

    const lines: LogRecord[] = [];
    for (const id of ids) lines.push(await accessLine(id));
    for (const secret of secrets) expect(logs.text()).not.toContain(secret);
    // Redacted, rather than merely absent: the credentials were sent and are masked.
    expect(lines[0]).toMatchObject({ res: { headers: { 'set-cookie': '[Redacted]' } } });
    expect(lines[ids.indexOf(withCookie.headers['x-request-id'] as string)]).toMatchObject({
      req: { headers: { cookie: '[Redacted]' } },
    });
    expect(lines[ids.indexOf(withBearer.headers['x-request-id'] as string)]).toMatchObject({
      req: { headers: { authorization: '[Redacted]' } },
    });
    expect(logs.text()).toContain('/api/auth/login?password=[Redacted]');
  });

  it('logs authentication events and refused authorisations, with who and from where', async () => {
    /** The `Auth` line of this event written while handling the request (found by its id). */
    const event = async (name: string, response: request.Response) => {
      const reqId = response.headers['x-request-id'] as string;
      const line = await logs.waitFor(
        `${name} of ${reqId}`,
        (r) => r.reqId === reqId && r.context === 'Auth' && String(r.message).includes(`"event":"${name}"`),
      );
      return JSON.parse(String(line.message)) as Record<string, unknown>;
    };

    const failed = await http()
      .post('/api/auth/login')
      .send({ email: team.emails.sponsor, password: 'mauvais' })
      .expect(401);
    expect(await event('login_failed', failed)).toMatchObject({ from: expect.any(String) });

    const opened = await http()
      .post('/api/auth/token')
      .send({ email: team.emails.participant, password: TEST_PASSWORD })
      .expect(200);
    expect(await event('login', opened)).toMatchObject({ method: 'password', userId: team.participant });
    const token = opened.body.token as string;

    // A participant may not frame a test: refused (403), and logged as such.
    const refused = await http()
      .post('/api/experiments')
      .set('Authorization', `Bearer ${token}`)
      .send({ organizationId: team.organization.id, title: 'Pas pour moi' })
      .expect(403);
    const refusal = await logs.waitFor(
      'access_refused',
      (r) => r.event === 'access_refused' && r.reqId === refused.headers['x-request-id'],
    );
    expect(refusal).toMatchObject({
      level: 'warn',
      context: 'Auth',
      code: 'FORBIDDEN',
      method: 'POST',
      path: '/api/experiments',
      userId: team.participant,
    });

    const anonymous = await http().get('/api/auth/me').set('Authorization', 'Bearer inconnu').expect(401);
    expect(await event('unauthenticated_request', anonymous)).toMatchObject({ from: expect.any(String) });
    const logout = await http().post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    expect(await event('logout', logout)).toMatchObject({ sessionId: expect.any(String) });
  });

  it('never returns or logs a password an administrator sets for a user', async () => {
    const admin = await insertAdmin(stack.db, team.organization.id);
    // Through both steps: a platform admin enrols a second factor first.
    const token = await bearerToken(stack.app, admin.email);
    const password = `initial-${randomUUID()}`;
    const created = await http()
      .post('/api/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ email: `nouvelle-${randomUUID().slice(0, 8)}@a.test`, displayName: 'Nouvelle', password })
      .expect(201);
    const changed = `change-${randomUUID()}`;
    const updated = await http()
      .put(`/api/users/${created.body.id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ password: changed })
      .expect(200);
    for (const response of [created, updated]) {
      expect(response.text).not.toMatch(/password|argon2/i);
      await accessLine(response.headers['x-request-id'] as string);
    }
    expect(logs.text()).not.toContain(password);
    expect(logs.text()).not.toContain(changed);
    expect(logs.text()).not.toMatch(/\$argon2/);
  });
});
