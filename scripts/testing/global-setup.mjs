// Jest global setup of the integration and browser suites: one real PostgreSQL and one
// real Temporal dev server (in memory) for the whole run, and the workflow code bundled
// once. Each suite then creates its own database and task queue (apps/api/test/support).
// With CAPACITES_TEMPORAL_MODE=server (`npm test -- --temporal=server`), the real Temporal
// server on that PostgreSQL instead of the dev server (scripts/lib/temporal-server.mjs).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedPostgres } from '../lib/postgres.mjs';
import { ensureTemporalCli } from '../lib/temporal-cli.mjs';
import { startTemporalDevServer } from '../lib/temporal-dev-server.mjs';

const require = createRequire(import.meta.url);

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'capacites-test-'));
  // PostgreSQL runs as the unprivileged `postgres` user when we are root: it must reach its folder.
  chmodSync(dir, 0o755);
  const serverMode = process.env.CAPACITES_TEMPORAL_MODE === 'server';
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'postgres'),
    database: 'capacites_test',
    persistent: false,
    ...(serverMode ? { maxConnections: 300 } : {}),
  });

  const cli = await ensureTemporalCli();
  let temporal;
  if (serverMode) {
    const { provisionTemporalServer, freePorts } = await import('../lib/temporal-server.mjs');
    temporal = await provisionTemporalServer({ pg, ports: await freePorts(), namespace: 'default' });
  } else if (cli.path) {
    temporal = await startTemporalDevServer({ cli: cli.path, port: await freePort(), namespace: 'default' });
  } else {
    // No CLI and no Go: let the SDK download the dev server (machines with internet access).
    const { TestWorkflowEnvironment } = require('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal();
    temporal = { address: env.address, env };
  }

  // Bundle the workflow code once for every suite of this run.
  require('../register.cjs');
  const { buildWorkflowBundle } = require('../../apps/worker/src/workflow-bundle.ts');
  const bundlePath = join(dir, 'workflow-bundle.js');
  writeFileSync(bundlePath, await buildWorkflowBundle());

  process.env.CAPACITES_TEST_DATABASE_URL = pg.url;
  process.env.CAPACITES_TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.CAPACITES_TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.CAPACITES_TEST_DIR = dir;
  // The PostgreSQL binaries the `postgres` user can run (a copy when the checkout is closed to it).
  process.env.CAPACITES_TEST_PG_BIN_DIR = pg.binDir;
  // Suites that stop and restart a Temporal server of their own (backup and restore, faults).
  if (cli.path) process.env.CAPACITES_TEST_TEMPORAL_CLI = cli.path;
  globalThis.__capacitesServices = { pg, temporal, dir };
}
