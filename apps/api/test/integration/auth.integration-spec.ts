import request from 'supertest';
import { SessionEntity } from '@capacites/persistence';
import { dateInDays, insertTeam, TEST_PASSWORD, type Team, type TeamRole } from '../support/fixtures';
import { loadApiConfig } from '../../src/config/api.config';
import { anonymous, login, loginTeam, readyDraft, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

describe('Authentication, roles and organisation isolation', () => {
  let stack: TestStack;
  let nantes: Team;
  let gironde: Team;
  let as: Record<TeamRole, ApiClient>;
  let outsider: Record<TeamRole, ApiClient>;
  let experimentId: string;

  beforeAll(async () => {
    stack = await startStack();
    nantes = await insertTeam(stack.db);
    gironde = await insertTeam(stack.db, {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      slug: 'gironde-auth',
      name: 'Gironde',
      kind: 'departement',
    });
    as = await loginTeam(stack.app, nantes);
    outsider = await loginTeam(stack.app, gironde);
    experimentId = await readyDraft(stack.app, as.hr, nantes, 'Pacte de micro-mobilité', 40);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses every route without a session (401), except health', async () => {
    const nobody = anonymous(stack.app);
    for (const url of [
      '/api/experiments',
      `/api/experiments/${experimentId}`,
      '/api/organizations',
      '/api/dashboard',
      '/api/auth/me',
    ]) {
      const response = await nobody.get(url).expect(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
    await nobody.post(`/api/experiments/${experimentId}/launch`).send({}).expect(401);
    await nobody.get('/api/health').expect(200);
  });

  it('answers the same for an unknown email and a wrong password, and never returns a password hash', async () => {
    const wrong = await anonymous(stack.app)
      .post('/api/auth/login')
      .send({ email: nantes.emails.hr, password: 'nope' })
      .expect(401);
    const unknown = await anonymous(stack.app)
      .post('/api/auth/login')
      .send({ email: 'personne@nulle.part', password: 'nope' })
      .expect(401);
    // Each answer has its own request id; nothing else may tell the two apart.
    expect({ ...wrong.body, requestId: undefined }).toEqual({ ...unknown.body, requestId: undefined });
    const ok = await anonymous(stack.app)
      .post('/api/auth/login')
      .send({ email: nantes.emails.hr, password: TEST_PASSWORD })
      .expect(200);
    expect(JSON.stringify(ok.body)).not.toMatch(/argon2|passwordHash|token/);
    expect(ok.headers['set-cookie'][0]).toMatch(
      /capacites_session=.+; Path=\/api; Expires=.+; HttpOnly; SameSite=Lax/,
    );
  });

  it('works with the session cookie, and revokes the session on logout', async () => {
    const agent = request.agent(stack.app.getHttpServer());
    await agent
      .post('/api/auth/login')
      .send({ email: nantes.emails.codir, password: TEST_PASSWORD })
      .expect(200);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({
      email: nantes.emails.codir,
      memberships: [{ organizationId: nantes.organization.id, role: 'codir' }],
    });
    // A bodiless POST with the cookie needs the back-office's header (CSRF, csrf.integration-spec).
    await agent.post('/api/auth/logout').expect(403);
    await agent.post('/api/auth/logout').set('X-Capacites-Csrf', '1').expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('revokes every session on password change', async () => {
    const first = await login(stack.app, nantes.emails.participant);
    const second = await login(stack.app, nantes.emails.participant);
    const short = await first
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'court' })
      .expect(400);
    expect(short.body.fields[0].field).toBe('newPassword');
    await first
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'un-nouveau-mot-de-passe' })
      .expect(204);
    await first.get('/api/auth/me').expect(401);
    await second.get('/api/auth/me').expect(401);
    as.participant = await login(stack.app, nantes.emails.participant, 'un-nouveau-mot-de-passe');
    await expect(login(stack.app, nantes.emails.participant)).rejects.toThrow(/401/);
  });

  it('ends a session after its absolute lifetime', async () => {
    const client = await login(stack.app, nantes.emails.sponsor);
    await client.get('/api/auth/me').expect(200);
    await stack.db
      .getRepository(SessionEntity)
      .createQueryBuilder()
      .update()
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('user_id = :id', { id: nantes.sponsor })
      .execute();
    await client.get('/api/auth/me').expect(401);
    as.sponsor = await login(stack.app, nantes.emails.sponsor);
  });

  it('ends a session after SESSION_IDLE_MINUTES without a request, and keeps an active one alive', async () => {
    const client = await login(stack.app, nantes.emails.codir);
    const sessions = stack.db.getRepository(SessionEntity);
    const [session] = await sessions.find({
      where: { userId: nantes.codir },
      order: { createdAt: 'DESC' },
      take: 1,
    });
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    // 29 minutes idle (default 30): still valid, and this request refreshes the idle timer.
    await sessions.update({ id: session.id }, { lastSeenAt: minutesAgo(29) });
    await client.get('/api/auth/me').expect(200);
    expect((await sessions.findOneByOrFail({ id: session.id })).lastSeenAt.getTime()).toBeGreaterThan(
      minutesAgo(1).getTime(),
    );
    // 31 minutes idle: over.
    await sessions.update({ id: session.id }, { lastSeenAt: minutesAgo(31) });
    await client.get('/api/auth/me').expect(401);
  });

  it('caps the absolute lifetime at 12 hours: a longer SESSION_MAX_HOURS stops the API at boot', () => {
    expect(loadApiConfig(stack.env).SESSION_MAX_HOURS).toBe(12);
    expect(() => loadApiConfig({ ...stack.env, SESSION_MAX_HOURS: '13' })).toThrow(/SESSION_MAX_HOURS/);
  });

  it('revokes a bearer token on logout', async () => {
    const client = await login(stack.app, nantes.emails.hr);
    await client.get('/api/auth/me').expect(200);
    await client.post('/api/auth/logout').expect(204);
    await client.get('/api/auth/me').expect(401);
  });

  it('hides one organisation from another: 404 on reads and actions, nothing in lists', async () => {
    await outsider.hr.get(`/api/experiments/${experimentId}`).expect(404);
    await outsider.codir.get(`/api/experiments/${experimentId}/status`).expect(404);
    await outsider.hr.post(`/api/experiments/${experimentId}/launch`).send({}).expect(404);
    await outsider.hr.put(`/api/experiments/${experimentId}`).send({ scope: 'Piraté' }).expect(404);
    const list = await outsider.hr
      .get('/api/experiments')
      .query({ filter: JSON.stringify({ organizationId: nantes.organization.id }) })
      .expect(200);
    expect(list.body).toEqual([]);
    const created = await outsider.hr
      .post('/api/experiments')
      .send({ organizationId: nantes.organization.id, title: 'Intrusion' })
      .expect(404);
    expect(created.body.code).toBe('ORGANIZATION_NOT_FOUND');
    const organizations = await outsider.hr.get('/api/organizations').expect(200);
    expect(organizations.body.map((o: { id: string }) => o.id)).toEqual([gironde.organization.id]);
    await outsider.codir.get('/api/dashboard').query({ organizationId: nantes.organization.id }).expect(404);
  });

  it('lets each role do what DOMAIN.md says, and nothing more', async () => {
    // The participant sees the experiment it takes part in, cannot frame or launch it.
    await as.participant.get(`/api/experiments/${experimentId}`).expect(200);
    await as.participant
      .post('/api/experiments')
      .send({ organizationId: nantes.organization.id, title: 'Mon idée' })
      .expect(403);
    await as.participant.post(`/api/experiments/${experimentId}/launch`).send({}).expect(403);
    // The CODIR reads, and has a dashboard; it does not launch.
    await as.codir.post(`/api/experiments/${experimentId}/launch`).send({}).expect(403);
    const dashboard = await as.codir.get('/api/dashboard').expect(200);
    expect(dashboard.body).toBeDefined();
    await as.participant.get('/api/dashboard').expect(403);
    // The pilot launches; only the sponsor approves an extension.
    await as.pilot.post(`/api/experiments/${experimentId}/launch`).send({}).expect(200);
    const pilotActions = await as.pilot.get(`/api/experiments/${experimentId}/actions`).expect(200);
    expect(pilotActions.body.map((a: { action: string }) => a.action).sort()).toEqual([
      'amendCriteria',
      'recordCheckIn',
      'requestExtension',
      'stopEarly',
    ]);
    await as.hr
      .post(`/api/experiments/${experimentId}/check-ins`)
      .send({ weather: 'sunny', progress: 'x' })
      .expect(403);
    await as.pilot
      .post(`/api/experiments/${experimentId}/extension`)
      .send({ newExpiryDate: dateInDays(50), justification: 'Été' })
      .expect(200);
    const refused = await as.pilot
      .post(`/api/experiments/${experimentId}/extension/approve`)
      .send({})
      .expect(403);
    expect(refused.body.message).toMatch(/sponsor/);
    const sponsorActions = await as.sponsor.get(`/api/experiments/${experimentId}/actions`).expect(200);
    expect(sponsorActions.body.map((a: { action: string }) => a.action).sort()).toEqual([
      'approveExtension',
      'refuseExtension',
      'stopEarly',
    ]);
    await as.sponsor.post(`/api/experiments/${experimentId}/extension/approve`).send({}).expect(200);
  });

  it('rate-limits login attempts and says so', async () => {
    const limited = await startStack({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '3' } });
    try {
      const team = await insertTeam(limited.db, {
        id: 'a1b2c3d4-0000-4000-8000-000000000002',
        slug: 'rate-limit',
        name: 'Lyon',
        kind: 'commune',
      });
      const attempt = () =>
        anonymous(limited.app).post('/api/auth/login').send({ email: team.emails.hr, password: 'mauvais' });
      for (let i = 0; i < 3; i += 1) await attempt().expect(401);
      const blocked = await attempt().expect(429);
      expect(blocked.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: /Too many login attempts/ });
    } finally {
      await limited.close();
    }
  });
});
