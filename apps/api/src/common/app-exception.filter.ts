import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { z } from 'zod';
import { isErrorCode, type ErrorCode } from '@capacites/domain';
import { AppException, type ErrorKind } from './app.exception';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from './dependency-errors';
import { redactQuery } from './logging';
import { requestIdOf } from './request-id';

const STATUS: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  gone: HttpStatus.GONE,
};

/** The one shape of every error answer (also published in the OpenAPI document). */
export const errorBodySchema = z
  .object({
    statusCode: z.number().int().min(400).max(599),
    code: z.string().meta({
      description:
        'Stable machine-readable reason, e.g. EXTENSION_TOO_LONG; every code is declared in the domain (ERROR_MESSAGES) and translated by the back-office.',
    }),
    message: z.string().meta({ description: 'The reason in English, for logs and scripts.' }),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]))
      .optional()
      .meta({ description: 'What the reason names, e.g. { "maxDays": 90 }: the translation needs it.' }),
    fields: z
      .array(z.object({ field: z.string(), message: z.string() }).strict())
      .optional()
      .meta({ description: 'Each bad field of an invalid input.' }),
    requestId: z
      .string()
      .optional()
      .meta({ description: 'Also in the X-Request-Id header and on every log line of the request.' }),
  })
  .strict();

export type ErrorBody = z.infer<typeof errorBodySchema>;

export const INTERNAL_ERROR_MESSAGE = 'An unexpected error occurred; it has been logged.';

export interface AppExceptionFilterOptions {
  /** The configured body size limit (API_BODY_LIMIT), named in the 413 answer. */
  bodyLimit?: string;
}

/** What body-parser (through http-errors) throws: a status and a stable `type`. */
interface BodyParserError {
  type: string;
  status: number;
  expose?: boolean;
  message?: string;
  limit?: number;
  charset?: string;
  encoding?: string;
}

function asBodyParserError(value: unknown): BodyParserError | null {
  const candidate = value as Partial<BodyParserError> | null | undefined;
  return candidate && typeof candidate.type === 'string' && typeof candidate.status === 'number'
    ? (candidate as BodyParserError)
    : null;
}

/** Turns every error into one JSON shape; never leaks a stack trace or SQL. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly options: AppExceptionFilterOptions = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { log?: PinoLogger }>();
    const response = http.getResponse<Response>();
    const requestId = requestIdOf(request);
    const body: ErrorBody = { ...this.toBody(exception), ...(requestId ? { requestId } : {}) };
    if (body.statusCode >= 500) this.logFailure(exception, request);
    else if (body.statusCode === HttpStatus.FORBIDDEN) this.logRefusal(body, request);
    if (response.headersSent) {
      // Part of the answer is already out: all that can be done is to cut it short.
      response.end();
      return;
    }
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE)
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (exception instanceof AppException && exception.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    // Explicitly: a route's @Header('Content-Type', …) (an .ics download) is already set and
    // Express's json() would keep it, labelling the error as something else.
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.status(body.statusCode).json(body);
  }

  /** Refused authorisations are security events: who tried what (never the body). */
  private logRefusal(
    body: ErrorBody,
    request: Request & { log?: PinoLogger; user?: { userId?: string } },
  ): void {
    const event = {
      event: 'access_refused',
      code: body.code,
      method: request.method,
      path: (request.originalUrl ?? request.url ?? '').split('?')[0],
      userId: request.user?.userId ?? null,
    };
    if (request.log) request.log.warn({ context: 'Auth', ...event }, 'access refused');
    else this.logger.warn(JSON.stringify(event));
  }

  private logFailure(exception: unknown, request: Request & { log?: PinoLogger }): void {
    // Redacted like the access log: a share link's or a calendar feed's token is in its URL.
    const message = `${request.method} ${redactQuery(request.originalUrl ?? request.url ?? '')}: unexpected error`;
    const error = exception instanceof Error ? exception : new Error(String(exception));
    // The request's own logger (pino-http) carries its id even when the error was raised
    // before Nest took over (body parsing); Nest's logger otherwise (no HTTP logger mounted).
    if (request.log) request.log.error({ context: 'Errors', err: error }, message);
    else this.logger.error(message, error.stack);
  }

  private toBody(exception: unknown): Omit<ErrorBody, 'requestId'> {
    if (exception instanceof AppException) {
      return {
        statusCode: STATUS[exception.kind],
        code: exception.code,
        message: exception.message,
        ...(Object.keys(exception.params).length > 0
          ? { params: exception.params as ErrorBody['params'] }
          : {}),
        ...(exception.fields ? { fields: exception.fields } : {}),
      };
    }
    // Nest wraps body-parser's errors in an HttpException whose cause is the original.
    const parserError = asBodyParserError(exception instanceof HttpException ? exception.cause : exception);
    if (parserError && parserError.status < 500) return this.bodyParserBody(parserError);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // A 5xx HttpException's message comes from code that did not mean to talk to the
      // client (deliberate failures are AppExceptions of kind "unavailable").
      if (status >= 500) return { statusCode: status, code: codeOf(status), message: INTERNAL_ERROR_MESSAGE };
      const raw = exception.getResponse();
      const message =
        typeof raw === 'string'
          ? raw
          : typeof (raw as { message?: unknown }).message === 'string'
            ? (raw as { message: string }).message
            : exception.message;
      return { statusCode: status, code: codeOf(status), message };
    }
    // PostgreSQL down, restarting or shutting down: a clear 503, not a bug's 500.
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_UNAVAILABLE',
        message: DATABASE_UNAVAILABLE_MESSAGE,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: INTERNAL_ERROR_MESSAGE,
    };
  }

  private bodyParserBody(error: BodyParserError): Omit<ErrorBody, 'requestId'> {
    switch (error.type) {
      case 'entity.too.large': {
        const limit = this.options.bodyLimit ?? (error.limit !== undefined ? `${error.limit} bytes` : 'size');
        return {
          statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
          code: 'PAYLOAD_TOO_LARGE',
          message: `The request body is larger than the ${limit} limit.`,
        };
      }
      case 'entity.parse.failed':
        // The parser's own message quotes the body: not echoed.
        return {
          statusCode: HttpStatus.BAD_REQUEST,
          code: 'MALFORMED_JSON',
          message: 'The request body is not valid JSON.',
        };
      case 'charset.unsupported':
        return {
          statusCode: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: `The charset "${error.charset ?? '?'}" is not supported: send JSON in UTF-8.`,
        };
      case 'encoding.unsupported':
        return {
          statusCode: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: `The content encoding "${error.encoding ?? '?'}" is not supported.`,
        };
      case 'request.aborted':
        return {
          statusCode: HttpStatus.BAD_REQUEST,
          code: 'REQUEST_ABORTED',
          message: 'The request was aborted before its body was received.',
        };
      default:
        return {
          statusCode: error.status,
          code: codeOf(error.status),
          message: error.expose !== false && error.message ? error.message : codeOf(error.status),
        };
    }
  }
}

/** Nest's own HTTP errors (unknown route, 429…) by the status's name, when it is a declared code. */
const codeOf = (status: number): ErrorCode => {
  const name = HttpStatus[status];
  return isErrorCode(name) ? name : 'HTTP_ERROR';
};
