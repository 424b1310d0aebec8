import { z } from 'zod';

const milliseconds = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .string({ message: 'DATABASE_URL is required (postgres://user:password@host:port/database)' })
    .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres://' }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_LOGGING: z.stringbool().default(false),
  /**
   * How long to wait for a connection (a new one, or a free one of the pool) before the
   * request fails with 503: a PostgreSQL that stops answering never hangs a request.
   */
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(5_000, 100, 600_000),
  /**
   * statement_timeout of every session; the client also gives up on an answer this long
   * plus 5 s after it asked (a paused server cannot cancel its own statements). 0: none.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(20_000, 0, 3_600_000),
  /** idle_in_transaction_session_timeout: a transaction left open frees its locks. 0: none. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(60_000, 0, 3_600_000),
});

export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

/** The timeouts of a database pool, from the validated environment (for dataSourceOptions). */
export function databaseTimeouts(env: DatabaseEnv): {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
} {
  return {
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}
