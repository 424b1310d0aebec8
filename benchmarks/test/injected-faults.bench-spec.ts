// The benchmark checks of `npm test` fail when the work fails: each run below injects a
// real failure (--fault, benchmarks/src/main.ts) or takes Chromium away, at the ci size,
// and must not pass. Run by `npm test -- bench` after the benchmark checks themselves.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT } from '../src/lib/verdict';

const repoRoot = resolve(__dirname, '..', '..');

function bench(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  const results = mkdtempSync(join(tmpdir(), 'capacites-bench-fault-'));
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(repoRoot, 'scripts', 'register.cjs'),
      join(repoRoot, 'benchmarks', 'src', 'main.ts'),
      '--size=ci',
      `--results=${results}`,
      ...args,
    ],
    { cwd: repoRoot, env: { ...process.env, CI: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) =>
    child.on('close', (code) => {
      rmSync(results, { recursive: true, force: true });
      done({ code, output });
    }),
  );
}

/** The verdict printed at the end of a run. */
const verdictOf = (output: string) => output.slice(output.lastIndexOf('Verdict (size ci):'));

describe('benchmark checks fail when their work fails (injected faults, ci size)', () => {
  it('storm: every launch refused, so no experiment started: exit 1, the reason printed', async () => {
    const { code, output } = await bench(['--only=storm', '--fault=launch-refused']);
    expect(verdictOf(output)).toContain('FAIL storm: lifecycle N=30: 30 of 30 experiments were not started');
    expect(code).toBe(EXIT.failed);
  }, 900_000);

  it('api: every load request refused (401): exit 1, the statuses printed', async () => {
    const { code, output } = await bench(['--only=api', '--fault=bad-token']);
    expect(verdictOf(output)).toMatch(
      /FAIL api: list-first-screen, 4 connection\(s\), API: (\d+) of \1 answers were not 2xx \(401 ×\1\)/,
    );
    expect(code).toBe(EXIT.failed);
  }, 900_000);

  it('answers: the questionnaire closed, every public answer refused (409): exit 1, the statuses printed', async () => {
    const { code, output } = await bench(['--only=answers', '--fault=closed-questionnaire']);
    expect(verdictOf(output)).toMatch(/FAIL answers: answers, API: (\d+) of \1 answers were not 2xx \(409 ×\1\)/);
    expect(code).toBe(EXIT.failed);
  }, 900_000);

  it('backoffice: without Chromium it is a skip (exit 3, counted as skipped), not a pass', async () => {
    const { code, output } = await bench(['--only=backoffice'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(verdictOf(output)).toContain('SKIP backoffice: no Chromium');
    expect(code).toBe(EXIT.skipped);
  }, 900_000);
});
