// A Temporal dev server on a SQLite file that a test stops, restarts or starts on a copy
// (faults, backup and restore). The same command and SQLite settings as `npm start`
// (scripts/lib/temporal-dev-server.mjs, which jest cannot load: it is an ES module).
// In server mode (`npm test -- --temporal=server faults`), the real Temporal server instead,
// on the PostgreSQL cluster and with the environment that scripts/testing/faults-global-setup.mjs
// prepared (deploy/temporal/config.yaml): `dbFile` is then only a label.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';

/** The real server of a `--temporal=server` run: its binary, configuration and environment. */
export function realTemporalServer(): { binary: string; config: string; env: Record<string, string> } | null {
  const binary = process.env.CAPACITES_TEST_TEMPORAL_SERVER;
  if (!binary) return null;
  return {
    binary,
    config: process.env.CAPACITES_TEST_TEMPORAL_SERVER_CONFIG as string,
    env: JSON.parse(process.env.CAPACITES_TEST_TEMPORAL_SERVER_ENV as string) as Record<string, string>,
  };
}

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
 * The real server starts without namespaces: register `default` (30 days of retention for
 * closed workflows, as scripts/lib/temporal-server.mjs does), then wait until the frontend's
 * namespace cache serves it (a lookup then says "workflow not found", not "namespace").
 */
async function registerDefaultNamespace(connection: Connection): Promise<void> {
  try {
    await connection.workflowService.registerNamespace({
      namespace: 'default',
      workflowExecutionRetentionPeriod: msToTs('30 days'),
    });
  } catch (error) {
    // 6: ALREADY_EXISTS, a restart on the same databases.
    if ((error as { code?: number }).code !== 6) throw error;
  }
  try {
    await connection.workflowService.describeWorkflowExecution({
      namespace: 'default',
      execution: { workflowId: 'capacites-readiness-probe' },
    });
  } catch (error) {
    const message = (error as { details?: string; message: string }).details ?? (error as Error).message;
    if (/namespace/i.test(message)) throw error;
  }
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
  const { dbFile, timeoutMs = 60_000 } = options;
  const real = realTemporalServer();
  // The real server's ports are the run's (Temporal keeps membership ports in a SMALLINT
  // column, so they are drawn below 32768 by the global setup): `port` is then ignored.
  const port = real ? Number(real.env.FRONTEND_GRPC_PORT) : options.port;
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
  const child = real
    ? spawn(real.binary, ['--config-file', real.config, '--allow-no-auth', 'start'], {
        env: { ...process.env, ...real.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(temporalCli(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const kind = real ? 'Temporal server' : 'Temporal dev server';
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
        `the ${kind} exited (code ${exitCode}) while starting on ${dbFile}:\n${output}`,
      );
    }
    if (await portOpen(port)) {
      try {
        const connection = await Connection.connect({ address, connectTimeout: 2_000 });
        try {
          await connection.workflowService.getSystemInfo({});
          if (real) await registerDefaultNamespace(connection);
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
        `the ${kind} on ${dbFile} does not serve after ${timeoutMs} ms (${lastError}):\n${output}`,
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
