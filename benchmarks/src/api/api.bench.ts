// Benchmark 2 (and the API half of 3): the API at N experiments. Each scenario is a
// real request (or the requests of one screen) to the real API process under autocannon
// on loopback, for a bounded duration; its baseline is the very SQL the API sent for it
// (captured from the API's own `pg` calls), replayed through `pg` with the same
// concurrency and the same pool size.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { sleep, step, warn } from '../lib/log';
import { CpuMeter, RssSampler, withChildren, type CpuShare } from '../lib/processes';
import type { Figure } from '../lib/report';
import type { Postgres } from '../lib/services';
import { distribution, ratio, round, type Distribution } from '../lib/stats';
import { loadProblems } from '../lib/verdict';
import { startApi, tokenFor, type ApiProcess } from './api-process';
import { BENCH_PASSWORD, sharedDataset, type Dataset } from './dataset';

export interface ApiOptions {
  experiments: number;
  organizations: number;
  seconds: number;
  connections: number[];
  scratch: string;
  pg: Postgres;
  /** Writes a CPU profile of the API process here (node --cpu-prof). */
  profileDir?: string;
  /** Injected on purpose (--fault), to prove refused requests fail the check: the load's token is not one. */
  fault?: 'bad-token';
}

type UserKey = 'hr' | 'codir' | 'pilot' | 'admin';

interface Scenario {
  key: string;
  name: string;
  kind: 'list' | 'page' | 'dashboard';
  user: UserKey;
  /** Paths of the requests; ID is replaced by a sample experiment's id. */
  paths: string[];
  /** The p99 goal of the issue, ms. */
  goalP99?: number;
  /**
   * Writes per second to what the dashboard shows during the API's load (the dashboard's
   * version moves), so that the figures are recomputed instead of served again.
   */
  writesPerSecond?: number;
}

// Stands for the sample experiment in paths (survives URL encoding).
const ID = 'SAMPLE_EXPERIMENT_ID';

const q = (params: Record<string, unknown>) =>
  Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(JSON.stringify(value))}`)
    .join('&');

const SCENARIOS: Scenario[] = [
  {
    key: 'list',
    name: 'experiments list (HR: running, by expiry, page 2)',
    kind: 'list',
    user: 'hr',
    paths: [
      `/api/experiments?${q({ filter: { state: 'running' }, sort: ['expiresAt', 'ASC'], range: [25, 49] })}`,
    ],
    goalP99: 50,
  },
  {
    key: 'list-first-screen',
    name: 'experiments list (HR: first screen, newest first)',
    kind: 'list',
    user: 'hr',
    paths: [`/api/experiments?${q({ filter: {}, sort: ['createdAt', 'DESC'], range: [0, 9] })}`],
    goalP99: 50,
  },
  {
    key: 'list-pilot',
    name: 'experiments list (pilot: own experiments, newest first)',
    kind: 'list',
    user: 'pilot',
    paths: [`/api/experiments?${q({ filter: {}, sort: ['createdAt', 'DESC'], range: [0, 24] })}`],
    goalP99: 50,
  },
  {
    key: 'list-admin',
    name: 'experiments list (platform admin: every organisation, newest first)',
    kind: 'list',
    user: 'admin',
    paths: [`/api/experiments?${q({ filter: {}, sort: ['createdAt', 'DESC'], range: [0, 24] })}`],
    goalP99: 50,
  },
  {
    key: 'page',
    name: 'experiment page (experiment + timeline + check-ins), per request',
    kind: 'page',
    user: 'hr',
    paths: [
      `/api/experiments/${ID}`,
      `/api/experiments/${ID}/timeline`,
      `/api/check-ins?${q({ filter: { experimentId: ID }, sort: ['recordedAt', 'DESC'], range: [0, 99] })}`,
    ],
  },
  {
    key: 'dashboard',
    name: 'dashboard (CODIR of one organisation)',
    kind: 'dashboard',
    user: 'codir',
    paths: ['/api/dashboard'],
    goalP99: 100,
  },
  {
    key: 'dashboard-admin',
    name: 'dashboard (platform admin: every organisation)',
    kind: 'dashboard',
    user: 'admin',
    paths: ['/api/dashboard'],
    goalP99: 100,
  },
  {
    key: 'dashboard-admin-writes',
    name: 'dashboard (platform admin: every organisation) while 20 writes a second change it',
    kind: 'dashboard',
    user: 'admin',
    paths: ['/api/dashboard'],
    goalP99: 100,
    writesPerSecond: 20,
  },
];

// The dashboard serves its computed figures again until the data changes
// (apps/api/src/dashboard/dashboard.service.ts): a write moves this version.
const DASHBOARD_WRITE = `SELECT nextval('dashboard_version_seq')`;

interface Statement {
  text: string;
  values: unknown[];
  start: number;
  end: number;
}

/** The SQL of one request: groups run one after the other, the statements of a group at once. */
type CapturedRequest = Statement[][];

interface LoadResult {
  latency: Distribution;
  requestsPerSecond: number;
  errors: number;
  /** The API's answers by status, and requests without one (the raw baseline has neither). */
  statuses?: Record<string, number>;
  noAnswer?: number;
  cpu: Record<string, CpuShare>;
  rssPeakMiB?: number;
}

interface ScenarioResult {
  scenario: string;
  connections: number;
  api: LoadResult;
  raw: LoadResult;
  statements: number;
}

export async function runApiBenchmark(
  options: ApiOptions,
): Promise<{ figures: Figure[]; details: unknown; errors: string[] }> {
  const data = await sharedDataset(options.pg, options);
  const sqlFile = join(options.scratch, 'api-sql.jsonl');
  step('api: starting the API process…');
  const api = await startApi({
    databaseUrl: data.url,
    logFile: join(options.scratch, 'api.log'),
    sqlFile,
    profileDir: options.profileDir,
  });
  // The API's own pool (DATABASE_POOL_SIZE, default 10): the raw baseline gets the same.
  const raw = new Pool({ connectionString: data.url, max: 10 });
  const results: ScenarioResult[] = [];
  const errors: string[] = [];
  // Every load, warm-up included, must be answered 2xx: a benchmark of refusals measures nothing.
  const checkLoad = (label: string, load: LoadResult) => {
    const problems = load.statuses
      ? loadProblems(label, { statuses: load.statuses, noAnswer: load.noAnswer ?? 0 })
      : load.errors > 0
        ? [`${label}: ${load.errors} SQL replays failed`]
        : [];
    for (const problem of problems) warn(`api: ${problem}`);
    errors.push(...problems);
  };
  const sql: Record<string, string[][][]> = {};
  const loadToken = (token: string) => (options.fault === 'bad-token' ? `${token}-not-a-token` : token);
  const rss = new RssSampler(api.pid);
  let idleRssMiB = 0;
  try {
    const tokens = await login(api, data);
    const pick = sampler(data.sampleIds);
    idleRssMiB = rss.sample();
    for (const scenario of SCENARIOS) {
      const token = tokens[scenario.user];
      let captured: CapturedRequest[];
      try {
        captured = await capture(api, raw, sqlFile, scenario, token, data.sampleIds[0]);
      } catch (error) {
        errors.push(`${scenario.key}: ${String(error)}`);
        warn(`api: ${scenario.name}: ${String(error)}`);
        continue;
      }
      sql[scenario.key] = captured.map((request) => request.map((group) => group.map((s) => s.text)));
      const statementCount = captured.reduce((sum, request) => sum + request.flat().length, 0);
      step(
        `api: ${scenario.name}: ${statementCount} SQL statements per ${scenario.paths.length > 1 ? 'page' : 'request'}`,
      );
      for (const connections of options.connections) {
        const warmup = Math.min(2, options.seconds / 4);
        const at = `${scenario.key}, ${connections} connection(s)`;
        checkLoad(
          `${at}, API warm-up`,
          await apiLoad(api, raw, scenario, loadToken(token), connections, warmup, pick, options.pg.pid()),
        );
        rss.reset();
        const apiResult = await apiLoad(
          api,
          raw,
          scenario,
          loadToken(token),
          connections,
          options.seconds,
          pick,
          options.pg.pid(),
        );
        apiResult.rssPeakMiB = rss.peak;
        checkLoad(`${at}, API`, apiResult);
        checkLoad(
          `${at}, raw SQL warm-up`,
          await rawLoad(raw, captured, data.sampleIds[0], connections, warmup, pick, options.pg.pid()),
        );
        const rawResult = await rawLoad(
          raw,
          captured,
          data.sampleIds[0],
          connections,
          options.seconds,
          pick,
          options.pg.pid(),
        );
        checkLoad(`${at}, raw SQL`, rawResult);
        results.push({
          scenario: scenario.key,
          connections,
          api: apiResult,
          raw: rawResult,
          statements: statementCount,
        });
        step(
          `  ${connections} connection(s): API p50 ${round(apiResult.latency.p50)} ms, p99 ${round(apiResult.latency.p99)} ms, ` +
            `${round(apiResult.requestsPerSecond)} req/s | raw SQL p50 ${round(rawResult.latency.p50)} ms, ` +
            `p99 ${round(rawResult.latency.p99)} ms, ${round(rawResult.requestsPerSecond)} req/s` +
            (apiResult.errors + rawResult.errors > 0
              ? ` | errors ${apiResult.errors} / ${rawResult.errors}`
              : ''),
        );
      }
    }
  } finally {
    rss.stop();
    await raw.end();
    await api.stop();
  }
  return {
    figures: apiFigures(results, options, idleRssMiB, data),
    details: {
      dataset: {
        counts: data.counts,
        loadSeconds: data.loadSeconds,
        organizations: data.organizations.length,
      },
      apiIdleRssMiB: idleRssMiB,
      results,
      /** The SQL of each request, as the API sent it: request → groups run in turn → statements run at once. */
      sql,
    },
    errors,
  };
}

async function login(api: ApiProcess, data: Dataset): Promise<Record<UserKey, string>> {
  const emails: Record<UserKey, string> = { ...data.emails, admin: data.adminEmail };
  const tokens = {} as Record<UserKey, string>;
  for (const [user, email] of Object.entries(emails) as [UserKey, string][]) {
    tokens[user] = await tokenFor(api.baseUrl, email, BENCH_PASSWORD);
  }
  return tokens;
}

/** Random sample experiments, drawn the same way by both sides. */
function sampler(ids: string[]): () => string {
  if (ids.length === 0) throw new Error('no sample experiment with check-ins in the first organisation');
  return () => ids[Math.floor(Math.random() * ids.length)];
}

// --- the SQL of each request, captured from the API itself ------------------------------

async function capture(
  api: ApiProcess,
  raw: Pool,
  sqlFile: string,
  scenario: Scenario,
  token: string,
  id: string,
): Promise<CapturedRequest[]> {
  const requests: CapturedRequest[] = [];
  for (const path of scenario.paths) {
    const url = `${api.baseUrl}${path.split(ID).join(id)}`;
    const get = async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };
    // Warm: the session's once-a-minute write is done, the planner's caches are filled.
    await get();
    await get();
    // The baseline of a dashboard is the SQL that computes it: the data changed just before.
    if (scenario.kind === 'dashboard') await raw.query(DASHBOARD_WRITE);
    const offset = fileSize(sqlFile);
    await api.capture(true);
    await get();
    await api.capture(false);
    const lines =
      fileSize(sqlFile) > offset ? readFileSync(sqlFile).subarray(offset).toString().trim().split('\n') : [];
    const statements = lines.map((line) => JSON.parse(line) as Statement).sort((a, b) => a.start - b.start);
    if (statements.length === 0) throw new Error(`no SQL captured for ${path}`);
    // Statements that overlapped in time ran concurrently (Promise.all on the pool).
    const groups: Statement[][] = [];
    let groupEnd = -Infinity;
    for (const statement of statements) {
      if (groups.length > 0 && statement.start < groupEnd) groups[groups.length - 1].push(statement);
      else groups.push([statement]);
      groupEnd = Math.max(groupEnd, statement.end);
    }
    requests.push(groups);
  }
  return requests;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

const TRANSACTION = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i;

function substitute(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.includes(from) ? value.split(from).join(to) : value;
  if (Array.isArray(value)) return value.map((item) => substitute(item, from, to));
  return value;
}

async function replay(pool: Pool, request: CapturedRequest, from: string, to: string): Promise<void> {
  const all = request.flat();
  if (all.some((s) => TRANSACTION.test(s.text))) {
    // A transaction keeps its connection, as TypeORM's query runner does.
    const client = await pool.connect();
    try {
      for (const s of all) await client.query(s.text, substitute(s.values, from, to) as unknown[]);
    } finally {
      client.release();
    }
    return;
  }
  for (const group of request) {
    await Promise.all(group.map((s) => pool.query(s.text, substitute(s.values, from, to) as unknown[])));
  }
}

// --- load ----------------------------------------------------------------------------

function cpuMeter(apiPid: number | null, pgPid: number | null): CpuMeter {
  return new CpuMeter({
    ...(apiPid ? { api: () => [apiPid] } : {}),
    ...(pgPid ? { postgres: () => withChildren(pgPid) } : {}),
  });
}

function shares(meter: CpuMeter): Record<string, CpuShare> {
  const { processes, machine } = meter.end();
  return { ...processes, machine };
}

async function apiLoad(
  api: ApiProcess,
  raw: Pool,
  scenario: Scenario,
  token: string,
  connections: number,
  seconds: number,
  pick: () => string,
  pgPid: number | null,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const statuses: Record<string, number> = {};
  const meter = cpuMeter(api.pid, pgPid);
  const tracker = autocannon({
    url: api.baseUrl,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: scenario.paths.map((path, index) => ({
      method: 'GET',
      setupRequest: (request, context) => {
        if (index === 0) context.id = pick();
        request.path = path.split(ID).join(String(context.id));
        return request;
      },
    })),
  });
  tracker.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) latencies.push(ms);
    else failures += 1;
  });
  const writer = scenario.writesPerSecond
    ? setInterval(
        () => void raw.query(DASHBOARD_WRITE).catch(() => undefined),
        1000 / scenario.writesPerSecond,
      )
    : undefined;
  let result: Awaited<typeof tracker>;
  try {
    result = await tracker;
  } finally {
    clearInterval(writer);
  }
  return {
    latency: distribution(latencies),
    requestsPerSecond: latencies.length / result.duration,
    errors: failures + result.errors + result.timeouts,
    statuses,
    noAnswer: result.errors + result.timeouts,
    cpu: shares(meter),
  };
}

async function rawLoad(
  pool: Pool,
  requests: CapturedRequest[],
  capturedId: string,
  connections: number,
  seconds: number,
  pick: () => string,
  pgPid: number | null,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const meter = cpuMeter(null, pgPid);
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const id = pick();
        for (const request of requests) {
          const t = performance.now();
          try {
            await replay(pool, request, capturedId, id);
            latencies.push(performance.now() - t);
          } catch (error) {
            errors += 1;
            if (errors === 1) warn(`raw replay failed: ${String(error)}`);
            await sleep(10);
          }
        }
      }
    }),
  );
  return {
    latency: distribution(latencies),
    requestsPerSecond: latencies.length / ((performance.now() - t0) / 1000),
    errors,
    cpu: shares(meter),
  };
}

// --- figures ----------------------------------------------------------------------------

function limitedBy(result: LoadResult): string {
  const parts = Object.entries(result.cpu)
    .filter(([name]) => name !== 'machine')
    .sort(([, a], [, b]) => b.percent - a.percent)
    .map(([name, share]) => `${name} ${Math.round(share.percent)}%`);
  return `CPU ${parts.join(', ')}; machine ${Math.round(result.cpu.machine?.percent ?? 0)}% busy`;
}

function apiFigures(
  results: ScenarioResult[],
  options: ApiOptions,
  idleRssMiB: number,
  data: Dataset,
): Figure[] {
  const figures: Figure[] = [];
  const size = `${Math.round(options.experiments / 1000)}k`;
  const low = Math.min(...options.connections);
  const high = Math.max(...options.connections);
  for (const scenario of SCENARIOS) {
    for (const r of results.filter((x) => x.scenario === scenario.key)) {
      const label = `${size}: ${scenario.name}, ${r.connections} conn.`;
      const within2x = (value: number | null) => (value === null ? null : value <= 2);
      const p99Ratio = ratio(r.api.latency.p99, r.raw.latency.p99);
      const rows: Figure[] = [];
      if (r.connections === low) {
        const p50Ratio = ratio(r.api.latency.p50, r.raw.latency.p50);
        rows.push({
          benchmark: 'api',
          name: `${label}: p50`,
          value: r.api.latency.p50,
          unit: 'ms',
          baselineName: 'same SQL via pg',
          baseline: r.raw.latency.p50,
          ratio: p50Ratio,
          goal: '≤ 2x raw',
          met: within2x(p50Ratio),
          limitedBy: limitedBy(r.api),
        });
      }
      rows.push({
        benchmark: 'api',
        name: `${label}: p99`,
        value: r.api.latency.p99,
        unit: 'ms',
        baselineName: 'same SQL via pg',
        baseline: r.raw.latency.p99,
        ratio: p99Ratio,
        goal: scenario.goalP99 ? `< ${scenario.goalP99} ms; ≤ 2x raw` : '≤ 2x raw',
        met: scenario.goalP99
          ? r.api.latency.p99 < scenario.goalP99 && within2x(p99Ratio) !== false
          : within2x(p99Ratio),
        limitedBy: limitedBy(r.api),
      });
      if (r.connections === high) {
        const throughput = ratio(r.api.requestsPerSecond, r.raw.requestsPerSecond);
        rows.push({
          benchmark: 'api',
          name: `${label}: requests/s`,
          value: r.api.requestsPerSecond,
          unit: '/s',
          baselineName: 'same SQL via pg',
          baseline: r.raw.requestsPerSecond,
          ratio: throughput,
          goal: '≥ 0.5x raw',
          met: throughput === null ? null : throughput >= 0.5,
          limitedBy: limitedBy(r.api),
        });
      }
      figures.push(...rows);
    }
  }
  const peak = Math.max(0, ...results.map((r) => r.api.rssPeakMiB ?? 0));
  figures.push({
    benchmark: 'memory',
    name: `API RSS under load (${size} experiments, up to ${high} connections)`,
    value: peak,
    unit: 'MiB',
    baselineName: 'API idle',
    baseline: idleRssMiB,
    ratio: ratio(peak, idleRssMiB),
    limitedBy: `Node heap and response buffers; ${data.counts.experiments.toLocaleString('en-US')} experiments in PostgreSQL`,
  });
  return figures;
}
