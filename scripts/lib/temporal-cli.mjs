// Finds or builds the Temporal CLI (which embeds the dev server), in this order:
//   1. TEMPORAL_CLI_PATH
//   2. `temporal` on PATH
//   3. a build with Go from the module proxy, cached outside the repository
//   4. null: the caller falls back to the SDK's own download (needs internet).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cacheDir } from './paths.mjs';
import { step } from './log.mjs';
import { goInstall, onPath } from './go-install.mjs';

// Later tags add `replace` directives to go.mod, which `go install pkg@version` refuses.
export const TEMPORAL_CLI_VERSION = process.env.TEMPORAL_CLI_VERSION ?? 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

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
  const seconds = await goInstall(go, [`${MODULE}@${TEMPORAL_CLI_VERSION}`], staging, 'Temporal CLI');
  // rename is atomic: a concurrent build that finished first is simply replaced by an identical binary.
  renameSync(join(staging, 'temporal'), target);
  rmSync(staging, { recursive: true, force: true });
  const version = spawnSync(target, ['--version'], { encoding: 'utf8' }).stdout.trim();
  step(`Temporal CLI ready in ${seconds}s: ${version}`);
}
