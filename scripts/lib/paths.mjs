// Shared locations for the service scripts. Plain Node (no dependencies) so that
// it works before node_modules exists.
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Tool cache outside the repository: the Temporal CLI build, the test-server launcher. */
export const cacheDir =
  process.env.CAPACITES_CACHE_DIR ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'capacites');

/** Git-ignored data folder used by `npm start` (PostgreSQL cluster, Temporal SQLite file). */
export const dataDir = process.env.CAPACITES_DATA_DIR ?? join(repoRoot, '.data');
