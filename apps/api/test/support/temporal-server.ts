// A Temporal dev server on a SQLite file that a test stops, restarts or starts on a copy
// (faults, backup and restore). The same command and SQLite settings as `npm start`
// (scripts/lib/temporal-dev-server.mjs, which jest cannot load: it is an ES module).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';

/** The Temporal CLI found or built by the run (scripts/testing/global-setup.mjs). */
export function temporalCli(): string {
  const cli = process.env.CAPACITES_TEST_TEMPORAL_CLI;
  if (!cli) {
    throw new Error(
      'No Temporal CLI for this run (CAPACITES_TEST_TEMPORAL_CLI): a test that restarts Temporal needs one. ' +
        'Put `temporal` on PATH, set TEMPORAL_CLI_PATH, or install Go so that `npm test` builds it.',
    );
  }
  return cli;
}

export interface TemporalServer {
  address: string;
  dbFile: string;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`: resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: no chance to flush anything. */
  kill(): Promise<void>;
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the dev server on `dbFile` and waits until it serves (a gRPC call answers, not only
 * the port). A start that fails (the SQLite file refused, a crash) throws with the server's
 * own output, so that the failure is named.
 */
export async function startTemporalServer(options: {
  dbFile: string;
  port: number;
  timeoutMs?: number;
}): Promise<TemporalServer> {
  const { dbFile, port, timeoutMs = 60_000 } = options;
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    dbFile,
    '--sqlite-pragma',
    'journal_mode=WAL',
    '--sqlite-pragma',
    'synchronous=NORMAL',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--headless',
    '--namespace',
    'default',
    '--log-level',
    'warn',
  ];
  mkdirSync(dirname(dbFile), { recursive: true });
  const child = spawn(temporalCli(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((done) =>
    child.once('exit', (code) => {
      exitCode = code;
      done();
    }),
  );
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let lastError = 'the port never opened';
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(
        `the Temporal dev server exited (code ${exitCode}) while starting on ${dbFile}:\n${output}`,
      );
    }
    if (await portOpen(port)) {
      try {
        const connection = await Connection.connect({ address, connectTimeout: 2_000 });
        try {
          await connection.workflowService.getSystemInfo({});
          await connection.workflowService.describeNamespace({ namespace: 'default' });
        } finally {
          await connection.close();
        }
        break;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(
        `the Temporal dev server on ${dbFile} does not serve after ${timeoutMs} ms (${lastError}):\n${output}`,
      );
    }
    await new Promise((tick) => setTimeout(tick, 200));
  }
  return {
    address,
    dbFile,
    output: () => output,
    async stop(graceMs = 10_000) {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (exitCode !== undefined) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
