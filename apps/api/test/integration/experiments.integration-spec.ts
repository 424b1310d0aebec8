import request from 'supertest';
import { experimentWorkflowId } from '@capacites/domain';
import { AuditEventEntity, ExperimentEntity } from '@capacites/persistence';
import { snapshotQuery } from '@capacites/workflows';
import { insertTeam } from '../support/fixtures';
import { login, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

describe('Experiments through the real stack (API + worker + Temporal + PostgreSQL)', () => {
  let stack: TestStack;
  let organizationId: string;
  let hr: ApiClient;

  beforeAll(async () => {
    stack = await startStack();
    const team = await insertTeam(stack.db);
    organizationId = team.organization.id;
    hr = await login(stack.app, team.emails.hr);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const http = () => hr;

  it('creating an experiment starts its workflow, which records the draft in PostgreSQL', async () => {
    const response = await http()
      .post('/api/experiments')
      .send({
        organizationId,
        title: 'Classeur de suivi des médicaments en crèche',
        hypothesis: "Un classeur unique réduit les oublis d'administration des médicaments.",
      })
      .expect(201);

    const { id } = response.body as { id: string };
    expect(response.body).toMatchObject({ state: 'draft', organizationId, iteration: 1 });

    const snapshot = await stack.temporal.workflow.getHandle(experimentWorkflowId(id)).query(snapshotQuery);
    expect(snapshot).toEqual({ experimentId: id, state: 'draft', version: 1 });

    const row = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id });
    expect(row.state).toBe('draft');
    const audit = await stack.db.getRepository(AuditEventEntity).findBy({ experimentId: id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ event: 'create', fromState: null, toState: 'draft', organizationId });
  });

  it('lists experiments back with the Content-Range header of the simple REST convention', async () => {
    await http()
      .post('/api/experiments')
      .send({ organizationId, title: 'Aquatraining des agents' })
      .expect(201);
    const response = await http()
      .get('/api/experiments')
      .query({ filter: JSON.stringify({ q: 'aquatraining' }), range: '[0,9]', sort: '["title","ASC"]' })
      .expect(200);
    expect(response.headers['content-range']).toBe('experiments 0-0/1');
    expect(response.body.map((e: { title: string }) => e.title)).toEqual(['Aquatraining des agents']);
  });

  it('refuses invalid input with 400 naming every bad field, and writes nothing', async () => {
    const before = await stack.db.getRepository(ExperimentEntity).count();
    const response = await http()
      .post('/api/experiments')
      .send({ organizationId: 'not-a-uuid', title: 'x', colour: 'blue' })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'colour',
      'organizationId',
      'title',
    ]);
    expect(await stack.db.getRepository(ExperimentEntity).count()).toBe(before);
  });

  it('refuses an unknown organization with 404 and writes nothing', async () => {
    const before = await stack.db.getRepository(ExperimentEntity).count();
    const response = await http()
      .post('/api/experiments')
      .send({ organizationId: '00000000-0000-4000-8000-000000000000', title: 'Sans organisation' })
      .expect(404);
    expect(response.body.code).toBe('ORGANIZATION_NOT_FOUND');
    expect(await stack.db.getRepository(ExperimentEntity).count()).toBe(before);
  });

  it('answers 404 for an experiment that does not exist and 400 for a malformed id', async () => {
    await http().get('/api/experiments/00000000-0000-4000-8000-000000000000').expect(404);
    await http().get('/api/experiments/abc').expect(400);
  });

  it('rejects a list query with an unknown filter or sort field, naming it', async () => {
    const response = await http()
      .get('/api/experiments')
      .query({ filter: JSON.stringify({ colour: 'blue' }), sort: '["password","ASC"]' })
      .expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'filter.colour',
      'sort',
    ]);
  });

  it('reports PostgreSQL and Temporal up on the health endpoint, without a session', async () => {
    const response = await request(stack.app.getHttpServer()).get('/api/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'up',
      checks: { postgres: { status: 'up' }, temporal: { status: 'up' } },
    });
  });
});
