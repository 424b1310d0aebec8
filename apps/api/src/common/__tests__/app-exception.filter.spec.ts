import type { ArgumentsHost } from '@nestjs/common';
import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import {
  AppExceptionFilter,
  errorBodySchema,
  INTERNAL_ERROR_MESSAGE,
  type ErrorBody,
} from '../app-exception.filter';
import { AuthException } from '../../auth/auth.exception';
import { ResourceException, ValidationException } from '../app.exception';

/** A request/response pair as Express gives them to the filter, recording what is sent. */
function fakeHttp(request: Record<string, unknown> = {}) {
  const logged: { fields: Record<string, unknown>; message: string }[] = [];
  const sent: { status?: number; body?: ErrorBody; ended: boolean; headers?: Record<string, string> } = {
    ended: false,
  };
  const warned: { fields: Record<string, unknown>; message: string }[] = [];
  const response = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers = { ...sent.headers, [name]: value };
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: ErrorBody) {
      sent.body = body;
      return this;
    },
    end() {
      sent.ended = true;
      return this;
    },
  };
  const req = {
    method: 'POST',
    originalUrl: '/api/experiments',
    id: 'req-42',
    log: {
      error: (fields: Record<string, unknown>, message: string) => logged.push({ fields, message }),
      warn: (fields: Record<string, unknown>, message: string) => warned.push({ fields, message }),
    },
    ...request,
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, sent, logged, warned, response };
}

/** What body-parser throws (an http-errors error), and how Nest hands it to the filters. */
function bodyParserError(status: number, type: string, message: string, extra: Record<string, unknown> = {}) {
  const error = Object.assign(new Error(message), {
    status,
    statusCode: status,
    expose: true,
    type,
    ...extra,
  });
  return new HttpException(message, status, { cause: error });
}

describe('AppExceptionFilter', () => {
  const filter = new AppExceptionFilter({ bodyLimit: '100kb' });

  it('answers an unexpected error with a generic 500 that leaks neither SQL nor stack, and logs it under the request id', () => {
    const { host, sent, logged } = fakeHttp();
    const failure = new Error(
      'duplicate key value violates unique constraint "users_email_key": INSERT INTO "users"',
    );
    filter.catch(failure, host);
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: INTERNAL_ERROR_MESSAGE,
      requestId: 'req-42',
    });
    expect(JSON.stringify(sent.body)).not.toMatch(/INSERT|users_email_key|at .*\.ts/);
    expect(logged).toEqual([
      { fields: { context: 'Errors', err: failure }, message: 'POST /api/experiments: unexpected error' },
    ]);
  });

  it('hides the message of a 5xx HttpException, which was not written for the client', () => {
    const { host, sent } = fakeHttp();
    filter.catch(new InternalServerErrorException('connect ECONNREFUSED 10.0.0.5:5432'), host);
    expect(sent.body).toMatchObject({ statusCode: 500, message: INTERNAL_ERROR_MESSAGE });
  });

  it('keeps the shape of application errors and adds the request id', () => {
    const { host, sent, logged } = fakeHttp();
    filter.catch(new ValidationException([{ field: 'title', message: 'title is required' }]), host);
    expect(sent.status).toBe(400);
    expect(sent.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid input: title: title is required',
      params: { fields: ['title'] },
      fields: [{ field: 'title', message: 'title is required' }],
      requestId: 'req-42',
    });
    expect(logged).toEqual([]);
  });

  it('sends a refusal with its stable code and parameters, for the back-office to translate', () => {
    const { host, sent } = fakeHttp();
    filter.catch(ResourceException.conflict('TRACK_IN_USE', { count: 3 }), host);
    expect(sent.status).toBe(409);
    expect(sent.body).toMatchObject({ code: 'TRACK_IN_USE', params: { count: 3 } });
    expect(errorBodySchema.safeParse(sent.body).success).toBe(true);
  });

  it('names the configured limit when the body is too large', () => {
    const { host, sent } = fakeHttp();
    filter.catch(
      bodyParserError(413, 'entity.too.large', 'request entity too large', { limit: 102400 }),
      host,
    );
    expect(sent.status).toBe(413);
    expect(sent.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the 100kb limit.',
    });
  });

  it('answers malformed JSON with a 400 that does not quote the body', () => {
    const { host, sent } = fakeHttp();
    const parse = bodyParserError(
      400,
      'entity.parse.failed',
      `Unexpected token 'p', "password=hunter2" is not valid JSON`,
    );
    filter.catch(parse, host);
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({
      code: 'MALFORMED_JSON',
      message: 'The request body is not valid JSON.',
    });
    expect(JSON.stringify(sent.body)).not.toContain('hunter2');
  });

  it('answers an unsupported charset or encoding with 415', () => {
    const charset = fakeHttp();
    filter.catch(
      bodyParserError(415, 'charset.unsupported', 'unsupported charset', { charset: 'latin1' }),
      charset.host,
    );
    expect(charset.sent.status).toBe(415);
    expect(charset.sent.body?.message).toContain('latin1');
    const encoding = fakeHttp();
    filter.catch(
      bodyParserError(415, 'encoding.unsupported', 'unsupported encoding', { encoding: 'compress' }),
      encoding.host,
    );
    expect(encoding.sent.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('passes other client errors through with their status', () => {
    const { host, sent } = fakeHttp();
    filter.catch(new NotFoundException('Cannot GET /api/nope'), host);
    expect(sent.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /api/nope',
      requestId: 'req-42',
    });
    const bad = fakeHttp({ id: undefined });
    filter.catch(new BadRequestException('Validation failed (uuid is expected)'), bad.host);
    expect(bad.sent.body).toEqual({
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: 'Validation failed (uuid is expected)',
    });
  });

  it.each([
    [
      'the server refuses connections',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'the server shuts down (57P01 admin_shutdown), wrapped by TypeORM',
      Object.assign(new Error('Query failed'), {
        driverError: Object.assign(new Error('terminating connection due to administrator command'), {
          code: '57P01',
        }),
      }),
    ],
    ['the connection fails (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['the connection drops', new Error('Connection terminated unexpectedly')],
    ['the pool cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['the server does not answer in time (client query_timeout)', new Error('Query read timeout')],
    [
      'the statement timeout cancels the query (57014)',
      Object.assign(new Error('Query failed'), {
        driverError: Object.assign(new Error('canceling statement due to statement timeout'), {
          code: '57014',
        }),
      }),
    ],
    [
      'every address refuses (AggregateError)',
      new AggregateError([
        Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }),
      ]),
    ],
  ])('answers 503 DATABASE_UNAVAILABLE with Retry-After when %s', (_, failure) => {
    const { host, sent, logged } = fakeHttp();
    filter.catch(failure, host);
    expect(sent.status).toBe(503);
    expect(sent.body).toEqual({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database is unavailable; the request could not be completed. Try again shortly.',
      requestId: 'req-42',
    });
    expect(sent.headers).toEqual({ 'Retry-After': '5', 'Content-Type': 'application/json; charset=utf-8' });
    expect(JSON.stringify(sent.body)).not.toMatch(/ECONNREFUSED|5432|administrator/);
    expect(logged).toHaveLength(1);
  });

  it('keeps the generic 500 for a query that fails for another reason (a bug)', () => {
    const { host, sent } = fakeHttp();
    const failure = Object.assign(new Error('Query failed'), {
      driverError: Object.assign(new Error('column "nope" does not exist'), { code: '42703' }),
    });
    filter.catch(failure, host);
    expect(sent.status).toBe(500);
    expect(sent.body?.code).toBe('INTERNAL_ERROR');
    expect(sent.headers?.['Retry-After']).toBeUndefined();
  });

  it('logs a refused authorisation (403) as a security event, with who and what', () => {
    const { host, sent, warned } = fakeHttp({
      user: { userId: 'u-1' },
      originalUrl: '/api/experiments/x/launch?a=1',
    });
    filter.catch(AuthException.forbidden('launch', ['hr']), host);
    expect(sent.status).toBe(403);
    expect(warned).toEqual([
      {
        fields: {
          context: 'Auth',
          event: 'access_refused',
          code: 'FORBIDDEN',
          method: 'POST',
          path: '/api/experiments/x/launch',
          userId: 'u-1',
        },
        message: 'access refused',
      },
    ]);
  });

  it('labels every error answer as JSON, even on a route that set another Content-Type (.ics)', () => {
    const { host, sent, response } = fakeHttp();
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    filter.catch(new NotFoundException('This experiment does not exist.'), host);
    expect(sent.headers?.['Content-Type']).toBe('application/json; charset=utf-8');
  });

  it('cuts short an answer already under way instead of writing a second one', () => {
    const { host, sent, response } = fakeHttp();
    response.headersSent = true;
    filter.catch(new Error('stream broke'), host);
    expect(sent).toEqual({ ended: true });
  });
});

describe('AppExceptionFilter on the token routes', () => {
  it('never writes the token of a share link or a calendar feed when it logs a failure', () => {
    const filter = new AppExceptionFilter();
    const token = 'Zm9vYmFyYmF6cXV4LXNoYXJlLWxpbmstdG9rZW4tMDEy';
    for (const originalUrl of [
      `/api/shared/${token}/pack.pdf`,
      `/api/calendar/subscription.ics?token=${token}`,
    ]) {
      const { host, sent, logged } = fakeHttp({ method: 'GET', originalUrl });
      filter.catch(new Error('connect ECONNREFUSED'), host);
      expect(sent.status).toBe(500);
      expect(logged).toHaveLength(1);
      expect(logged[0].message).not.toContain(token);
      expect(logged[0].message).toContain('[Redacted]');
    }
  });
});
