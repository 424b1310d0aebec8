// The services of a benchmark run, started with the same helpers as `npm start`
// (scripts/lib): an embedded PostgreSQL and the Temporal CLI's dev server with SQLite
// file persistence. Every service lives in a temporary folder removed at the end.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export const repoRoot = resolve(__dirname, '..', '..', '..');

// The helpers are plain ES modules without type declarations: typed here for our use.
interface PostgresLib {
  freePort(): Promise<number>;
  startEmbeddedPostgres(options: {
    dir: string;
    port?: number;
    database: string;
    persistent: boolean;
    log?: (message: string) => void;
    maxConnections?: number;
  }): Promise<{
    url: string;
    port: number;
    /** The data folder actually used. */
    dir: string;
    stop(): Promise<void>;
    createDatabase(name: string): Promise<string>;
  }>;
}
interface PostgresHandle {
  port: number;
  user: string;
  password: string;
  createDatabase(name: string): Promise<string>;
  urlFor(name: string): string;
}
interface TemporalServerLib {
  TEMPORAL_SERVER_VERSION: string;
  DEFAULT_SHARDS: number;
  freePorts(): Promise<Record<string, number>>;
  provisionTemporalServer(options: {
    pg: PostgresHandle;
    ports: Record<string, number>;
    shards?: number;
    metricsPort?: number;
    namespace: string;
    databases?: { default: string; visibility: string };
  }): Promise<{ address: string; child: ChildProcess; output(): string }>;
}
interface TemporalCliLib {
  ensureTemporalCli(): Promise<{ path: string | null; source: string }>;
}
interface DevServerLib {
  startTemporalDevServer(options: {
    cli: string;
    dbFile?: string;
    port: number;
    uiPort?: number;
    metricsPort?: number;
    namespace: string;
    onExit?: (code: number | null) => void;
  }): Promise<{ address: string; child: ChildProcess; output(): string }>;
}

// A computed specifier keeps TypeScript from resolving the .mjs files (no declarations).
const load = <T>(name: string): Promise<T> => import(join(repoRoot, 'scripts', 'lib', name)) as Promise<T>;

export const freePort = async (): Promise<number> => (await load<PostgresLib>('postgres.mjs')).freePort();

/** A scratch folder for this run's data (PostgreSQL cluster, SQLite files, builds). */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'capacites-bench-'));
  // PostgreSQL runs as the unprivileged `postgres` user when we are root: it must reach it.
  chmodSync(dir, 0o755);
  return dir;
}

export interface Postgres {
  url: string;
  dataDir: string;
  createDatabase(name: string): Promise<string>;
  /** PID of the postmaster (its backends are its children); null for an external server. */
  pid(): number | null;
  stop(): Promise<void>;
}

/** maxConnections: the real Temporal server's pools need more than PostgreSQL's default 100. */
export async function startPostgres(dir: string, maxConnections?: number): Promise<Postgres> {
  const lib = await load<PostgresLib>('postgres.mjs');
  const dataDir = join(dir, 'postgres');
  const pg = await lib.startEmbeddedPostgres({ dir: dataDir, database: 'bench', persistent: false, maxConnections });
  return {
    url: pg.url,
    // The folder actually used (elsewhere when the `postgres` user cannot reach `dir`).
    dataDir: pg.dir,
    createDatabase: (name) => pg.createDatabase(name),
    pid: () => Number(readFileSync(join(pg.dir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop: () => pg.stop(),
  };
}

/** An existing PostgreSQL server (--database-url): each benchmark creates its own databases there. */
export function externalPostgres(url: string): Postgres {
  return {
    url,
    dataDir: '',
    async createDatabase(name) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return databaseUrl(url, name);
    },
    pid: () => null,
    stop: async () => undefined,
  };
}

/** The database URL of `name` on the same server as `url`. */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface TemporalServer {
  address: string;
  /** Prometheus endpoint, when known. */
  metricsUrl: string | null;
  /** null for an external cluster (its CPU is not measured). */
  pid: number | null;
  stop(): Promise<void>;
}

/** A Temporal cluster started elsewhere (--temporal-address), e.g. docker-compose.yml's. */
export function externalTemporal(address: string, metricsUrl: string | null): TemporalServer {
  return { address, metricsUrl, pid: null, stop: async () => undefined };
}

/** The dev server as `npm start` runs it (SQLite file, WAL), plus a Prometheus endpoint. */
export async function startTemporal(dbFile: string): Promise<TemporalServer> {
  const { ensureTemporalCli } = await load<TemporalCliLib>('temporal-cli.mjs');
  const { startTemporalDevServer } = await load<DevServerLib>('temporal-dev-server.mjs');
  const cli = await ensureTemporalCli();
  if (!cli.path)
    throw new Error('no Temporal CLI: install Go (see README, Prerequisites) or set TEMPORAL_CLI_PATH');
  const port = await freePort();
  const metricsPort = await freePort();
  const server = await startTemporalDevServer({
    cli: cli.path,
    dbFile,
    port,
    metricsPort,
    namespace: 'default',
  });
  return {
    address: server.address,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    pid: server.child.pid ?? 0,
    stop: () => stopChild(server.child),
  };
}

/**
 * The real Temporal server (scripts/lib/temporal-server.mjs, deploy/temporal/config.yaml) on
 * the run's PostgreSQL, with databases of its own (`temporal_<name>`): a fresh cluster per storm,
 * as the dev server gets a fresh SQLite file.
 */
export async function startRealTemporal(pg: Postgres, name: string, shards?: number): Promise<TemporalServer> {
  const lib = await load<TemporalServerLib>('temporal-server.mjs');
  const url = new URL(pg.url);
  const handle: PostgresHandle = {
    port: Number(url.port),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    createDatabase: (database) => pg.createDatabase(database),
    urlFor: (database) => databaseUrl(pg.url, database),
  };
  const metricsPort = await freePort();
  const suffix = name.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
  const server = await lib.provisionTemporalServer({
    pg: handle,
    ports: await lib.freePorts(),
    shards,
    metricsPort,
    namespace: 'default',
    databases: { default: `temporal_${suffix}`, visibility: `temporal_visibility_${suffix}` },
  });
  return {
    address: server.address,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    pid: server.child.pid ?? 0,
    stop: () => stopChild(server.child, 20000),
  };
}

export async function stopChild(child: ChildProcess, graceMs = 10000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
