// Jest global setup of the workflow suites: the time-skipping test server (the Java one
// from Maven Central unless TEMPORAL_TEST_SERVER_PATH says otherwise) and the workflow
// code bundled once for all suites.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestServer } from '../lib/test-server.mjs';

const require = createRequire(import.meta.url);

export default async function workflowGlobalSetup() {
  const server = ensureTestServer();
  if (server.path) process.env.CAPACITES_TEST_SERVER_PATH = server.path;
  require('../register.cjs');
  const { buildWorkflowBundle } = require('../../apps/worker/src/workflow-bundle.ts');
  const dir = mkdtempSync(join(tmpdir(), 'capacites-wf-'));
  const bundlePath = join(dir, 'workflow-bundle.js');
  writeFileSync(bundlePath, await buildWorkflowBundle());
  process.env.CAPACITES_TEST_WORKFLOW_BUNDLE = bundlePath;
}
