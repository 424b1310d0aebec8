// The real Temporal server (not the CLI's dev server) on PostgreSQL, for
// `TEMPORAL_MODE=server npm start`, `npm test -- --temporal=server` and
// `npm run bench -- --temporal=server`:
//   - the server, its SQL schema tool and the Web UI server are built once with Go from the
//     module proxy into the tool cache (like the CLI, scripts/lib/temporal-cli.mjs);
//   - Temporal's databases (`temporal`, `temporal_visibility`) are created beside the
//     application's and their schemas set up / updated with the schema tool;
//   - the server runs with deploy/temporal/config.yaml, the configuration docker-compose.yml
//     uses too (16 history shards by default), and the namespace is registered.
import { cpSync, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cacheDir, repoRoot } from './paths.mjs';
import { step } from './log.mjs';
import { goInstall, onPath } from './go-install.mjs';

// v1.30.9 and later need a newer Go than 1.26.8 (issue #13); one minor version at a time.
export const TEMPORAL_SERVER_VERSION = process.env.TEMPORAL_SERVER_VERSION ?? 'v1.30.8';
// The UI server the Temporal CLI v1.5.1 embeds, and docker-compose's temporalio/ui tag.
export const TEMPORAL_UI_VERSION = process.env.TEMPORAL_UI_VERSION ?? 'v2.42.1';
const SERVER_MODULE = 'go.temporal.io/server';
const UI_MODULE = 'github.com/temporalio/ui-server/v2';

export const deployDir = join(repoRoot, 'deploy', 'temporal');
export const configFile = join(deployDir, 'config.yaml');
export const dynamicConfigFile = join(deployDir, 'dynamicconfig.yaml');
export const DEFAULT_SHARDS = 16;
export const TEMPORAL_DATABASES = { default: 'temporal', visibility: 'temporal_visibility' };

const serverDir = () => join(cacheDir, 'temporal-server', TEMPORAL_SERVER_VERSION);
const uiDir = () => join(cacheDir, 'temporal-ui', TEMPORAL_UI_VERSION);

/**
 * The server binary, the SQL schema tool and the PostgreSQL schema folder, built once.
 * @returns {Promise<{ server: string, sqlTool: string, schemaDir: string, version: string, source: string }>}
 */
export async function ensureTemporalServer() {
  const dir = serverDir();
  const found = {
    server: process.env.TEMPORAL_SERVER_PATH ?? join(dir, 'temporal-server'),
    sqlTool: process.env.TEMPORAL_SQL_TOOL_PATH ?? join(dir, 'temporal-sql-tool'),
    schemaDir: process.env.TEMPORAL_SCHEMA_DIR ?? join(dir, 'schema', 'postgresql', 'v12'),
    version: TEMPORAL_SERVER_VERSION,
  };
  if ([found.server, found.sqlTool, found.schemaDir].every((path) => existsSync(path))) {
    return { ...found, source: process.env.TEMPORAL_SERVER_PATH ? 'TEMPORAL_SERVER_PATH' : `cache (${dir})` };
  }
  const go = onPath('go');
  if (!go) {
    throw new Error(
      'The real Temporal server is built with Go from the module proxy, and Go is not installed ' +
        '(or set TEMPORAL_SERVER_PATH, TEMPORAL_SQL_TOOL_PATH and TEMPORAL_SCHEMA_DIR). ' +
        'Without TEMPORAL_MODE=server, the dev server needs no Go when `temporal` is on PATH.',
    );
  }
  // One staging folder per process: two suites started at once may both build.
  const staging = join(dir, `staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  step(
    `Building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL schema tool with Go from the module proxy, once, into ${dir}.\n` +
      '  The first build takes a few minutes (about 2.5 on 2 cores once the modules are downloaded); later runs reuse it.',
  );
  const seconds = await goInstall(
    go,
    [`${SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`, `${SERVER_MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`],
    staging,
    'Temporal server',
  );
  // The schema files ship in the module (not in the binaries): copy them beside the tool.
  const modCache = spawnSync(go, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
  const schemaSource = join(modCache, `${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`, 'schema', 'postgresql', 'v12');
  if (!existsSync(schemaSource)) throw new Error(`no PostgreSQL schema at ${schemaSource} after the build`);
  rmSync(join(dir, 'schema'), { recursive: true, force: true });
  cpSync(schemaSource, join(dir, 'schema', 'postgresql', 'v12'), { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', join(dir, 'schema')]);
  renameSync(join(staging, 'sql'), join(dir, 'temporal-sql-tool'));
  renameSync(join(staging, 'server'), join(dir, 'temporal-server'));
  rmSync(staging, { recursive: true, force: true });
  step(`Temporal server ${TEMPORAL_SERVER_VERSION} ready in ${seconds}s`);
  return { ...found, server: join(dir, 'temporal-server'), sqlTool: join(dir, 'temporal-sql-tool'), schemaDir: join(dir, 'schema', 'postgresql', 'v12'), source: `built with Go (${dir})` };
}

/**
 * The Temporal Web UI server, built once; null (with the reason) when it cannot be built.
 * @returns {Promise<{ path: string|null, source: string }>}
 */
export async function ensureTemporalUi() {
  if (process.env.TEMPORAL_UI_SERVER_PATH) return { path: process.env.TEMPORAL_UI_SERVER_PATH, source: 'TEMPORAL_UI_SERVER_PATH' };
  const target = join(uiDir(), 'temporal-ui-server');
  if (existsSync(target)) return { path: target, source: `cache (${uiDir()})` };
  const go = onPath('go');
  if (!go) return { path: null, source: 'Go is not installed' };
  const staging = join(uiDir(), 'staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  step(`Building the Temporal Web UI server ${TEMPORAL_UI_VERSION} with Go, once, into ${uiDir()}…`);
  try {
    const seconds = await goInstall(go, [`${UI_MODULE}/cmd/server@${TEMPORAL_UI_VERSION}`], staging, 'Temporal UI');
    renameSync(join(staging, 'server'), target);
    step(`Temporal Web UI server ready in ${seconds}s`);
    return { path: target, source: `built with Go (${uiDir()})` };
  } catch (error) {
    return { path: null, source: `build failed: ${error.message.split('\n')[0]}` };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The variables deploy/temporal/config.yaml reads, for a server on loopback.
 * @param {{ pg: { host?: string, port: number, user: string, password: string }, ports: TemporalPorts, shards?: number, metricsPort?: number, logLevel?: string, databases?: { default: string, visibility: string } }} o
 * @typedef {{ frontend: number, http: number, history: number, matching: number, worker: number, frontendMembership: number, historyMembership: number, matchingMembership: number, workerMembership: number }} TemporalPorts
 */
export function serverEnvironment({ pg, ports, shards, metricsPort, logLevel, databases = TEMPORAL_DATABASES }) {
  return {
    LOG_LEVEL: logLevel ?? 'warn',
    NUM_HISTORY_SHARDS: String(shards ?? DEFAULT_SHARDS),
    POSTGRES_SEEDS: pg.host ?? '127.0.0.1',
    DB_PORT: String(pg.port),
    POSTGRES_USER: pg.user,
    POSTGRES_PWD: pg.password,
    DBNAME: databases.default,
    VISIBILITY_DBNAME: databases.visibility,
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    FRONTEND_GRPC_PORT: String(ports.frontend),
    FRONTEND_HTTP_PORT: String(ports.http),
    FRONTEND_MEMBERSHIP_PORT: String(ports.frontendMembership),
    HISTORY_GRPC_PORT: String(ports.history),
    HISTORY_MEMBERSHIP_PORT: String(ports.historyMembership),
    MATCHING_GRPC_PORT: String(ports.matching),
    MATCHING_MEMBERSHIP_PORT: String(ports.matchingMembership),
    WORKER_GRPC_PORT: String(ports.worker),
    WORKER_MEMBERSHIP_PORT: String(ports.workerMembership),
    DYNAMIC_CONFIG_FILE_PATH: dynamicConfigFile,
    ...(metricsPort ? { PROMETHEUS_ENDPOINT: `127.0.0.1:${metricsPort}` } : {}),
  };
}

/** The ports of `npm start` in server mode: Temporal's usual ones around the frontend's. */
export function fixedPorts(frontend) {
  return {
    frontend,
    http: frontend + 10,
    history: frontend + 1,
    matching: frontend + 2,
    worker: frontend + 6,
    frontendMembership: frontend - 300,
    historyMembership: frontend - 299,
    matchingMembership: frontend - 298,
    workerMembership: frontend - 294,
  };
}

/** Whether `port` can be bound on loopback now. */
function bindable(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Free ports for a server of the test suites or the benchmarks. Temporal stores membership
 * ports in a SMALLINT column (cluster_membership): the system's ephemeral ports (32768 and
 * up) are refused there, so these are drawn from 10000–32767.
 */
export async function freePorts() {
  const names = ['frontend', 'http', 'history', 'matching', 'worker', 'frontendMembership', 'historyMembership', 'matchingMembership', 'workerMembership'];
  const ports = {};
  const taken = new Set();
  for (const name of names) {
    for (;;) {
      const port = 10000 + Math.floor(Math.random() * 22767);
      if (!taken.has(port) && (await bindable(port))) {
        taken.add(port);
        ports[name] = port;
        break;
      }
    }
  }
  return ports;
}

/**
 * Creates Temporal's two databases when missing, sets their schema up the first time and
 * updates it to the version the schema tool ships (idempotent: a second run changes nothing).
 * @param {{ sqlTool: string, schemaDir: string, pg: { host?: string, port: number, user: string, password: string }, createDatabase: (name: string) => Promise<unknown>, hasSchema: (database: string) => Promise<boolean>, databases?: { default: string, visibility: string } }} o
 */
export async function setUpTemporalSchemas({ sqlTool, schemaDir, pg, createDatabase, hasSchema, databases = TEMPORAL_DATABASES }) {
  for (const [kind, database] of [['temporal', databases.default], ['visibility', databases.visibility]]) {
    await createDatabase(database);
    const base = ['--plugin', 'postgres12', '--ep', pg.host ?? '127.0.0.1', '-p', String(pg.port), '-u', pg.user, '--db', database];
    const run = (args) => {
      const out = spawnSync(sqlTool, [...base, ...args], {
        encoding: 'utf8',
        env: { ...process.env, SQL_PASSWORD: pg.password },
      });
      if (out.status !== 0) {
        throw new Error(`temporal-sql-tool ${args.join(' ')} on ${database} failed (exit ${out.status}):\n${out.stdout}${out.stderr}`);
      }
    };
    if (!(await hasSchema(database))) run(['setup-schema', '-v', '0.0']);
    run(['update-schema', '-d', join(schemaDir, kind, 'versioned')]);
  }
}

/** Whether a database already holds Temporal's schema (its schema_version table). */
export async function temporalSchemaPresent(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT to_regclass('public.schema_version') IS NOT NULL AS present");
    return rows[0].present === true;
  } finally {
    await client.end();
  }
}

/**
 * Starts the server with deploy/temporal/config.yaml, waits until its frontend serves, and
 * registers the namespace (idempotent). Output goes to `logFile` when given, else is kept.
 * @param {{ server: string, env: Record<string,string>, namespace: string, retentionDays?: number, logFile?: string, timeoutMs?: number, onExit?: (code: number|null) => void }} o
 */
export async function startTemporalServer({ server, env, namespace, retentionDays = 30, logFile, timeoutMs = 120000, onExit }) {
  const args = ['--config-file', configFile, '--allow-no-auth', 'start'];
  const child = spawn(server, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-16000);
    log?.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exitCode;
  child.on('exit', (code) => {
    exitCode = code;
    log?.end();
    onExit?.(code);
  });
  const address = `127.0.0.1:${env.FRONTEND_GRPC_PORT}`;
  try {
    await waitUntilServing({ address, namespace, retentionDays, timeoutMs, exited: () => exitCode !== undefined });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`the Temporal server did not start: ${error.message}\n${output}`);
  }
  return { address, child, output: () => output };
}

/** Frontend answering, namespace registered and served (the namespace cache caught up). */
export async function waitUntilServing({ address, namespace, retentionDays = 30, timeoutMs = 120000, exited = () => false }) {
  const { Connection } = await import('@temporalio/client');
  const deadline = Date.now() + timeoutMs;
  let last = 'not started';
  let registered = false;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the server exited');
    let connection;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2000 });
      const service = connection.workflowService;
      await service.getSystemInfo({});
      if (!registered) {
        try {
          await service.registerNamespace({
            namespace,
            workflowExecutionRetentionPeriod: { seconds: retentionDays * 86400 },
          });
        } catch (error) {
          // 6 = ALREADY_EXISTS: a second start on the same databases.
          if (error.code !== 6) throw error;
        }
        registered = true;
      }
      // The frontend answers for a namespace once its cache holds it: a lookup of an
      // unknown workflow then says "workflow not found" rather than "namespace not found".
      try {
        await service.describeWorkflowExecution({ namespace, execution: { workflowId: 'capacites-readiness-probe' } });
      } catch (error) {
        if (/namespace/i.test(error.details ?? error.message)) throw error;
      }
      return;
    } catch (error) {
      last = error.details ?? error.message;
    } finally {
      await connection?.close().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${address} does not serve namespace ${namespace} after ${timeoutMs} ms (${last})`);
}

/**
 * The Web UI server on loopback (deploy/temporal/ui/local.yaml), pointed at `address`.
 * @param {{ path: string, address: string, port: number, namespace: string }} o
 */
export function startTemporalUi({ path, address, port, namespace, codecEndpoint }) {
  return spawn(path, ['--root', deployDir, '--config', 'ui', '--env', 'local', 'start'], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: address,
      TEMPORAL_UI_PORT: String(port),
      TEMPORAL_DEFAULT_NAMESPACE: namespace,
      // The API's codec endpoint (encrypted payloads), asked with the operator's session.
      TEMPORAL_CODEC_ENDPOINT: codecEndpoint ?? '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/**
 * Everything at once on an embedded PostgreSQL (scripts/lib/postgres.mjs): build when
 * missing, databases and schemas, then the server. Returns the server and the environment it
 * runs with (to restart it the same way).
 * @param {{ pg: { port: number, user: string, password: string, createDatabase: (name: string) => Promise<string>, urlFor: (name: string) => string }, ports: TemporalPorts, shards?: number, metricsPort?: number, namespace: string, logFile?: string, onExit?: (code: number|null) => void, databases?: { default: string, visibility: string } }} o
 */
export async function provisionTemporalServer({ pg, ports, shards, metricsPort, namespace, logFile, onExit, databases = TEMPORAL_DATABASES }) {
  const built = await ensureTemporalServer();
  const connection = { port: pg.port, user: pg.user, password: pg.password };
  await setUpTemporalSchemas({
    sqlTool: built.sqlTool,
    schemaDir: built.schemaDir,
    pg: connection,
    createDatabase: (name) => pg.createDatabase(name),
    hasSchema: (database) => temporalSchemaPresent(pg.urlFor(database)),
    databases,
  });
  const env = serverEnvironment({ pg: connection, ports, shards, metricsPort, databases });
  const server = await startTemporalServer({ server: built.server, env, namespace, logFile, onExit });
  // `serverEnv`, not `env`: the test setups tell the SDK's test environment by an `env` property.
  return { ...server, serverEnv: env, binary: built.server, source: built.source };
}
