// Whether a benchmark run did its work. Timings are never judged (the machine varies);
// the work is: every experiment started and reached the state it was driven to, every
// request answered 2xx, every screen measured. A benchmark that could not do part of its
// work fails with the reason; one that could not run at all here (no Chromium) is a skip,
// reported as such, and a failure in CI, where everything must run.

/** main.ts's exit codes; scripts/test.mjs reads them. */
export const EXIT = { passed: 0, failed: 1, couldNotRun: 2, skipped: 3 } as const;

export interface StormRunCounts {
  kind: 'lifecycle' | 'baseline';
  n: number;
  /** Put in their waiting state (created and launched for the lifecycle). */
  started: number;
  /** Reached the state expected after the instant. */
  completed: number;
}

export function stormProblems(runs: StormRunCounts[], sizes: number[]): string[] {
  const problems: string[] = [];
  for (const n of sizes) {
    for (const kind of ['lifecycle', 'baseline'] as const) {
      const run = runs.find((r) => r.n === n && r.kind === kind);
      if (!run) {
        problems.push(`${kind} N=${n}: did not run`);
        continue;
      }
      if (run.started < run.n)
        problems.push(`${kind} N=${n}: ${run.n - run.started} of ${run.n} experiments were not started`);
      if (run.completed < run.started)
        problems.push(
          `${kind} N=${n}: ${run.started - run.completed} of ${run.started} started experiments did not reach the expected state after the instant`,
        );
    }
  }
  return problems;
}

export interface LoadCounts {
  /** Answers by status code, every status (2xx included). */
  statuses: Record<string, number>;
  /** Connection errors and timeouts (no answer at all). */
  noAnswer: number;
}

/** A load against the API: every answer must be 2xx and every request answered. */
export function loadProblems(label: string, load: LoadCounts): string[] {
  const answers = Object.values(load.statuses).reduce((sum, count) => sum + count, 0);
  const bad = Object.entries(load.statuses).filter(([status]) => !/^2\d\d$/.test(status));
  const problems: string[] = [];
  if (bad.length > 0) {
    const count = bad.reduce((sum, [, n]) => sum + n, 0);
    problems.push(
      `${label}: ${count} of ${answers} answers were not 2xx (${bad.map(([status, n]) => `${status} ×${n}`).join(', ')})`,
    );
  }
  if (load.noAnswer > 0)
    problems.push(`${label}: ${load.noAnswer} requests got no answer (errors, timeouts)`);
  if (answers === 0 && load.noAnswer === 0) problems.push(`${label}: no request was sent`);
  return problems;
}

export interface BenchmarkOutcome {
  name: string;
  /** Work that failed; any one fails the run. */
  problems: string[];
  /** Why the benchmark could not run here, when it could not. */
  skipped?: string | null;
}

export interface Verdict {
  exitCode: (typeof EXIT)[keyof typeof EXIT];
  lines: string[];
}

/** One run's verdict: failed when any work failed; skipped when some benchmark could not run (a failure in CI). */
export function verdict(outcomes: BenchmarkOutcome[], options: { ci: boolean }): Verdict {
  const lines: string[] = [];
  let failed = false;
  let skipped = false;
  for (const outcome of outcomes) {
    for (const problem of outcome.problems) {
      failed = true;
      lines.push(`FAIL ${outcome.name}: ${problem}`);
    }
    if (outcome.skipped) {
      if (options.ci) {
        failed = true;
        lines.push(
          `FAIL ${outcome.name}: skipped in CI (CI=true), where every benchmark must run: ${outcome.skipped}`,
        );
      } else {
        skipped = true;
        lines.push(`SKIP ${outcome.name}: ${outcome.skipped}`);
      }
    }
    if (outcome.problems.length === 0 && !outcome.skipped) lines.push(`ok   ${outcome.name}`);
  }
  return { exitCode: failed ? EXIT.failed : skipped ? EXIT.skipped : EXIT.passed, lines };
}

/** CI=true (GitHub Actions, GitLab CI and most others set it). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.CI ?? '');
}
