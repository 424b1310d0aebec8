// Finds or installs schemathesis (PyPI) for the fuzz suite, in this order:
//   1. SCHEMATHESIS_PATH (an `st` executable)
//   2. a virtual environment in the tool cache, <cache>/schemathesis/<version>, created once
//      with `python3 -m venv` and `pip install schemathesis==<version>` (idempotent: reused
//      when its `st --version` is the pinned one). Nothing is installed in the repository.
import { existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cacheDir } from './paths.mjs';
import { step, fail } from './log.mjs';

export const SCHEMATHESIS_VERSION = '4.32.5';

function versionOf(st) {
  const result = spawnSync(st, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** @returns {{ path: string, source: string }} */
export function ensureSchemathesis() {
  if (process.env.SCHEMATHESIS_PATH) {
    if (!existsSync(process.env.SCHEMATHESIS_PATH))
      fail(`SCHEMATHESIS_PATH points to ${process.env.SCHEMATHESIS_PATH}, which does not exist`);
    return { path: process.env.SCHEMATHESIS_PATH, source: 'SCHEMATHESIS_PATH' };
  }
  const venv = join(cacheDir, 'schemathesis', SCHEMATHESIS_VERSION);
  const st = join(venv, 'bin', 'st');
  if (existsSync(st) && versionOf(st)?.includes(SCHEMATHESIS_VERSION))
    return { path: st, source: `cache (${venv})` };

  step(`Installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${venv} (once)…`);
  rmSync(venv, { recursive: true, force: true });
  const python = ['python3', 'python'].find((name) => spawnSync(name, ['--version']).status === 0);
  if (!python) fail('The fuzz suite needs Python 3 (python3 on PATH) to install schemathesis.');
  const created = spawnSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
  if (created.status !== 0)
    fail(`${python} -m venv ${venv} failed (on Debian: apt-get install python3-venv).`);
  const installed = spawnSync(
    join(venv, 'bin', 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    { stdio: 'inherit' },
  );
  if (installed.status !== 0 || !versionOf(st))
    fail(`pip could not install schemathesis==${SCHEMATHESIS_VERSION}.`);
  step(`schemathesis ready: ${versionOf(st)}`);
  return { path: st, source: `installed (${venv})` };
}

// `node scripts/lib/schemathesis.mjs` installs it ahead of a run (CI).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { path, source } = ensureSchemathesis();
  step(`schemathesis: ${path} (${source})`);
}
