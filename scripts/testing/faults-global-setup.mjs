// Jest global setup of the fault suite (`npm run test:resilience`): the Temporal CLI and the
// workflow code bundled once. Unlike the integration suites, the fault suite starts its own
// PostgreSQL and Temporal dev server (SQLite file, as `npm start` does), since it stops and
// restarts them.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparePostgresBinaries } from '../lib/postgres.mjs';
import { ensureTemporalCli } from '../lib/temporal-cli.mjs';

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
  process.env.CAPACITES_TEST_TEMPORAL_CLI = cli.path;
  process.env.CAPACITES_TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.CAPACITES_TEST_DIR = dir;
  // The suite starts its own clusters: with binaries the `postgres` user can run (root, closed checkout).
  process.env.CAPACITES_TEST_PG_BIN_DIR = await preparePostgresBinaries();
}
