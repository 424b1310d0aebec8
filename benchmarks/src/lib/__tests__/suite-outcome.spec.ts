// scripts/test.mjs's counting (scripts/lib/suite-outcome.cjs) of benchmark checks and of the browser suite.
import { EXIT } from '../verdict';
const outcome = require('../../../../scripts/lib/suite-outcome.cjs') as {
  BENCHMARK_SKIPPED: number;
  inCi(env: Record<string, string | undefined>): boolean;
  benchmarkCheck(status: number | null, ci: boolean): { result: string; note?: string };
  browserSuite(chromium: string | null, ci: boolean, hint: string): { run: boolean; failure?: string };
};

describe('npm test: benchmark checks and the browser suite', () => {
  it('uses the exit code the benchmarks give a skip', () => {
    expect(outcome.BENCHMARK_SKIPPED).toBe(EXIT.skipped);
  });

  it('counts a benchmark by its exit code: 0 passed, a skip skipped, anything else failed', () => {
    expect(outcome.benchmarkCheck(EXIT.passed, false).result).toBe('passed');
    expect(outcome.benchmarkCheck(EXIT.failed, false).result).toBe('failed');
    expect(outcome.benchmarkCheck(EXIT.couldNotRun, false).result).toBe('failed');
    expect(outcome.benchmarkCheck(null, false).result).toBe('failed');
    expect(outcome.benchmarkCheck(EXIT.skipped, false).result).toBe('skipped');
  });

  it('fails a skipped benchmark in CI', () => {
    expect(outcome.benchmarkCheck(EXIT.skipped, true)).toEqual({
      result: 'failed',
      note: 'skipped, and CI=true: every benchmark must run in CI',
    });
  });

  it('runs the browser suite (its tests then skip) without Chromium outside CI, fails it in CI', () => {
    expect(outcome.browserSuite('/usr/bin/chromium', true, 'hint')).toEqual({ run: true });
    expect(outcome.browserSuite(null, false, 'hint')).toEqual({ run: true });
    expect(outcome.browserSuite(null, true, 'no Chromium')).toEqual({
      run: false,
      failure: 'skipped in CI (CI=true), where the browser suite must run: no Chromium',
    });
  });
});
