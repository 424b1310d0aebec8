import { In } from 'typeorm';
import { AuditEventEntity, ExperimentEntity, NotificationEntity } from '@capacites/persistence';
import { dateInDays, insertTeam, readyFramingBody, type Team } from '../support/fixtures';
import { login, type ApiClient, participantConsents } from '../support/http';
import { startStack, type TestStack } from '../support/stack';
import { startWorkerProcess, waitFor, type WorkerProcess } from '../support/worker-process';

const EXPERIMENTS = 6;

describe('A worker killed with SIGKILL in the middle of lifecycles', () => {
  let stack: TestStack;
  let team: Team;
  let worker: WorkerProcess | undefined;
  let hr: ApiClient;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
  });

  afterAll(async () => {
    await worker?.stop();
    await stack?.close();
  });

  const http = () => hr;
  const states = async (ids: string[]) =>
    (await stack.db.getRepository(ExperimentEntity).findBy({ id: In(ids) })).map((e) => e.state);

  it('loses and duplicates nothing: every expiry fires once, every notice is sent once per person', async () => {
    worker = await startWorkerProcess(stack.env);
    const ids: string[] = [];
    for (let i = 0; i < EXPERIMENTS; i += 1) {
      const created = await http()
        .post('/api/experiments')
        .send({ organizationId: team.organization.id, title: `Test ${i + 1}` })
        .expect(201);
      ids.push(created.body.id);
      await http()
        .put(`/api/experiments/${created.body.id}`)
        .send(readyFramingBody(team, dateInDays(30)))
        .expect(200);
      await participantConsents(stack.app, team, created.body.id);
    }
    // Expiries a few seconds ahead (the API only takes whole days; the workflow takes any instant).
    const expiresAt = new Date(Date.now() + 4000);
    await stack.db.getRepository(ExperimentEntity).update({ id: In(ids) }, { expiresAt });
    for (const id of ids) await http().post(`/api/experiments/${id}/launch`).send({}).expect(200);

    // Kill the worker before the expiry, and keep it down past it.
    await worker.kill();
    await waitFor('the expiry instant to pass', async () => Date.now() > expiresAt.getTime() + 1000);

    // Restart; kill it again as soon as the first experiments have stopped (activities in flight).
    worker = await startWorkerProcess(stack.env);
    await waitFor('a first stop', async () => (await states(ids)).includes('evaluating'), 30_000);
    await worker.kill();
    worker = await startWorkerProcess(stack.env);
    await waitFor(
      'every experiment to be evaluating',
      async () => (await states(ids)).every((s) => s === 'evaluating'),
      120_000,
    );
    await waitFor(
      'every stop notice',
      async () =>
        (await stack.db
          .getRepository(NotificationEntity)
          .countBy({ experimentId: In(ids), event: 'stopped' })) ===
        EXPERIMENTS * 4,
      30_000,
    );

    const events = await stack.db.getRepository(AuditEventEntity).findBy({ experimentId: In(ids) });
    for (const id of ids) {
      expect(
        events
          .filter((e) => e.experimentId === id)
          .map((e) => e.event)
          .sort(),
      ).toEqual(['consentGiven', 'create', 'expire', 'framingUpdated', 'launch']);
    }
    const notices = await stack.db.getRepository(NotificationEntity).findBy({ experimentId: In(ids) });
    const perEventAndRecipient = new Map<string, number>();
    for (const n of notices) {
      const key = `${n.experimentId}:${n.event}:${n.recipientId}`;
      perEventAndRecipient.set(key, (perEventAndRecipient.get(key) ?? 0) + 1);
    }
    expect([...perEventAndRecipient.values()].every((count) => count === 1)).toBe(true);
    expect(notices.filter((n) => n.event === 'launched')).toHaveLength(EXPERIMENTS * 3);
  });
});
