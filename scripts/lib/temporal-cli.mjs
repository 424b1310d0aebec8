// Finds or builds the Temporal CLI (which embeds the dev server), in this order:
//   1. TEMPORAL_CLI_PATH
//   2. `temporal` on PATH
//   3. a build with Go from the module proxy, cached outside the repository
//   4. null: the caller falls back to the SDK's own download (needs internet).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join, delimiter } from 'node:path';
import { cacheDir } from './paths.mjs';
import { step } from './log.mjs';

// Later tags add `replace` directives to go.mod, which `go install pkg@version` refuses.
export const TEMPORAL_CLI_VERSION = process.env.TEMPORAL_CLI_VERSION ?? 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export function cachedCliPath() {
  return join(cacheDir, 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

/** @returns {Promise<{path: string|null, source: string}>} */
export async function ensureTemporalCli() {
  if (process.env.TEMPORAL_CLI_PATH) {
    if (!existsSync(process.env.TEMPORAL_CLI_PATH)) {
      throw new Error(`TEMPORAL_CLI_PATH points to ${process.env.TEMPORAL_CLI_PATH}, which does not exist`);
    }
    return { path: process.env.TEMPORAL_CLI_PATH, source: 'TEMPORAL_CLI_PATH' };
  }
  const fromPath = onPath('temporal');
  if (fromPath) return { path: fromPath, source: 'PATH' };

  const target = cachedCliPath();
  if (existsSync(target)) return { path: target, source: `cache (${target})` };

  const go = onPath('go');
  if (!go) {
    step('Go is not installed: falling back to the Temporal SDK download of the dev server (needs internet).');
    return { path: null, source: 'sdk-download' };
  }
  await buildWithGo(go, target);
  return { path: target, source: `built with Go (${target})` };
}

async function buildWithGo(go, target) {
  const dir = join(cacheDir, 'temporal-cli', TEMPORAL_CLI_VERSION);
  // One staging folder per process: two suites started at once may both build.
  const staging = join(dir, `staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  step(
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go from the module proxy, once, into ${dir}.\n` +
      '  Why: no prebuilt Temporal server can be downloaded on this machine; the Go module proxy can be reached.\n' +
      '  The first build takes a few minutes (downloading modules, then compiling); later runs reuse it.',
  );
  const started = Date.now();
  const child = spawn(go, ['install', '-v', `${MODULE}@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: staging, GOFLAGS: '-mod=mod' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let downloaded = 0;
  let compiled = 0;
  let tail = '';
  const onData = (chunk) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4000);
    for (const line of text.split('\n')) {
      if (line.startsWith('go: downloading')) downloaded += 1;
      else if (line.trim()) compiled += 1;
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const ticker = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    step(`  … Temporal CLI build: ${downloaded} modules downloaded, ${compiled} packages compiled, ${seconds}s`);
  }, 15000);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(ticker);
  if (code !== 0) {
    throw new Error(`go install ${MODULE}@${TEMPORAL_CLI_VERSION} failed (exit ${code}):\n${tail}`);
  }
  // rename is atomic: a concurrent build that finished first is simply replaced by an identical binary.
  renameSync(join(staging, 'temporal'), target);
  rmSync(staging, { recursive: true, force: true });
  const version = spawnSync(target, ['--version'], { encoding: 'utf8' }).stdout.trim();
  step(`Temporal CLI ready in ${Math.round((Date.now() - started) / 1000)}s: ${version}`);
}
