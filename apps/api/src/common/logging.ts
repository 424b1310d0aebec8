import type { IncomingMessage, ServerResponse } from 'node:http';
import { nativeLoggerOptions, type Params } from 'nestjs-pino';
import {
  pino,
  type DestinationStream,
  type LevelWithSilent,
  type Logger,
  type SerializedError,
  type SerializedRequest,
  type SerializedResponse,
} from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { LogLevel } from '@capacites/config';
import { assignRequestId } from './request-id';

export const REDACTED = '[Redacted]';

/** Field names whose value is a secret wherever they appear in a log record. */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'clientSecret',
];

/** Query parameters never written as is (an OIDC callback carries a one-time code and its state). */
const SECRET_QUERY_PARAMETERS = new Set([...SECRET_FIELDS, 'code', 'state', 'nonce', 'id_token_hint']);

/** pino redaction paths: credentials in headers, secret fields up to three levels deep. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`]),
];

/** Paths that carry a secret as a segment (share links, issue 15): the segment is never written. */
const SECRET_PATH = /^(\/api\/shared\/)[^/?#]+/;

export function redactQuery(rawUrl: string): string {
  const url = rawUrl.replace(SECRET_PATH, `$1${REDACTED}`);
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const [key] = pair.split('=', 1);
      let name = key;
      try {
        name = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: compare the raw name.
      }
      return SECRET_QUERY_PARAMETERS.has(name) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

/**
 * The Referer a browser sends may be a page holding a token (a share link) on another site or
 * ours: its path and query are redacted like our own URLs.
 */
function redactReferer(value: unknown): unknown {
  if (typeof value !== 'string' || !URL.canParse(value)) return value;
  const url = new URL(value);
  return `${url.origin}${redactQuery(`${url.pathname}${url.search}`)}`;
}

type Request = IncomingMessage & { originalUrl?: string; user?: { userId?: string } };

/** The access log keeps what helps to investigate; the id is already on the line as reqId. */
function serializeRequest(request: SerializedRequest): Record<string, unknown> {
  // Anonymous routes (the public's questionnaire answers): no client address is kept anywhere,
  // logs included, as their notice tells the public (docs/questionnaires.md).
  if (request.url?.startsWith('/api/public/')) {
    const headers: Record<string, unknown> = { ...request.headers, referer: redactReferer(request.headers.referer) };
    for (const name of ['x-forwarded-for', 'x-real-ip', 'forwarded']) delete headers[name];
    if (headers.referer === undefined) delete headers.referer;
    return { method: request.method, url: redactQuery(request.url), headers };
  }
  const headers: Record<string, unknown> = { ...request.headers, referer: redactReferer(request.headers.referer) };
  if (headers.referer === undefined) delete headers.referer;
  return {
    method: request.method,
    url: redactQuery(request.url),
    headers,
    remoteAddress: request.remoteAddress,
  };
}

/** The response's status, and of its headers those that say what was answered. */
function serializeResponse(response: SerializedResponse): Record<string, unknown> {
  const headers = response.headers ?? {};
  const kept: Record<string, unknown> = {};
  for (const name of ['content-type', 'content-length', 'set-cookie']) {
    if (headers[name] !== undefined) kept[name] = headers[name];
  }
  if (typeof headers.location === 'string') kept.location = redactQuery(headers.location);
  return { statusCode: response.statusCode, headers: kept };
}

/**
 * Only the error's kind, message and stack: its other properties may hold what must not
 * be written (a failed query's parameters, a parse error's raw body).
 */
function serializeError(error: SerializedError): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return {
    type: error.type,
    message: error.message,
    stack: error.stack,
    ...(typeof code === 'string' ? { code } : {}),
  };
}

function levelOf(request: Request, response: ServerResponse, error?: Error): LevelWithSilent {
  if (error || response.statusCode >= 500) return 'error';
  if (response.statusCode >= 400) return 'warn';
  // Probes poll the health route all day long.
  if ((request.originalUrl ?? request.url ?? '').startsWith('/api/health')) return 'debug';
  return 'info';
}

const describe = (request: Request, response: ServerResponse) =>
  `${request.method} ${redactQuery(request.originalUrl ?? request.url ?? '')} ${response.statusCode}`;

export interface ApiLogging {
  /** Mount first: gives each request its id, then logs it once answered. */
  httpLogger: HttpLogger<Request, ServerResponse, never>;
  /** LoggerModule's parameters: Nest's Logger calls made during a request carry its reqId. */
  moduleParams: Params;
  logger: Logger;
}

/**
 * JSON logs of the API through pino. The field names are those of Nest's ConsoleLogger in
 * JSON mode (nestjs-pino's preset), like the worker's: level, timestamp, pid, context, message.
 * Every line written while a request is handled carries its `reqId`.
 */
export function createApiLogging(level: LogLevel, destination?: DestinationStream): ApiLogging {
  const logger = pino(
    {
      ...nativeLoggerOptions,
      level,
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      serializers: { err: pino.stdSerializers.wrapErrorSerializer(serializeError) },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  const httpLogger = pinoHttp<Request, ServerResponse, never>({
    logger,
    genReqId: assignRequestId,
    // Lines logged during the request carry reqId only; the final line has the request.
    quietReqLogger: true,
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    customLogLevel: levelOf,
    customSuccessMessage: describe,
    customErrorMessage: (request, response) => describe(request, response),
    // Evaluated again when the response is sent, once the session guard has set the user.
    customProps: (request) => (request.user?.userId ? { userId: request.user.userId } : {}),
  });
  return {
    httpLogger,
    logger,
    // The middleware above is mounted by createApiApp ahead of everything else, so that
    // requests rejected early (body too large, malformed JSON) have an id and a log line
    // too; LoggerModule only binds its `req.log` to Nest's loggers (`useExisting`).
    // nestjs-pino keeps one root logger per process for logs written outside a request:
    // the first application created in a process provides it.
    moduleParams: { useExisting: true, pinoHttp: { logger } },
  };
}
