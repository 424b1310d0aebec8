/**
 * Tells a dependency outage (PostgreSQL unreachable, restarting or shutting down) from a
 * bug. The filter answers the first with 503 and a clear message (the client may retry;
 * TypeORM's pool reconnects by itself once the server is back), the second with the
 * generic 500.
 */

/** Socket-level failures of the pg driver (Node's system error codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception) and
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up);
 * and of a server too slow to answer: 57014 query_canceled (statement_timeout),
 * 25P03 idle_in_transaction_session_timeout.
 */
const SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '25P03',
]);

/** Messages of node-postgres that carry no code. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  // query_timeout: the client stopped waiting for an answer (the server is paused or cut off).
  /Query read timeout/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** True when the error, or one it wraps (TypeORM's driverError, cause, AggregateError), is an outage of PostgreSQL. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const candidate = error as ErrorLike;
  if (
    typeof candidate.code === 'string' &&
    (NETWORK_CODES.has(candidate.code) || SQLSTATES.has(candidate.code))
  )
    return true;
  if (
    typeof candidate.message === 'string' &&
    MESSAGES.some((pattern) => pattern.test(candidate.message as string))
  )
    return true;
  const nested = [
    candidate.driverError,
    candidate.cause,
    ...(Array.isArray(candidate.errors) ? (candidate.errors as unknown[]) : []),
  ];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable; the request could not be completed. Try again shortly.';

/** Seconds a client should wait before retrying (Retry-After of the 503). */
export const RETRY_AFTER_SECONDS = 5;
