import { createHash } from 'node:crypto';
import { AuditEventEntity, ServiceAccountEntity } from '@capacites/persistence';
import { dateInDays, insertTeam, type Team } from '../support/fixtures';
import { bearerClient, login, readyDraft, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

/** An API client holding a service account's token as its bearer. */
const tokenClient = bearerClient;

describe('Service accounts: scoped, expiring, revocable tokens for integrations', () => {
  let stack: TestStack;
  let team: Team;
  let hr: ApiClient;

  beforeAll(async () => {
    stack = await startStack();
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const draft = (title: string) => readyDraft(stack.app, hr, team, title, 45);

  const account = async (scope: 'read' | 'lifecycle', name = `Intégration ${scope}`) => {
    const created = await hr
      .post('/api/service-accounts')
      .send({ organizationId: team.organization.id, name, scope, expiresOn: dateInDays(90) })
      .expect(201);
    return created.body as { id: string; token: string; tokenPrefix: string; status: string };
  };

  it('shows the token once and stores only its hash; creation is audited', async () => {
    const created = await account('read', 'Tableau de bord SIRH');
    expect(created.token).toMatch(/^cap_sa_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.tokenPrefix)).toBe(true);
    expect(created.status).toBe('active');
    const shown = await hr.get(`/api/service-accounts/${created.id}`).expect(200);
    expect(shown.body.token).toBeUndefined();
    const listed = await hr.get('/api/service-accounts').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
    const [stored]: { token_hash: string }[] = await stack.db.query(
      `SELECT token_hash FROM service_accounts WHERE id = $1`,
      [created.id],
    );
    expect(stored.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const audit = await stack.db
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ organizationId: team.organization.id, event: 'serviceAccount.created' });
    expect(audit).toMatchObject({ actorId: team.hr });
    expect(JSON.stringify(audit.details)).not.toContain(created.token);
  });

  it('lets a read token read its organisation only, and refuses every write with SERVICE_ACCOUNT_SCOPE', async () => {
    const id = await draft('Lecture seule');
    const reader = tokenClient(stack.app, (await account('read')).token);
    const list = await reader.get('/api/experiments').expect(200);
    expect(list.body.map((e: { id: string }) => e.id)).toContain(id);
    await reader.get(`/api/experiments/${id}`).expect(200);
    const other = await insertTeam(stack.db);
    const otherHr = await login(stack.app, other.emails.hr);
    const foreign = await otherHr
      .post('/api/experiments')
      .send({ organizationId: other.organization.id, title: 'Ailleurs' })
      .expect(201);
    await reader.get(`/api/experiments/${foreign.body.id}`).expect(404);

    const refused = await reader.post(`/api/experiments/${id}/launch`).send({}).expect(403);
    expect(refused.body).toMatchObject({ code: 'SERVICE_ACCOUNT_SCOPE', params: { scope: 'read' } });
    await reader
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title: 'x' })
      .expect(403);
    await reader.put(`/api/experiments/${id}`).send({ title: 'x' }).expect(403);
    // Nor may a token see or mint tokens, nor read the endpoints' secrets.
    await reader.get('/api/service-accounts').expect(403);
    await reader.get('/api/webhook-endpoints').expect(403);
    expect((await stack.db.query(`SELECT state FROM experiments WHERE id = $1`, [id]))[0].state).toBe(
      'draft',
    );
  });

  it('lets a lifecycle token launch and stop, audited as the service account, but never a person’s own act', async () => {
    const id = await draft('Lancé par le SIRH');
    const created = await account('lifecycle', 'Connecteur SIRH');
    const robot = tokenClient(stack.app, created.token);
    await robot.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    const launch = await stack.db
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ experimentId: id, event: 'launch' });
    expect(launch.actorId).toBe(created.id);
    const timeline = await hr.get(`/api/experiments/${id}/timeline`).expect(200);
    expect(timeline.body.find((e: { event: string }) => e.event === 'launch')).toMatchObject({
      actorId: created.id,
      actorKind: 'serviceAccount',
      actorName: 'Connecteur SIRH',
    });
    // A person's own acts: a check-in, a consent, a decision, approving an extension.
    for (const [path, body] of [
      [`/api/experiments/${id}/check-ins`, { weather: 'sunny', progress: 'ok', blockers: '' }],
      [`/api/experiments/${id}/consent`, { consent: true }],
      [`/api/experiments/${id}/extension/approve`, {}],
      [`/api/experiments/${id}/decision`, { outcome: 'abandon', rationale: 'x' }],
    ] as const) {
      const refused = await robot.post(path).send(body).expect(403);
      expect(refused.body.code).toBe('SERVICE_ACCOUNT_SCOPE');
    }
    await robot.post(`/api/experiments/${id}/stop`).send({ reason: 'Arrêt demandé par le SIRH' }).expect(200);
    const stop = await stack.db
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ experimentId: id, event: 'stopEarly' });
    expect(stop.actorId).toBe(created.id);
    const lastUsed = await stack.db.getRepository(ServiceAccountEntity).findOneByOrFail({ id: created.id });
    expect(lastUsed.lastUsedAt).not.toBeNull();
  });

  it('refuses a revoked or expired token at once (401); revocation is audited', async () => {
    const revoked = await account('read', 'À révoquer');
    const client = tokenClient(stack.app, revoked.token);
    await client.get('/api/experiments').expect(200);
    const answer = await hr.delete(`/api/service-accounts/${revoked.id}`).expect(200);
    expect(answer.body.status).toBe('revoked');
    await client.get('/api/experiments').expect(401);
    const again = await hr.delete(`/api/service-accounts/${revoked.id}`).expect(409);
    expect(again.body.code).toBe('SERVICE_ACCOUNT_REVOKED');
    expect(
      await stack.db
        .getRepository(AuditEventEntity)
        .countBy({ organizationId: team.organization.id, event: 'serviceAccount.revoked' }),
    ).toBe(1);

    const expiring = await account('read', 'Expiré');
    await stack.db.query(
      `UPDATE service_accounts SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [expiring.id],
    );
    await tokenClient(stack.app, expiring.token).get('/api/experiments').expect(401);
    expect((await hr.get(`/api/service-accounts/${expiring.id}`).expect(200)).body.status).toBe('expired');
    // A made-up token of the right shape is refused the same way.
    await tokenClient(stack.app, `cap_sa_${'A'.repeat(43)}`)
      .get('/api/experiments')
      .expect(401);
  });

  it('is managed by HR and the platform admin only, with bounded expiry', async () => {
    const pilot = await login(stack.app, team.emails.pilot);
    const refused = await pilot
      .post('/api/service-accounts')
      .send({ organizationId: team.organization.id, name: 'x', scope: 'read', expiresOn: dateInDays(30) })
      .expect(403);
    expect(refused.body.params).toEqual({ action: 'manageIntegrations', roles: ['admin', 'hr'] });
    const tooLong = await hr
      .post('/api/service-accounts')
      .send({ organizationId: team.organization.id, name: 'x', scope: 'read', expiresOn: dateInDays(400) })
      // A well-formed day beyond the allowed span: a rule, 409 naming the field.
      .expect(409);
    expect(tooLong.body.fields).toEqual([expect.objectContaining({ field: 'expiresOn' })]);
    const badScope = await hr
      .post('/api/service-accounts')
      .send({ organizationId: team.organization.id, name: 'x', scope: 'admin', expiresOn: dateInDays(30) })
      .expect(400);
    expect(badScope.body.fields).toEqual([expect.objectContaining({ field: 'scope' })]);
  });
});
