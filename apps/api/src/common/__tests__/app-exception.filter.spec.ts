import type { ArgumentsHost } from '@nestjs/common';
import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import { AppExceptionFilter, INTERNAL_ERROR_MESSAGE, type ErrorBody } from '../app-exception.filter';
import { ValidationException } from '../app.exception';

/** A request/response pair as Express gives them to the filter, recording what is sent. */
function fakeHttp(request: Record<string, unknown> = {}) {
  const logged: { fields: Record<string, unknown>; message: string }[] = [];
  const sent: { status?: number; body?: ErrorBody; ended: boolean } = { ended: false };
  const response = {
    headersSent: false,
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
    log: { error: (fields: Record<string, unknown>, message: string) => logged.push({ fields, message }) },
    ...request,
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, sent, logged, response };
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
      fields: [{ field: 'title', message: 'title is required' }],
      requestId: 'req-42',
    });
    expect(logged).toEqual([]);
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

  it('cuts short an answer already under way instead of writing a second one', () => {
    const { host, sent, response } = fakeHttp();
    response.headersSent = true;
    filter.catch(new Error('stream broke'), host);
    expect(sent).toEqual({ ended: true });
  });
});
