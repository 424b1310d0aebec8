// How scripts/test.mjs counts a suite that could not run here: a skip, reported as one
// (the summary's skipped total), and a failure in CI (CI=true), where everything must run.
'use strict';

/** main.ts's exit code for a skipped benchmark (benchmarks/src/lib/verdict.ts, EXIT.skipped). */
const BENCHMARK_SKIPPED = 3;

/** CI=true (GitHub Actions, GitLab CI and most others set it). */
function inCi(env = process.env) {
  return /^(1|true|yes)$/i.test(env.CI ?? '');
}

/**
 * A benchmark check from its exit code.
 * @returns {{ result: 'passed' | 'failed' | 'skipped', note?: string }}
 */
function benchmarkCheck(status, ci) {
  if (status === 0) return { result: 'passed' };
  if (status === BENCHMARK_SKIPPED)
    return ci
      ? { result: 'failed', note: 'skipped, and CI=true: every benchmark must run in CI' }
      : { result: 'skipped', note: 'skipped (see its reason above)' };
  return { result: 'failed', note: status === null ? 'killed' : `exit ${status}, reasons above` };
}

/**
 * The browser suite without a browser: skipped with the hint, or failed in CI.
 * @returns {{ run: boolean, failure?: string }}
 */
function browserSuite(chromium, ci, hint) {
  if (chromium) return { run: true };
  if (ci) return { run: false, failure: `skipped in CI (CI=true), where the browser suite must run: ${hint}` };
  return { run: true };
}

module.exports = { BENCHMARK_SKIPPED, inCi, benchmarkCheck, browserSuite };
