// `go install` from the module proxy with progress, shared by the Temporal CLI (dev server)
// and the real Temporal server builds: both are built once into the tool cache.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { step } from './log.mjs';

/** The first `name` on PATH, or null. */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Runs `go install` with progress lines every 15 s; throws with the output's tail on failure. Returns the seconds it took. */
export async function goInstall(go, packages, gobin, what) {
  const started = Date.now();
  const child = spawn(go, ['install', '-v', ...packages], {
    env: { ...process.env, GOBIN: gobin, GOFLAGS: '-mod=mod' },
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
    step(`  … ${what} build: ${downloaded} modules downloaded, ${compiled} packages compiled, ${seconds}s`);
  }, 15000);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(ticker);
  if (code !== 0) throw new Error(`go install ${packages.join(' ')} failed (exit ${code}):\n${tail}`);
  return Math.round((Date.now() - started) / 1000);
}
