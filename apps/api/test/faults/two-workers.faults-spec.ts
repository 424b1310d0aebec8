// The several-process topology under faults (issue #13): an expiry storm served by two worker
// processes on one task queue; one of them is killed with SIGKILL mid-storm and not restarted,
// and the Temporal server is restarted once. The survivor must finish the storm alone: every
// experiment evaluating, one audit record per transition, one notification per (event,
// recipient), one email each. The lag of every expiry (from the instant until its stop notices
// were recorded) is measured, by phase, and written to test-results/faults-two-workers.json.
//
// `npm test -- --temporal=server faults` runs it on the real Temporal server (PostgreSQL, 16
// shards: scripts/testing/faults-global-setup.mjs); `npm test -- faults` on the dev server.
// Size: twice CAPACITES_FAULTS_EXPERIMENTS (500 by default, so 1,000; CI sets 40, so 80).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { In } from 'typeorm';
import { AuditEventEntity, EmailEntity, ExperimentEntity, NotificationEntity } from '@capacites/persistence';
import { dateInDays, insertTeam, readyFramingBody, type Team } from '../support/fixtures';
import { login, participantConsents, type ApiClient } from '../support/http';
import { freePort, initCluster, startPostgres, type PostgresServer } from '../support/postgres-server';
import { startStack, type TestStack } from '../support/stack';
import { realTemporalServer, startTemporalServer, type TemporalServer } from '../support/temporal-server';
import { startWorkerProcess, waitFor, type WorkerProcess } from '../support/worker-process';

const EXPERIMENTS = 2 * Number(process.env.CAPACITES_FAULTS_EXPERIMENTS ?? 500);
const CONCURRENCY = 4;
const LAUNCH_RECIPIENTS = 3;
const STOP_RECIPIENTS = 4;

interface LagSummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

function summarise(lags: number[]): LagSummary {
  const sorted = [...lags].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return { count: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] ?? 0 };
}

async function inBatches<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item);
      }
    }),
  );
}

describe(`Two workers, ${EXPERIMENTS} expiries: one worker killed, the Temporal server restarted`, () => {
  const dir = process.env.CAPACITES_TEST_DIR as string;
  const server = realTemporalServer() ? 'Temporal server (PostgreSQL)' : 'Temporal dev server (SQLite)';
  let pg: PostgresServer;
  let temporal: TemporalServer | undefined;
  let stack: TestStack;
  const workers: WorkerProcess[] = [];
  let team: Team;
  let hr: ApiClient;
  const ids: string[] = [];
  const report: Record<string, unknown> = { experiments: EXPERIMENTS, server, events: [] as unknown[] };
  const events = report.events as { what: string; at: string; evaluating: number }[];

  beforeAll(async () => {
    const pgDir = join(dir, 'postgres-two-workers');
    initCluster(pgDir);
    pg = await startPostgres(pgDir, await freePort());
    process.env.CAPACITES_TEST_DATABASE_URL = pg.url('postgres');
    temporal = await startTemporalServer({ dbFile: join(dir, 'temporal-two-workers', 'temporal.db'), port: await freePort() });
    stack = await startStack({ worker: false, temporalAddress: temporal.address });
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
    workers.push(await startWorkerProcess(stack.env), await startWorkerProcess(stack.env));
  }, 300_000);

  afterAll(async () => {
    const results = resolve(__dirname, '..', '..', '..', '..', 'test-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'faults-two-workers.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`faults (two workers): ${JSON.stringify(report)}`);
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) await worker.stop();
    await stack?.close();
    await temporal?.stop();
    await pg?.stop();
  });

  const experiments = () => stack.db.getRepository(ExperimentEntity);
  const evaluating = () => experiments().countBy({ id: In(ids), state: 'evaluating' });
  const record = async (what: string) => {
    events.push({ what, at: new Date().toISOString(), evaluating: await evaluating() });
    return Date.parse(events[events.length - 1].at);
  };

  it('loses nothing and duplicates nothing; the survivor finishes the storm', async () => {
    // 1. Experiments framed and ready, then launched with one expiry instant.
    let started = Date.now();
    await inBatches(
      Array.from({ length: EXPERIMENTS }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        const created = await hr
          .post('/api/experiments')
          .send({ organizationId: team.organization.id, title: `Essaim ${i + 1}` })
          .expect(201);
        await hr.put(`/api/experiments/${created.body.id}`).send(readyFramingBody(team, dateInDays(30))).expect(200);
        // Consent is the participant's own act (the launch checklist needs it).
        await participantConsents(stack.app, team, created.body.id);
        ids.push(created.body.id as string);
      },
    );
    const createMs = Date.now() - started;
    // The launches cost about what the creations did: the instant leaves room for them.
    const expiresAt = new Date(Date.now() + createMs + 20_000);
    await experiments().update({ id: In(ids) }, { expiresAt });
    started = Date.now();
    await inBatches(ids, CONCURRENCY, async (id) => {
      await hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    });
    report.timings = { createMs, launchMs: Date.now() - started };
    if (Date.now() > expiresAt.getTime()) {
      throw new Error(`launching ${EXPERIMENTS} experiments went past the storm's instant: the machine is too slow for this size`);
    }
    expect(await experiments().countBy({ id: In(ids), state: 'running' })).toBe(EXPERIMENTS);

    // 2. The storm starts on both workers; one is killed with SIGKILL once a tenth is done.
    await waitFor(
      'the expiry instant',
      async () => Date.now() >= expiresAt.getTime(),
      Math.max(0, expiresAt.getTime() - Date.now()) + 60_000,
    );
    await waitFor('a tenth of the storm', async () => (await evaluating()) >= Math.ceil(EXPERIMENTS / 10), 600_000);
    const killedAt = await record('worker 2 killed with SIGKILL (not restarted)');
    await workers[1].kill();

    // 3. The Temporal server restarted once, as soon as the survivor has moved the storm on.
    const afterKill = events[events.length - 1].evaluating;
    await waitFor(
      'the survivor to move the storm on',
      async () => (await evaluating()) > afterKill || afterKill === EXPERIMENTS,
      600_000,
    );
    const stoppedAt = await record('Temporal stopped (SIGTERM)');
    const running = temporal;
    if (!running) throw new Error('Temporal is not running');
    temporal = undefined;
    await running.stop();
    temporal = await startTemporalServer({ dbFile: running.dbFile, port: Number(running.address.split(':')[1]) });
    const restartedAt = await record('Temporal serving again');
    report.temporalDownMs = restartedAt - stoppedAt;
    if (workers[0].child.exitCode !== null) {
      // The survivor must ride the restart out: its SDK reconnects by itself.
      throw new Error(`the surviving worker exited while Temporal was down:\n${workers[0].output().slice(-4000)}`);
    }

    // 4. The survivor alone finishes the storm.
    await waitFor('every experiment to be evaluating', async () => (await evaluating()) === EXPERIMENTS, 1_800_000);
    await waitFor(
      'every stop notice',
      async () =>
        (await stack.db.getRepository(NotificationEntity).countBy({ experimentId: In(ids), event: 'stopped' })) ===
        EXPERIMENTS * STOP_RECIPIENTS,
      300_000,
    );
    await record('storm complete');

    // 5. The invariants of the fault suite: each experiment's row, last audited transition and
    //    workflow agree; one audit record per transition; one notification per (event, recipient).
    const mismatches: string[] = [];
    await inBatches(ids, CONCURRENCY, async (id) => {
      const status = await hr.get(`/api/experiments/${id}/status`).expect(200);
      if (status.body.state !== 'evaluating') mismatches.push(`${id}: workflow ${status.body.state}`);
    });
    expect(mismatches).toEqual([]);
    const audit = await stack.db.getRepository(AuditEventEntity).findBy({ experimentId: In(ids) });
    const perExperiment = new Map<string, string[]>();
    for (const a of audit) {
      const key = a.experimentId as string;
      perExperiment.set(key, [...(perExperiment.get(key) ?? []), a.event]);
    }
    const wrong = ids.filter(
      (id) => JSON.stringify((perExperiment.get(id) ?? []).sort()) !== JSON.stringify(['consentGiven', 'create', 'expire', 'framingUpdated', 'launch']),
    );
    expect(wrong.map((id) => `${id}: ${(perExperiment.get(id) ?? []).sort().join(',')}`)).toEqual([]);
    const notices = await stack.db.getRepository(NotificationEntity).findBy({ experimentId: In(ids) });
    const perKey = new Map<string, number>();
    for (const n of notices) {
      const key = `${n.experimentId}:${n.event}:${n.recipientId}`;
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    expect([...perKey.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect(notices).toHaveLength(EXPERIMENTS * (LAUNCH_RECIPIENTS + STOP_RECIPIENTS));
    const emails = await stack.db.getRepository(EmailEntity).countBy({ notificationId: In(notices.map((n) => n.id)) });
    expect(emails).toBe(notices.length);

    // 6. The lag of each expiry: from the instant until its last stop notice was recorded
    //    (the notifying transaction's clock), overall and by when it was recorded.
    const stops = notices.filter((n) => n.event === 'stopped');
    const doneAt = new Map<string, number>();
    for (const n of stops) {
      doneAt.set(n.experimentId as string, Math.max(doneAt.get(n.experimentId as string) ?? 0, n.createdAt.getTime()));
    }
    const instant = expiresAt.getTime();
    const lags = [...doneAt.values()].map((t) => t - instant);
    const phase = (from: number, to: number) =>
      summarise([...doneAt.values()].filter((t) => t >= from && t < to).map((t) => t - instant));
    report.lag = {
      all: summarise(lags),
      beforeKill: phase(0, killedAt),
      survivorBeforeTemporalRestart: phase(killedAt, stoppedAt),
      survivorAfterTemporalRestart: phase(stoppedAt, Number.MAX_SAFE_INTEGER),
    };
    const lastDone = Math.max(...doneAt.values());
    const afterRestart = [...doneAt.values()].filter((t) => t >= restartedAt).length;
    report.survivorRatePerSecondAfterRestart = afterRestart / Math.max(0.001, (lastDone - restartedAt) / 1000);
    expect(lags).toHaveLength(EXPERIMENTS);
    expect(lags.every((lag) => lag >= 0)).toBe(true);
  }, 3_600_000);
});
