// Issue 14's benchmark: public answers to a questionnaire, sustained at a fixed rate (200 a
// second by default) against the real API process, p99 against the same INSERT (captured from
// the API's own `pg` calls) replayed through `pg` at the same rate with the API's pool size.
//
// The load is open-loop: a request is due every 1/rate second whether or not the previous
// ones have answered, and each latency counts from when it was due, so that a slow server
// shows as latency instead of silently lowering the rate (coordinated omission). Clients
// speak from many addresses (X-Forwarded-For behind one trusted proxy, as in production
// behind nginx): each stays within PUBLIC_ANSWERS_PER_MINUTE, so the limiter runs on every
// request but refuses none, as with real usagers.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { runMigrations } from '@capacites/persistence';
import { startApi, type ApiProcess } from '../api/api-process';
import { step, warn } from '../lib/log';
import { CpuMeter, withChildren } from '../lib/processes';
import type { Figure } from '../lib/report';
import { databaseUrl, type Postgres } from '../lib/services';
import { distribution, ratio, round, type Distribution } from '../lib/stats';
import { loadProblems } from '../lib/verdict';

export interface AnswersOptions {
  /** Answers per second to sustain. */
  rate: number;
  seconds: number;
  scratch: string;
  pg: Postgres;
  profileDir?: string;
  /** Injected on purpose (--fault=closed-questionnaire): every answer is refused, the check must fail. */
  fault?: 'closed-questionnaire';
}

const GOAL_P99_MS = 100;
/** Answers one address sends before the next address takes over (under the limiter's 20 a minute). */
const PER_ADDRESS = 10;

interface LoadResult {
  latency: Distribution;
  /** Answers completed per second over the load's duration (due → last answer). */
  achievedPerSecond: number;
  sent: number;
  statuses: Record<string, number>;
  noAnswer: number;
  /** Why requests got no answer (ECONNRESET, timeout…), for the report. */
  failures: Record<string, number>;
}

const QUESTIONS = [
  { id: 'note', kind: 'scale', label: 'Êtes-vous satisfait·e de l’accueil ?', help: '', required: true, criterionId: null, anonymous: true, options: [], minLabel: 'Pas du tout', maxLabel: 'Tout à fait' },
  { id: 'again', kind: 'yesNo', label: 'Reviendriez-vous ?', help: '', required: false, criterionId: null, anonymous: true, options: [], minLabel: '', maxLabel: '' },
  { id: 'when', kind: 'singleChoice', label: 'Quand êtes-vous venu·e ?', help: '', required: false, criterionId: null, anonymous: true, options: ['Matin', 'Midi', 'Après-midi'], minLabel: '', maxLabel: '' },
  { id: 'words', kind: 'longText', label: 'En quelques mots', help: '', required: false, criterionId: null, anonymous: true, options: [], minLabel: '', maxLabel: '' },
];
const answerBody = (i: number) => ({
  note: 1 + (i % 5),
  again: i % 3 !== 0,
  when: ['Matin', 'Midi', 'Après-midi'][i % 3],
  words: 'Accueil rapide, agent très disponible, la borne est simple à utiliser.',
});

/** An organisation, a running test and an open public questionnaire, written through `pg`. */
async function dataset(pg: Postgres): Promise<{ url: string; questionnaireId: string; code: string; organizationId: string }> {
  const name = `answers_${randomUUID().slice(0, 8)}`;
  const url = databaseUrl(await pg.createDatabase(name), name);
  await runMigrations({ url });
  const pool = new Pool({ connectionString: url, max: 1 });
  const organizationId = randomUUID();
  const experimentId = randomUUID();
  const questionnaireId = randomUUID();
  const code = 'bench' + randomBytes(4).toString('hex').replace(/[01ilo]/g, '2').slice(0, 5);
  try {
    await pool.query(`INSERT INTO organizations (id, slug, name, kind) VALUES ($1, $2, 'Ville de Rennes', 'commune')`, [
      organizationId,
      `answers-${organizationId.slice(0, 8)}`,
    ]);
    await pool.query(
      `INSERT INTO experiments (id, organization_id, title, state, workflow_id) VALUES ($1, $2, 'Guichet unique', 'running', $3)`,
      [experimentId, organizationId, `experiment-${experimentId}`],
    );
    await pool.query(
      `INSERT INTO questionnaires (id, organization_id, experiment_id, title, audience, window_kind, status, opens_at,
                                   closes_at, questions, public_code, published_at)
       VALUES ($1, $2, $3, 'Votre avis sur l’accueil', 'public', 'run', 'open', now(), now() + interval '30 days', $4, $5, now())`,
      [questionnaireId, organizationId, experimentId, JSON.stringify(QUESTIONS), code],
    );
  } finally {
    await pool.end();
  }
  return { url, questionnaireId, code, organizationId };
}

/** Sends `count` jobs at `rate` per second, each timed from when it was due; waits for all. */
async function openLoop(
  rate: number,
  seconds: number,
  job: (i: number) => Promise<number | string>,
): Promise<LoadResult> {
  const count = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let noAnswer = 0;
  const failures: Record<string, number> = {};
  const fail = (why: string) => {
    noAnswer += 1;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  const start = performance.now();
  const pending: Promise<void>[] = [];
  let lastEnd = start;
  for (let i = 0; i < count; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      job(i).then(
        (status) => {
          const end = performance.now();
          lastEnd = Math.max(lastEnd, end);
          latencies.push(end - due);
          if (typeof status === 'string') fail(status);
          else statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
        },
        (error: unknown) => fail(error instanceof Error ? error.message.slice(0, 80) : String(error)),
      ),
    );
  }
  await Promise.all(pending);
  return {
    latency: distribution(latencies),
    achievedPerSecond: count / Math.max(0.001, (lastEnd - start) / 1000),
    sent: count,
    statuses,
    noAnswer,
    failures,
  };
}

export async function runAnswersBenchmark(
  options: AnswersOptions,
): Promise<{ figures: Figure[]; details: unknown; errors: string[] }> {
  step('answers: creating the database (a running test, an open public questionnaire)…');
  const data = await dataset(options.pg);
  const sqlFile = join(options.scratch, 'answers-sql.jsonl');
  step('answers: starting the API process…');
  const api: ApiProcess = await startApi({
    databaseUrl: data.url,
    logFile: join(options.scratch, 'answers-api.log'),
    sqlFile,
    profileDir: options.profileDir,
    env: { TRUST_PROXY_HOPS: '1', PUBLIC_URL: 'http://localhost:5173' },
  });
  const errors: string[] = [];
  const raw = new Pool({ connectionString: data.url, max: 10 });
  // A fresh pool of connections per phase: a socket left idle between phases may be closed by
  // the server just as it is reused, which would count against the API for the client's doing.
  let agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const freshAgent = () => {
    agent.destroy();
    agent = new Agent({ keepAlive: true, maxSockets: 256 });
  };
  const { host, port } = new URL(api.baseUrl);
  const path = `/api/public/questionnaires/${data.code}/responses`;
  let sequence = 0;
  const post = (i: number): Promise<number | string> => {
    const n = sequence++;
    const body = JSON.stringify({
      token: randomBytes(16).toString('hex'),
      answers: answerBody(i),
    });
    const address = `10.${(n >> 16) & 255}.${(Math.floor(n / PER_ADDRESS) >> 8) & 255}.${Math.floor(n / PER_ADDRESS) & 255}`;
    return new Promise((resolve) => {
      const req = request(
        {
          agent,
          host: host.replace(/:\d+$/, ''),
          port,
          path,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': address },
          timeout: 30_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 'no status'));
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'client timeout (30 s)' })));
      req.end(body);
    });
  };
  let apiResult: LoadResult | undefined;
  /** CPU the API process and PostgreSQL used per answer: whether the rate fits this machine's cores. */
  let cpu: { apiMsPerAnswer: number; postgresMsPerAnswer: number | null; machinePercent: number } | undefined;
  let rawResult: LoadResult | undefined;
  let statement: { text: string; values: unknown[] } | undefined;
  try {
    if (options.fault === 'closed-questionnaire')
      await raw.query(`UPDATE questionnaires SET status = 'closed', closed_at = now() WHERE id = $1`, [data.questionnaireId]);
    // Capture the INSERT the API sends for an answer: the baseline replays that very statement.
    await api.capture(true);
    for (let i = 0; i < 5; i++) await post(i);
    await api.capture(false);
    const captured = readFileSync(sqlFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { text: string; values: unknown[] });
    statement = captured.find((s) => /INSERT INTO questionnaire_responses/.test(s.text));
    if (!statement && options.fault === undefined) errors.push('answers: the API sent no INSERT for an answer');
    step(`answers: ${captured.length / 5} SQL statements per answer (captured)`);

    const warmup = Math.min(2, options.seconds / 2);
    step(`answers: warm-up, ${options.rate}/s for ${warmup} s…`);
    await openLoop(options.rate, warmup, post);
    freshAgent();
    step(`answers: API, ${options.rate} public answers a second for ${options.seconds} s…`);
    const before = Number((await raw.query(`SELECT count(*) AS n FROM questionnaire_responses`)).rows[0].n);
    const pgPid = options.pg.pid();
    const meter = new CpuMeter({
      api: () => [api.pid],
      ...(pgPid ? { postgres: () => withChildren(pgPid) } : {}),
    });
    apiResult = await openLoop(options.rate, options.seconds, post);
    const used = meter.end();
    const answered = Math.max(1, apiResult.sent);
    cpu = {
      apiMsPerAnswer: round((1000 * used.processes.api.seconds) / answered, 2),
      postgresMsPerAnswer: used.processes.postgres ? round((1000 * used.processes.postgres.seconds) / answered, 2) : null,
      machinePercent: round(used.machine.percent, 0),
    };
    const after = Number((await raw.query(`SELECT count(*) AS n FROM questionnaire_responses`)).rows[0].n);
    errors.push(...loadProblems('answers, API', { statuses: apiResult.statuses, noAnswer: apiResult.noAnswer }));
    if (apiResult.noAnswer > 0)
      warn(`answers: no answer: ${Object.entries(apiResult.failures).map(([why, n]) => `${why} ×${n}`).join(', ')}`);
    const created = apiResult.statuses['201'] ?? 0;
    if (after - before !== created)
      errors.push(`answers: ${created} answers acknowledged (201) but ${after - before} rows written`);
    step(
      `  API: p50 ${round(apiResult.latency.p50)} ms, p99 ${round(apiResult.latency.p99)} ms, ` +
        `${round(apiResult.achievedPerSecond)}/s achieved of ${options.rate}/s; CPU per answer: API ${cpu.apiMsPerAnswer} ms, ` +
        `PostgreSQL ${cpu.postgresMsPerAnswer ?? '?'} ms; machine ${cpu.machinePercent}% busy`,
    );

    if (statement) {
      const text = statement.text;
      const values = statement.values;
      const insert = () =>
        raw
          .query(text, values.map((v, k) => (k === 0 ? randomUUID() : k === 2 ? randomBytes(32).toString('hex') : v)))
          .then(
            () => 200,
            (error: Error) => error.message.slice(0, 80),
          );
      await openLoop(options.rate, warmup, insert);
      step(`answers: the same INSERT through pg, ${options.rate}/s for ${options.seconds} s…`);
      rawResult = await openLoop(options.rate, options.seconds, insert);
      if (rawResult.noAnswer > 0) errors.push(`answers, raw INSERT: ${rawResult.noAnswer} statements failed`);
      step(`  raw INSERT: p50 ${round(rawResult.latency.p50)} ms, p99 ${round(rawResult.latency.p99)} ms`);
    }
  } finally {
    agent.destroy();
    await raw.end();
    await api.stop();
  }
  for (const problem of errors) warn(problem);
  const figures: Figure[] = [];
  if (apiResult) {
    const sustained = apiResult.achievedPerSecond >= options.rate * 0.95;
    figures.push({
      benchmark: 'answers',
      name: `public answers at ${options.rate}/s for ${options.seconds} s: p99`,
      value: round(apiResult.latency.p99, 1),
      unit: 'ms',
      baselineName: 'the same INSERT through pg',
      baseline: rawResult ? round(rawResult.latency.p99, 1) : null,
      ratio: rawResult ? ratio(apiResult.latency.p99, rawResult.latency.p99) : null,
      goal: `${options.rate}/s sustained, p99 < ${GOAL_P99_MS} ms`,
      met: sustained && apiResult.latency.p99 < GOAL_P99_MS && errors.length === 0,
      ...(cpu
        ? {
            limitedBy: `CPU per answer: API ${cpu.apiMsPerAnswer} ms, PostgreSQL ${cpu.postgresMsPerAnswer ?? '?'} ms; machine ${cpu.machinePercent}% busy`,
          }
        : {}),
    });
    figures.push({
      benchmark: 'answers',
      name: `public answers at ${options.rate}/s: p50`,
      value: round(apiResult.latency.p50, 1),
      unit: 'ms',
      baselineName: 'the same INSERT through pg',
      baseline: rawResult ? round(rawResult.latency.p50, 1) : null,
      ratio: rawResult ? ratio(apiResult.latency.p50, rawResult.latency.p50) : null,
    });
    figures.push({
      benchmark: 'answers',
      name: 'public answers: rate achieved',
      value: round(apiResult.achievedPerSecond, 1),
      unit: '/s',
      baselineName: 'rate asked',
      baseline: options.rate,
      ratio: ratio(apiResult.achievedPerSecond, options.rate),
    });
  }
  return { figures, details: { rate: options.rate, seconds: options.seconds, api: apiResult, raw: rawResult, cpu }, errors };
}
