import { EXIT, inCi, loadProblems, stormProblems, verdict } from '../verdict';

describe('benchmark verdict: a benchmark fails when its work fails', () => {
  describe('storm', () => {
    const done = (kind: 'lifecycle' | 'baseline', n: number) => ({ kind, n, started: n, completed: n });

    it('passes when every experiment started and reached the expected state', () => {
      expect(stormProblems([done('lifecycle', 30), done('baseline', 30)], [30])).toEqual([]);
    });

    it('fails when every experiment failed to start (the old check passed it: 0 of 0 completed)', () => {
      const problems = stormProblems(
        [{ kind: 'lifecycle', n: 30, started: 0, completed: 0 }, done('baseline', 30)],
        [30],
      );
      expect(problems).toEqual(['lifecycle N=30: 30 of 30 experiments were not started']);
    });

    it('fails when started experiments did not reach the expected state', () => {
      expect(
        stormProblems([done('lifecycle', 30), { kind: 'baseline', n: 30, started: 30, completed: 28 }], [30]),
      ).toEqual([
        'baseline N=30: 2 of 30 started experiments did not reach the expected state after the instant',
      ]);
    });

    it('fails when a size did not run at all', () => {
      expect(stormProblems([done('lifecycle', 30)], [30])).toEqual(['baseline N=30: did not run']);
    });
  });

  describe('API load', () => {
    it('passes when every answer is 2xx', () => {
      expect(loadProblems('list', { statuses: { 200: 120 }, noAnswer: 0 })).toEqual([]);
    });

    it('fails on non-2xx answers, naming each status', () => {
      expect(loadProblems('page', { statuses: { 200: 10, 401: 3, 500: 1 }, noAnswer: 0 })).toEqual([
        'page: 4 of 14 answers were not 2xx (401 ×3, 500 ×1)',
      ]);
    });

    it('fails on requests without an answer, and on a load that sent nothing', () => {
      expect(loadProblems('dashboard', { statuses: { 200: 5 }, noAnswer: 2 })).toEqual([
        'dashboard: 2 requests got no answer (errors, timeouts)',
      ]);
      expect(loadProblems('dashboard', { statuses: {}, noAnswer: 0 })).toEqual([
        'dashboard: no request was sent',
      ]);
    });
  });

  describe('the run', () => {
    it('passes when every benchmark did its work', () => {
      expect(verdict([{ name: 'storm', problems: [] }], { ci: false })).toEqual({
        exitCode: EXIT.passed,
        lines: ['ok   storm'],
      });
    });

    it('fails with the reasons when one benchmark failed', () => {
      const result = verdict(
        [
          { name: 'storm', problems: [] },
          { name: 'api', problems: ['page: 4 of 14 answers were not 2xx (401 ×4)'] },
        ],
        { ci: false },
      );
      expect(result.exitCode).toBe(EXIT.failed);
      expect(result.lines).toContain('FAIL api: page: 4 of 14 answers were not 2xx (401 ×4)');
    });

    it('reports a skip as a skip (not a pass) outside CI', () => {
      const result = verdict([{ name: 'backoffice', problems: [], skipped: 'no Chromium' }], { ci: false });
      expect(result).toEqual({ exitCode: EXIT.skipped, lines: ['SKIP backoffice: no Chromium'] });
      expect(result.exitCode).not.toBe(EXIT.passed);
    });

    it('fails a skip in CI', () => {
      const result = verdict([{ name: 'backoffice', problems: [], skipped: 'no Chromium' }], { ci: true });
      expect(result.exitCode).toBe(EXIT.failed);
      expect(result.lines[0]).toMatch(/^FAIL backoffice: skipped in CI/);
    });

    it('a failure outweighs a skip', () => {
      const result = verdict(
        [
          { name: 'api', problems: ['x'] },
          { name: 'backoffice', problems: [], skipped: 'no Chromium' },
        ],
        { ci: false },
      );
      expect(result.exitCode).toBe(EXIT.failed);
    });
  });

  it('reads CI=true as CI', () => {
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI: '1' })).toBe(true);
    expect(inCi({ CI: 'false' })).toBe(false);
    expect(inCi({})).toBe(false);
  });
});
