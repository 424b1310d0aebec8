// A worker killed with SIGKILL in the middle of webhook deliveries (issue #16): every delivery
// in flight is held by the receiver when the worker dies. A new worker takes over (the
// activities' heartbeats lapse, the attempts are made again): every event reaches the receiver,
// accepted exactly once per webhook-id, and the journal says delivered. Nothing is lost.
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { dateInDays, insertTeam, readyFramingBody, type Team } from '../support/fixtures';
import { login, participantConsents, type ApiClient } from '../support/http';
import { freePort, initCluster, startPostgres, type PostgresServer } from '../support/postgres-server';
import { startStack, type TestStack } from '../support/stack';
import { startTemporalServer, type TemporalServer } from '../support/temporal-server';
import { startReceiver } from '../support/webhook-receiver';
import { startWorkerProcess, waitFor, type WorkerProcess } from '../support/worker-process';

const EXPERIMENTS = 4;
const RECEIVER_HOST = '127.0.0.2';

describe('A worker killed with SIGKILL while webhook deliveries are in flight', () => {
  const dir = process.env.CAPACITES_TEST_DIR as string;
  let pg: PostgresServer;
  let temporal: TemporalServer | undefined;
  let stack: TestStack;
  let worker: WorkerProcess | undefined;
  let team: Team;
  let hr: ApiClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  /** The status the receiver answered to each request, by webhook-id. */
  const answered = new Map<string, number[]>();

  beforeAll(async () => {
    const pgDir = join(dir, 'webhooks-postgres');
    initCluster(pgDir);
    pg = await startPostgres(pgDir, await freePort());
    process.env.CAPACITES_TEST_DATABASE_URL = pg.url('postgres');
    temporal = await startTemporalServer({
      dbFile: join(dir, 'webhooks-temporal', 'temporal.db'),
      port: await freePort(),
    });
    stack = await startStack({
      worker: false,
      temporalAddress: temporal.address,
      env: {
        WEBHOOK_ALLOWED_NETWORKS: `${RECEIVER_HOST}/32`,
        WEBHOOK_RETRY_SCHEDULE: '1,1,1,1,1,1',
        // Longer than the heartbeat timeout: a held request is still in flight when the worker dies.
        WEBHOOK_TIMEOUT_MS: '30000',
      },
    });
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
    // The first request of each message is held (never answered); any later one is accepted.
    receiver = await startReceiver(RECEIVER_HOST, (request) => {
      const id = request.headers['webhook-id'];
      const before = answered.get(id) ?? [];
      if (before.length === 0) {
        answered.set(id, [0]);
        return 'hold';
      }
      answered.set(id, [...before, 200]);
      return { status: 200 };
    });
    worker = await startWorkerProcess(stack.env);
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await stack?.close();
    await receiver?.close();
    await temporal?.stop();
    await pg?.stop();
  });

  it('loses nothing and accepts each event once', async () => {
    const endpoint = await hr
      .post('/api/webhook-endpoints')
      .send({
        organizationId: team.organization.id,
        name: 'Récepteur',
        kind: 'webhook',
        url: receiver.url(),
        events: ['*'],
      })
      .expect(201);
    for (let i = 0; i < EXPERIMENTS; i += 1) {
      const created = await hr
        .post('/api/experiments')
        .send({ organizationId: team.organization.id, title: `Test ${i + 1}` })
        .expect(201);
      await hr
        .put(`/api/experiments/${created.body.id}`)
        .send(readyFramingBody(team, dateInDays(30)))
        .expect(200);
      await participantConsents(stack.app, team, created.body.id);
      await hr.post(`/api/experiments/${created.body.id}/launch`).send({}).expect(200);
    }
    const events = 2 * EXPERIMENTS; // created and launched, each
    await waitFor('every first delivery in flight', async () => receiver.held.length >= events, 60_000);
    await worker?.kill();
    worker = await startWorkerProcess(stack.env);

    await waitFor(
      'every delivery delivered',
      async () => {
        const [row]: { delivered: string }[] = await stack.db.query(
          `SELECT count(*) FILTER (WHERE status = 'delivered') AS delivered FROM webhook_deliveries`,
        );
        return Number(row.delivered) === events;
      },
      120_000,
    );
    const messages: { id: string }[] = await stack.db.query(`SELECT id FROM webhook_messages`);
    expect(messages).toHaveLength(events);
    // What the receiver saw: every message, under its id, accepted exactly once.
    const verifier = new Webhook(endpoint.body.secret);
    for (const request of receiver.requests) verifier.verify(request.body, request.headers);
    const accepted = [...answered].filter(([, statuses]) => statuses.includes(200));
    expect(accepted).toHaveLength(events);
    for (const [, statuses] of accepted) expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(new Set(accepted.map(([id]) => id))).toEqual(
      new Set(messages.map((m) => `msg_${m.id.replace(/-/g, '')}`)),
    );
  }, 240_000);
});
