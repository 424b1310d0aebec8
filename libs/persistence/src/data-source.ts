import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseTimeouts {
  /** Waiting for a connection (new, or free in the pool). */
  connectTimeoutMs: number;
  /** statement_timeout of each session; 0: none. */
  statementTimeoutMs: number;
  /** idle_in_transaction_session_timeout of each session; 0: none. */
  idleInTransactionTimeoutMs: number;
}

/** The defaults of DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS… (libs/config). */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 20_000,
  idleInTransactionTimeoutMs: 60_000,
};

/**
 * The client stops waiting for an answer this long after the server's own statement
 * timeout: a server that is paused or cut off cannot cancel anything itself.
 */
const CLIENT_GRACE_MS = 5_000;

export interface DatabaseOptions {
  url: string;
  /** Connection pool size per process. */
  poolSize?: number;
  logging?: boolean;
  timeouts?: Partial<DatabaseTimeouts>;
}

/** TypeORM options shared by the API, the worker and the migration command. */
export function dataSourceOptions({
  url,
  poolSize = 10,
  logging = false,
  timeouts = {},
}: DatabaseOptions): DataSourceOptions {
  const { connectTimeoutMs, statementTimeoutMs, idleInTransactionTimeoutMs } = {
    ...DEFAULT_DATABASE_TIMEOUTS,
    ...timeouts,
  };
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The schema changes only through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging,
    // node-postgres pool and session settings: nothing waits for PostgreSQL forever.
    extra: {
      max: poolSize,
      application_name: 'capacites',
      connectionTimeoutMillis: connectTimeoutMs,
      statement_timeout: statementTimeoutMs,
      idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
      ...(statementTimeoutMs > 0 ? { query_timeout: statementTimeoutMs + CLIENT_GRACE_MS } : {}),
    },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}

/** Runs pending migrations; returns the names of those applied. */
export async function runMigrations(options: DatabaseOptions): Promise<string[]> {
  // A migration may rightly take long on a big database (an index build): no statement limit.
  const dataSource = createDataSource({
    ...options,
    poolSize: 1,
    timeouts: { ...options.timeouts, statementTimeoutMs: 0 },
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
