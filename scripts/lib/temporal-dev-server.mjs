// Runs the Temporal CLI dev server with SQLite file persistence, so running
// experiments survive a restart. WAL + synchronous=NORMAL multiply its throughput
// while staying durable (a crash may lose the last transactions, never corrupt).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { connect } from 'node:net';

export async function waitForPort(port, host = '127.0.0.1', timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
}

/**
 * @param {{ cli: string, dbFile?: string, port: number, uiPort?: number, metricsPort?: number, namespace: string, codecEndpoint?: string, onExit?: (code: number|null) => void }} o
 * Without dbFile the server keeps everything in memory (test suites). metricsPort serves
 * Prometheus metrics on /metrics (the benchmarks read the state transitions there).
 */
export async function startTemporalDevServer({ cli, dbFile, port, uiPort, metricsPort, namespace, codecEndpoint, onExit }) {
  const persistence = [];
  if (dbFile) {
    mkdirSync(dirname(dbFile), { recursive: true });
    persistence.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  }
  const args = [
    'server',
    'start-dev',
    ...persistence,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    ...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']),
    // The Web UI decodes payloads there (the API's codec endpoint, for platform administrators).
    ...(uiPort && codecEndpoint ? ['--ui-codec-endpoint', codecEndpoint] : []),
    ...(metricsPort ? ['--metrics-port', String(metricsPort)] : []),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
  ];
  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.on('exit', (code) => {
    exited = true;
    onExit?.(code);
  });
  try {
    await waitForPort(port);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`the Temporal dev server did not start: ${error.message}\n${output}`);
  }
  if (exited) throw new Error(`the Temporal dev server exited at start:\n${output}`);
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : null,
    child,
    output: () => output,
  };
}
