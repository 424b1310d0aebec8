// Jest global setup of the fault suite (`npm run test:resilience`): the Temporal CLI and the
// workflow code bundled once. Unlike the integration suites, the fault suite starts its own
// PostgreSQL and Temporal dev server (SQLite file, as `npm start` does), since it stops and
// restarts them.
// With CAPACITES_TEMPORAL_MODE=server, the real Temporal server instead: its databases live on
// a PostgreSQL cluster of their own (started here, kept up for the whole run), so that the
// suite's outage of the application's PostgreSQL stays an outage of the application's data
// only, as with a managed Temporal; the suites start and restart the server itself
// (apps/api/test/support/temporal-server.ts) with the environment exported here.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTemporalCli } from '../lib/temporal-cli.mjs';
import { freePort, preparePostgresBinaries, startEmbeddedPostgres } from '../lib/postgres.mjs';

const require = createRequire(import.meta.url);

export default async function globalSetup() {
  const cli = await ensureTemporalCli();
  if (!cli.path) {
    throw new Error(
      'The fault suite restarts the Temporal dev server on its SQLite file and needs the Temporal CLI: ' +
        'put `temporal` on PATH, set TEMPORAL_CLI_PATH, or install Go so that it is built once.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'capacites-faults-'));
  // PostgreSQL runs as the unprivileged `postgres` user when we are root: it must reach its folder.
  chmodSync(dir, 0o755);
  require('../register.cjs');
  const { buildWorkflowBundle } = require('../../apps/worker/src/workflow-bundle.ts');
  const bundlePath = join(dir, 'workflow-bundle.js');
  writeFileSync(bundlePath, await buildWorkflowBundle());
  if (process.env.CAPACITES_TEMPORAL_MODE === 'server') {
    const lib = await import('../lib/temporal-server.mjs');
    const built = await lib.ensureTemporalServer();
    const pg = await startEmbeddedPostgres({
      dir: join(dir, 'temporal-postgres'),
      database: 'postgres',
      persistent: false,
      maxConnections: 300,
    });
    globalThis.__capacitesTemporalPg = pg;
    const connection = { port: pg.port, user: pg.user, password: pg.password };
    await lib.setUpTemporalSchemas({
      sqlTool: built.sqlTool,
      schemaDir: built.schemaDir,
      pg: connection,
      createDatabase: (name) => pg.createDatabase(name),
      hasSchema: (database) => lib.temporalSchemaPresent(pg.urlFor(database)),
    });
    process.env.CAPACITES_TEST_TEMPORAL_SERVER = built.server;
    process.env.CAPACITES_TEST_TEMPORAL_SERVER_CONFIG = lib.configFile;
    process.env.CAPACITES_TEST_TEMPORAL_SERVER_ENV = JSON.stringify(
      lib.serverEnvironment({ pg: connection, ports: await lib.freePorts(), metricsPort: await freePort() }),
    );
  }
  process.env.CAPACITES_TEST_TEMPORAL_CLI = cli.path;
  process.env.CAPACITES_TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.CAPACITES_TEST_DIR = dir;
  // The suite starts its own clusters: with binaries the `postgres` user can run (root, closed checkout).
  process.env.CAPACITES_TEST_PG_BIN_DIR = await preparePostgresBinaries();
}
