// Ctrl-C on `npm start`: the terminal's SIGINT reaches every process of the group, and
// `npm start` sends SIGTERM as well. The worker and the API must stop once, cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startStack, type TestStack } from '../support/stack';
import { startWorkerProcess } from '../support/worker-process';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const exitOf = (child: ChildProcess): Promise<Exit> =>
  new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));

/** The API (apps/api/src/main.ts) as a process of its own, ready once it listens. */
async function startApiProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output(): string }> {
  const child = spawn(
    process.execPath,
    ['-r', join(repoRoot, 'scripts', 'register.cjs'), join(repoRoot, 'apps', 'api', 'src', 'main.ts')],
    { cwd: repoRoot, env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('API listening on')) ready();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      fail(new Error(`the API exited (code ${code}) before listening:\n${output}`)),
    );
  });
  return { child, output: () => output };
}

/** A stack trace line, or the error the SDK threw when asked to stop twice. */
const TRACE = /^\s+at |IllegalStateError|Not running\. Current state/m;

describe('Stopping the worker and the API with two signals (Ctrl-C under npm start)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it.each([
    ['SIGINT', 'SIGTERM'],
    ['SIGTERM', 'SIGINT'],
  ] as const)('the worker gets %s then %s: exits 0, once, without a stack trace', async (first, second) => {
    const worker = await startWorkerProcess({ ...stack.env, LOG_LEVEL: 'info' });
    const exited = exitOf(worker.child);
    worker.child.kill(first);
    worker.child.kill(second);
    const exit = await exited;
    const output = worker.output();
    expect(output).not.toMatch(TRACE);
    expect(exit).toEqual({ code: 0, signal: null });
    // Two signals pending at once are handled in signal-number order, not in sending order:
    // whichever comes first stops the worker, the other is acknowledged.
    expect(output.match(/SIG(INT|TERM): finishing in-flight tasks, then stopping/g)).toHaveLength(1);
    expect(output.match(/SIG(INT|TERM): already stopping/g)).toHaveLength(1);
    expect(output).toContain('worker stopped');
  });

  it.each([
    ['SIGINT', 'SIGTERM'],
    ['SIGTERM', 'SIGINT'],
  ] as const)('the API gets %s then %s: exits 0 without a stack trace', async (first, second) => {
    const api = await startApiProcess({ ...stack.env, API_PORT: '0' });
    const exited = exitOf(api.child);
    api.child.kill(first);
    api.child.kill(second);
    const exit = await exited;
    expect(api.output()).not.toMatch(TRACE);
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
