// Benchmark 1 (and the worker half of 3): the expiry storm. N experiments launched
// through the real lifecycle workflow, all expiring at the same instant, on the Temporal
// dev server with SQLite file persistence (as `npm start` runs it) and the real worker
// process; against a bare workflow that sleeps until the same instant and runs one
// no-op activity, with the same server and worker settings.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { Pool } from 'pg';
import { newPayloadKeyEntry, parsePayloadKeys, temporalDataConverter } from '@capacites/config';
import { experimentWorkflowId, resolveLifecycleSettings, type ExperimentFraming } from '@capacites/domain';
import { runMigrations } from '@capacites/persistence';
import {
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  initializeUpdate,
  launchUpdate,
  type ExperimentLifecycleInput,
} from '@capacites/workflows';
import { buildWorkflowBundle } from '../../../apps/worker/src/workflow-bundle';
import { progress, runPool, sleep, step, warn } from '../lib/log';
import { insertPeople, makeOrganizations, type BenchOrganization } from '../lib/people';
import {
  CpuMeter,
  exitWatch,
  RssSampler,
  spawnNode,
  withChildren,
  type CpuShare,
  type NodeChild,
} from '../lib/processes';
import type { Figure } from '../lib/report';
import {
  databaseUrl,
  externalTemporal,
  repoRoot,
  startRealTemporal,
  startTemporal,
  stopChild,
  type Postgres,
  type TemporalServer,
} from '../lib/services';
import { distribution, ratio, round, type Distribution } from '../lib/stats';
import { stormProblems } from '../lib/verdict';
import { BARE_WORKFLOW, type BareExpiryInput } from './bare.workflow';
import type { BareWorkerMessage } from './bare-worker';

export interface StormOptions {
  sizes: number[];
  /** Starts (and launches) in flight at once, as concurrent API requests would be. */
  concurrency: number;
  /** The worker's Node heap limit (--max-old-space-size), MiB. */
  workerHeapMb: number;
  /** WORKER_MAX_CACHED_WORKFLOWS; default: N, so that every running experiment stays cached. */
  workerCache?: number;
  /** How long to wait for the storm to drain before giving up, per experiment (ms), min 60 s. */
  drainMsPerExperiment: number;
  scratch: string;
  pg: Postgres;
  /** Writes a CPU profile of each worker process here (node --cpu-prof). */
  profileDir?: string;
  /** An external Temporal cluster instead of a dev server per storm (docker-compose.yml). */
  temporalAddress?: string;
  temporalMetricsUrl?: string;
  /** `server`: the real Temporal server on the run's PostgreSQL (--temporal=server); `dev`: the CLI's dev server. */
  temporalMode?: 'dev' | 'server';
  /** History shards of the real server (16 by default, as docker-compose.yml). */
  shards?: number;
  /** Injected on purpose (--fault), to prove a failed storm fails its check. */
  fault?: 'launch-refused';
}

export interface StormRun {
  kind: 'lifecycle' | 'baseline';
  n: number;
  started: number;
  /** Creation (start + initialize) for the lifecycle; the start for the baseline. */
  startSeconds: number;
  /** The lifecycle's launch phase (the baseline has none). */
  launchSeconds: number;
  /** Experiments put in their waiting state per second, creation and launch included. */
  startedPerSecond: number;
  leadSeconds: number;
  /** Lag from the expiry instant until each experiment's work was recorded, ms. */
  lag: Distribution;
  /** Lifecycle only: lag until the state `evaluating` was written (before its notifications). */
  stateLag?: Distribution;
  completed: number;
  stateTransitions: number;
  stateTransitionsPerSecond: number;
  stormWindowSeconds: number;
  cpu: Record<string, CpuShare>;
  machineBusyPercent: number;
  rss: {
    idleMiB: number;
    warmMiB: number;
    loadedMiB: number;
    peakMiB: number;
    perWorkflowKiB: number;
    averageKiB: number;
  };
  workerCache: number;
  errors: number;
}

const PAUSE_BEFORE_INSTANT_MS = 1000;
const WORKER_RUNNING = /state: 'RUNNING'/;

/** The Temporal server a storm ran on, as the figures name it. */
export function serverLabel(
  options: Pick<StormOptions, 'temporalAddress' | 'temporalMode' | 'shards'>,
): string {
  if (options.temporalAddress) return 'external Temporal';
  return options.temporalMode === 'server' ? `Temporal server, ${options.shards ?? 16} shards` : 'dev server';
}

export async function runStormBenchmark(
  options: StormOptions,
): Promise<{ figures: Figure[]; details: { runs: StormRun[]; server: string }; errors: string[] }> {
  step('storm: bundling the lifecycle workflow (product bundle) and the bare workflow (benchmark bundle)…');
  const lifecycleBundle = join(options.scratch, 'lifecycle-bundle.js');
  writeFileSync(lifecycleBundle, await buildWorkflowBundle());
  const bareBundle = join(options.scratch, 'bare-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('./bare.workflow'),
    logger: new DefaultLogger('WARN'),
  });
  writeFileSync(bareBundle, code);

  const figures: Figure[] = [];
  const runs: StormRun[] = [];
  for (const n of options.sizes) {
    step(`storm N=${n}: lifecycle workflow`);
    const lifecycle = await lifecycleStorm(n, options, lifecycleBundle);
    runs.push(lifecycle);
    step(`storm N=${n}: baseline (bare workflow)`);
    // A bare start is an order of magnitude cheaper than a lifecycle creation (measured):
    // half the creation's duration is ample lead.
    const lead = Math.max(2000, lifecycle.startSeconds * 500) + 2000;
    const baseline = await baselineStorm(n, options, bareBundle, lead);
    runs.push(baseline);
    figures.push(...stormFigures(lifecycle, baseline, serverLabel(options)));
  }
  const largest = runs.filter((r) => r.n === Math.max(...options.sizes));
  const [life, bare] = [
    largest.find((r) => r.kind === 'lifecycle'),
    largest.find((r) => r.kind === 'baseline'),
  ];
  if (life && bare) figures.push(...memoryFigures(life, bare, options.workerHeapMb, serverLabel(options)));
  // Every experiment started and stopped, or the storm did not measure what it says.
  return {
    figures,
    details: { runs, server: serverLabel(options) },
    errors: stormProblems(runs, options.sizes),
  };
}

/** Experiments evaluating with their notifications per second: all of them over the last one's lag. */
export function drainRate(run: StormRun): number {
  return run.completed / Math.max(0.001, run.lag.max / 1000);
}

// --- the lifecycle storm ------------------------------------------------------------

/** A fresh dev server per storm (its own SQLite file), a fresh real server, or the external cluster. */
async function temporalFor(options: StormOptions, name: string): Promise<TemporalServer> {
  if (options.temporalAddress)
    return externalTemporal(options.temporalAddress, options.temporalMetricsUrl ?? null);
  if (options.temporalMode === 'server') return startRealTemporal(options.pg, name, options.shards);
  return startTemporal(join(options.scratch, name, 'temporal.db'));
}

function workerNodeArgs(options: StormOptions): string[] {
  return [
    `--max-old-space-size=${options.workerHeapMb}`,
    ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
  ];
}

function framingFor(i: number, org: BenchOrganization, expiresAt: string | null): ExperimentFraming {
  return {
    title: `Tiers-lieu numérique n°${i + 1}`,
    hypothesis: 'Un accueil numérique de proximité réduit les déplacements des usagers en mairie.',
    scope: 'Deux mairies annexes volontaires, leurs agent·es d’accueil',
    criteria: [
      {
        id: 'deplacements',
        name: 'Déplacements évités',
        method: 'Comptage mensuel',
        target: '-20 %',
        coBuiltWithUsers: true,
      },
    ],
    pilotIds: [org.pilots[i % org.pilots.length]],
    sponsorId: org.sponsors[i % org.sponsors.length],
    participants: [0, 1].map((k) => ({
      userId: org.members[(i + k) % org.members.length],
      consentedAt: '2026-01-05T09:00:00.000Z',
    })),
    expiresAt,
    checkInCadenceDays: null,
    exitPlan: { pilotWithdrawal: 'Le binôme d’accueil reprend.', takeover: 'Service relation usagers' },
  };
}

async function lifecycleStorm(n: number, options: StormOptions, bundle: string): Promise<StormRun> {
  const dbName = `storm_${n}_${Date.now()}`;
  const url = databaseUrl(await options.pg.createDatabase(dbName), dbName);
  await runMigrations({ url });
  const pool = new Pool({ connectionString: url, max: 4 });
  const { organizations, users } = makeOrganizations(10, { pilots: 5, sponsors: 3, members: 10 });
  await insertPeople(pool, organizations, users, null);
  const settings = resolveLifecycleSettings({}, 'Europe/Paris');

  const temporal = await temporalFor(options, `storm-${n}-lifecycle`);
  const taskQueue = `bench-storm-${n}-${Date.now()}`;
  const cache = options.workerCache ?? Math.max(n, 1000);
  // Payloads encrypted as production requires (the bare baseline has no codec: its cost is ours).
  const payloadKeys = newPayloadKeyEntry('bench');
  const worker = await spawnNode(
    'worker',
    join(repoRoot, 'apps', 'worker', 'src', 'main.ts'),
    {
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKFLOW_BUNDLE_PATH: bundle,
      WORKER_MAX_CACHED_WORKFLOWS: String(cache),
      TEMPORAL_PAYLOAD_KEYS: payloadKeys,
      // The data keys production requires too (secrets kept in PostgreSQL).
      DATA_ENCRYPTION_KEYS: newPayloadKeyEntry('bench-data'),
      LOG_LEVEL: 'warn',
    },
    // The SDK's own log line, printed whatever LOG_LEVEL says.
    WORKER_RUNNING,
    { nodeArgs: workerNodeArgs(options) },
  );
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({
    connection,
    dataConverter: temporalDataConverter(parsePayloadKeys(payloadKeys, 'bench')),
  });
  try {
    return await measure({
      kind: 'lifecycle',
      n,
      temporal,
      worker,
      cache,
      pgPid: options.pg.pid(),
      drainMsPerExperiment: options.drainMsPerExperiment,
      async start(onDone) {
        let errors = 0;
        const ids = Array.from({ length: n }, () => randomUUID());
        // Creation as the API does it: the draft row, then update-with-start of its workflow.
        await runPool(
          ids,
          options.concurrency,
          async (id, i) => {
            const org = organizations[i % organizations.length];
            const framing = framingFor(i, org, null);
            await pool.query(
              `INSERT INTO experiments (id, workflow_id, organization_id, title, hypothesis, scope, state,
                 iteration, created_by, sponsor_id, pilot_ids, participants, criteria, exit_plan)
               VALUES ($1, $2, $3, $4, $5, $6, 'draft', 1, $7, $8, $9, $10, $11, $12)`,
              [
                id,
                experimentWorkflowId(id),
                org.id,
                framing.title,
                framing.hypothesis,
                framing.scope,
                org.hr,
                framing.sponsorId,
                framing.pilotIds,
                JSON.stringify(framing.participants),
                JSON.stringify(framing.criteria),
                JSON.stringify(framing.exitPlan),
              ],
            );
            const input: ExperimentLifecycleInput = {
              experimentId: id,
              organizationId: org.id,
              createdBy: org.hr,
            };
            try {
              await client.workflow.executeUpdateWithStart(initializeUpdate, {
                startWorkflowOperation: new WithStartWorkflowOperation(EXPERIMENT_LIFECYCLE_WORKFLOW, {
                  workflowId: experimentWorkflowId(id),
                  taskQueue,
                  args: [input],
                  workflowIdConflictPolicy: 'FAIL',
                }),
              });
            } catch (error) {
              errors += 1;
              if (errors <= 3) warn(`creation of ${id} failed: ${String(error)}`);
            }
          },
          onDone,
        );
        return { ids, errors };
      },
      async launch(ids, at, onDone) {
        let errors = 0;
        let late = 0;
        await runPool(
          ids,
          options.concurrency,
          async (id, i) => {
            const org = organizations[i % organizations.length];
            try {
              await client.workflow.getHandle(experimentWorkflowId(id)).executeUpdate(launchUpdate, {
                args: [
                  {
                    actor: { userId: org.hr },
                    framing:
                      options.fault === 'launch-refused'
                        ? // The injected fault: a framing the workflow refuses (no criteria, no pilot).
                          { ...framingFor(i, org, at.toISOString()), criteria: [], pilotIds: [] }
                        : framingFor(i, org, at.toISOString()),
                    settings,
                  },
                ],
              });
              if (Date.now() > at.getTime() - PAUSE_BEFORE_INSTANT_MS) late += 1;
            } catch (error) {
              errors += 1;
              if (errors <= 3) warn(`launch of ${id} failed: ${String(error)}`);
            }
          },
          onDone,
        );
        return { errors, late };
      },
      async completed() {
        const { rows } = await pool.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM experiments e
           WHERE e.state = 'evaluating'
             AND EXISTS (SELECT 1 FROM notifications n WHERE n.experiment_id = e.id AND n.event = 'stopped')`,
        );
        return rows[0].count;
      },
      async lags(at) {
        // created_at is the notifying transaction's own clock: when the work was recorded.
        const { rows } = await pool.query<{ done: string; state: string }>(
          `SELECT (extract(epoch FROM max(n.created_at)) * 1000)::float8 AS done,
                  (extract(epoch FROM max(e.updated_at)) * 1000)::float8 AS state
           FROM experiments e JOIN notifications n ON n.experiment_id = e.id AND n.event = 'stopped'
           WHERE e.state = 'evaluating'
           GROUP BY e.id`,
        );
        return {
          lag: rows.map((r) => Number(r.done) - at.getTime()),
          stateLag: rows.map((r) => Number(r.state) - at.getTime()),
        };
      },
    });
  } finally {
    await stopChild(worker.child);
    await connection.close();
    await temporal.stop();
    await pool.end();
  }
}

// --- the baseline storm -------------------------------------------------------------

async function baselineStorm(
  n: number,
  options: StormOptions,
  bundle: string,
  leadMs: number,
): Promise<StormRun> {
  const temporal = await temporalFor(options, `storm-${n}-baseline`);
  const taskQueue = `bench-bare-${n}-${Date.now()}`;
  const cache = options.workerCache ?? Math.max(n, 1000);
  const worker = await spawnNode(
    'bare worker',
    join(__dirname, 'bare-worker.ts'),
    {
      // The worker's configuration schema asks for a database; the bare worker opens none.
      DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKFLOW_BUNDLE_PATH: bundle,
      WORKER_MAX_CACHED_WORKFLOWS: String(cache),
      LOG_LEVEL: 'warn',
    },
    WORKER_RUNNING,
    { nodeArgs: workerNodeArgs(options), ipc: true },
  );
  const ask = (question: 'count' | 'report') =>
    new Promise<BareWorkerMessage>((resolve) => {
      worker.child.once('message', (reply) => resolve(reply as BareWorkerMessage));
      worker.child.send(question);
    });
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  try {
    return await measure({
      kind: 'baseline',
      n,
      temporal,
      worker,
      cache,
      pgPid: null,
      drainMsPerExperiment: options.drainMsPerExperiment,
      fixedLeadMs: leadMs,
      async start(onDone, at) {
        let errors = 0;
        let late = 0;
        const ids = Array.from({ length: n }, () => randomUUID());
        await runPool(
          ids,
          options.concurrency,
          async (id) => {
            const input: BareExpiryInput = { id, at: (at as Date).toISOString() };
            try {
              await client.workflow.start(BARE_WORKFLOW, {
                workflowId: `bare-${id}`,
                taskQueue,
                args: [input],
              });
              if (Date.now() > (at as Date).getTime() - PAUSE_BEFORE_INSTANT_MS) late += 1;
            } catch (error) {
              errors += 1;
              if (errors <= 3) warn(`start of bare-${id} failed: ${String(error)}`);
            }
          },
          onDone,
        );
        return { ids, errors, late };
      },
      async completed() {
        const reply = await ask('count');
        return 'count' in reply ? reply.count : 0;
      },
      async lags(at) {
        const reply = await ask('report');
        const done = 'done' in reply ? reply.done : [];
        return { lag: done.map(([, time]) => time - at.getTime()) };
      },
    });
  } finally {
    await stopChild(worker.child);
    await connection.close();
    await temporal.stop();
  }
}

// --- one measured storm ---------------------------------------------------------------

interface StormSubject {
  kind: StormRun['kind'];
  n: number;
  temporal: TemporalServer;
  worker: NodeChild;
  cache: number;
  pgPid: number | null;
  drainMsPerExperiment: number;
  /** The baseline's lead is fixed before its start (its input carries the instant). */
  fixedLeadMs?: number;
  start(onDone: (done: number) => void, at?: Date): Promise<{ ids: string[]; errors: number; late?: number }>;
  launch?(ids: string[], at: Date, onDone: (done: number) => void): Promise<{ errors: number; late: number }>;
  completed(): Promise<number>;
  lags(at: Date): Promise<{ lag: number[]; stateLag?: number[] }>;
}

async function measure(subject: StormSubject): Promise<StormRun> {
  const { n } = subject;
  const workerAlive = exitWatch(subject.worker, 'the worker');
  const rss = new RssSampler(subject.worker.pid);
  await sleep(1000);
  const idleMiB = rss.sample();
  const temporalPid = subject.temporal.pid;
  const cpu = new CpuMeter({
    ...(temporalPid ? { temporal: () => [temporalPid] } : {}),
    worker: () => [subject.worker.pid],
    ...(subject.pgPid ? { postgres: () => withChildren(subject.pgPid as number) } : {}),
  });

  const t0 = Date.now();
  let at: Date | undefined =
    subject.fixedLeadMs !== undefined ? new Date(t0 + subject.fixedLeadMs) : undefined;
  // RSS once a fifth are in the cache: the warm-up (first activities, pools, JIT) is behind.
  let warmMiB = 0;
  const startProgress = progress(subject.kind === 'lifecycle' ? 'created' : 'started', n);
  const started = await subject.start((done) => {
    workerAlive();
    startProgress(done);
    if (warmMiB === 0 && done >= Math.ceil(n / 5)) warmMiB = rss.sample();
  }, at);
  const startSeconds = (Date.now() - t0) / 1000;
  let launchSeconds = 0;
  let errors = started.errors;
  let late = started.late ?? 0;
  if (subject.launch) {
    // A launch costs about a creation (one update, two activities, no insert): 1.5x the
    // creation's duration is ample; a launch that ends too close to the instant is reported.
    at = new Date(Date.now() + Math.max(3000, 1.5 * startSeconds * 1000) + 2000);
    const t1 = Date.now();
    const launchProgress = progress('launched', n);
    const launched = await subject.launch(started.ids, at, (done) => {
      workerAlive();
      launchProgress(done);
    });
    launchSeconds = (Date.now() - t1) / 1000;
    errors += launched.errors;
    late += launched.late;
  }
  const instant = at as Date;
  const setupCpu = cpu.end();
  const ok = n - errors;
  if (late > 0)
    warn(
      `${late} experiments were put in place less than ${PAUSE_BEFORE_INSTANT_MS} ms before the expiry instant: raise the lead`,
    );
  step(
    `  ${ok}/${n} in place in ${round(startSeconds + launchSeconds)} s; expiry at ${instant.toISOString()} ` +
      `(in ${round((instant.getTime() - Date.now()) / 1000)} s); worker RSS ${round(rss.sample())} MiB`,
  );

  // Just before the instant: the worker holds every workflow; read the counters.
  await sleep(Math.max(0, instant.getTime() - PAUSE_BEFORE_INSTANT_MS - Date.now()));
  const loadedMiB = rss.sample();
  rss.reset();
  const transitionsBefore = await stateTransitions(subject.temporal.metricsUrl);
  await sleep(Math.max(0, instant.getTime() - Date.now()));
  cpu.begin();

  const drainDeadline = instant.getTime() + Math.max(60000, n * subject.drainMsPerExperiment);
  let completed = 0;
  const report = progress('stopped and recorded', ok, 2000);
  while (Date.now() < drainDeadline) {
    workerAlive();
    completed = await subject.completed();
    report(completed);
    if (completed >= ok) break;
    await sleep(n > 2000 ? 1000 : 250);
  }
  const windowSeconds = (Date.now() - instant.getTime()) / 1000;
  const stormCpu = cpu.end();
  // The dev server publishes its counters every second: let the last ones out.
  await sleep(1500);
  const transitionsAfter = await stateTransitions(subject.temporal.metricsUrl);
  if (completed < ok)
    warn(`${ok - completed} experiments had not stopped ${round(windowSeconds)} s after the instant`);
  const lags = await subject.lags(instant);
  const lag = distribution(lags.lag);
  const transitions = transitionsAfter - transitionsBefore;
  // The busy window is the instant until the last one was recorded (not the polling tail).
  const busySeconds = Math.max(0.001, lag.max / 1000);
  rss.stop();
  const { machine, processes } = stormCpu;
  step(
    `  ${subject.kind}: ${completed}/${ok} done; lag p50 ${round(lag.p50)} ms, p99 ${round(lag.p99)} ms, ` +
      `total ${round(lag.max)} ms; ${round(transitions / busySeconds)} state transitions/s; CPU ` +
      Object.entries(processes)
        .map(([name, share]) => `${name} ${round(share.percent)}%`)
        .join(', ') +
      `, machine ${round(machine.percent)}% busy`,
  );
  return {
    kind: subject.kind,
    n,
    started: ok,
    startSeconds,
    launchSeconds,
    startedPerSecond: ok / (startSeconds + launchSeconds),
    leadSeconds: (instant.getTime() - t0) / 1000,
    lag,
    stateLag: lags.stateLag ? distribution(lags.stateLag) : undefined,
    completed,
    stateTransitions: transitions,
    stateTransitionsPerSecond: transitions / busySeconds,
    stormWindowSeconds: windowSeconds,
    cpu: { ...processes, setupMachine: setupCpu.machine },
    machineBusyPercent: machine.percent,
    rss: {
      idleMiB,
      warmMiB,
      loadedMiB,
      peakMiB: rss.peak,
      // The slope from a fifth to all of them in the cache: what one more running experiment costs.
      perWorkflowKiB: ((loadedMiB - warmMiB) * 1024) / Math.max(1, ok - Math.ceil(n / 5)),
      averageKiB: ((loadedMiB - idleMiB) * 1024) / Math.max(1, ok),
    },
    workerCache: subject.cache,
    errors,
  };
}

/** State transitions recorded by the server's history service (namespace default); NaN without metrics. */
async function stateTransitions(metricsUrl: string | null): Promise<number> {
  if (!metricsUrl) return Number.NaN;
  const text = await (await fetch(metricsUrl)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('state_transition_count_count{') && line.includes('namespace="default"')) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

// --- figures ----------------------------------------------------------------------------

function limitedBy(run: StormRun): string {
  const shares = Object.entries(run.cpu)
    .filter(([name]) => name !== 'setupMachine')
    .sort(([, a], [, b]) => b.percent - a.percent)
    .map(([name, share]) => `${name} ${Math.round(share.percent)}%`);
  return `CPU ${shares.join(', ')}; machine ${Math.round(run.machineBusyPercent)}% busy`;
}

function stormFigures(life: StormRun, bare: StormRun, server: string): Figure[] {
  const n = `${life.n.toLocaleString('en-US')} on the ${server}`;
  const base = 'bare workflow';
  const lagFigure = (name: string, key: keyof Distribution, goal?: string, met?: boolean | null): Figure => ({
    benchmark: 'storm',
    name: `N=${n}: lag ${name}`,
    value: life.lag[key],
    unit: 'ms',
    baselineName: base,
    baseline: bare.lag[key],
    ratio: ratio(life.lag[key], bare.lag[key]),
    goal,
    met,
    limitedBy: limitedBy(life),
  });
  const within = (key: keyof Distribution) => {
    const r = ratio(life.lag[key], bare.lag[key]);
    return r === null ? null : r <= 1.5;
  };
  const figures: Figure[] = [
    {
      benchmark: 'storm',
      name: `N=${n}: experiments put in place per second (lifecycle: create + launch; baseline: start)`,
      value: life.startedPerSecond,
      unit: '/s',
      baselineName: base,
      baseline: bare.startedPerSecond,
      ratio: ratio(life.startedPerSecond, bare.startedPerSecond),
    },
    lagFigure('p50', 'p50', '≤ 1.5x baseline', within('p50')),
    lagFigure('p99', 'p99', '≤ 1.5x baseline', within('p99')),
    {
      ...lagFigure('total (last one recorded)', 'max'),
      goal: life.n <= 1000 ? '≤ 1.5x baseline; < 60 s' : '≤ 1.5x baseline',
      met:
        life.n <= 1000
          ? within('max') !== false && life.lag.max < 60000 && life.completed >= life.started
          : within('max'),
    },
    {
      benchmark: 'storm',
      name: `N=${n}: state transitions per second during the storm`,
      value: life.stateTransitionsPerSecond,
      unit: '/s',
      baselineName: base,
      baseline: bare.stateTransitionsPerSecond,
      ratio: ratio(life.stateTransitionsPerSecond, bare.stateTransitionsPerSecond),
      limitedBy: `${round(life.stateTransitions / Math.max(1, life.started), 1)} transitions per experiment (baseline ${round(
        bare.stateTransitions / Math.max(1, bare.started),
        1,
      )})`,
    },
    {
      benchmark: 'storm',
      name: `N=${n}: drain rate (experiments evaluating with their notifications per second)`,
      value: drainRate(life),
      unit: '/s',
      baselineName: base,
      baseline: drainRate(bare),
      ratio: ratio(drainRate(life), drainRate(bare)),
      limitedBy: limitedBy(life),
    },
  ];
  return figures;
}

function memoryFigures(life: StormRun, bare: StormRun, heapMb: number, server: string): Figure[] {
  const n = `${life.n.toLocaleString('en-US')} (${server})`;
  return [
    {
      benchmark: 'memory',
      name: `worker RSS per cached workflow, ${n} running (cache ${life.workerCache}, heap limit ${heapMb} MiB)`,
      value: life.rss.perWorkflowKiB,
      unit: 'KiB',
      baselineName: 'bare workflow',
      baseline: bare.rss.perWorkflowKiB,
      ratio: ratio(life.rss.perWorkflowKiB, bare.rss.perWorkflowKiB),
      goal: '< 1 MiB',
      met: life.rss.perWorkflowKiB < 1024,
      limitedBy: `Node heap (workflow state in the shared isolate): RSS ${round(life.rss.idleMiB)} MiB idle, ${round(
        life.rss.warmMiB,
      )} MiB at a fifth, ${round(life.rss.loadedMiB)} MiB with all; average ${round(life.rss.averageKiB)} KiB each`,
    },
    {
      benchmark: 'memory',
      name: `worker RSS, peak during the ${n} storm`,
      value: life.rss.peakMiB,
      unit: 'MiB',
      baselineName: 'bare workflow',
      baseline: bare.rss.peakMiB,
      ratio: ratio(life.rss.peakMiB, bare.rss.peakMiB),
    },
  ];
}
