import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApiLogging, redactQuery, REDACTED } from '../logging';
import { assignRequestId } from '../request-id';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('API logging', () => {
  it('writes JSON lines with the field names of the worker (Nest ConsoleLogger JSON)', () => {
    const { lines, destination } = capture();
    createApiLogging('info', destination).logger.info({ context: 'Test' }, 'hello');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'log', context: 'Test', message: 'hello' });
    expect(JSON.parse(lines[0])).toHaveProperty('timestamp');
  });

  it('obeys the level', () => {
    const { lines, destination } = capture();
    const { logger } = createApiLogging('warn', destination);
    logger.info('not written');
    logger.warn('written');
    expect(lines.map((line) => JSON.parse(line).message)).toEqual(['written']);
  });

  it('redacts passwords and tokens wherever they sit in a record, and credential headers', () => {
    const { lines, destination } = capture();
    createApiLogging('info', destination).logger.info(
      {
        password: 'p0',
        body: { currentPassword: 'p1', newPassword: 'p2', token: 't1' },
        params: { body: { password: 'p3', access_token: 't2' } },
        req: { headers: { authorization: 'Bearer t3', cookie: 'capacites_session=t4', accept: '*/*' } },
      },
      'a request',
    );
    for (const secret of ['p0', 'p1', 'p2', 'p3', 't1', 't2', 't3', 't4'])
      expect(lines[0]).not.toContain(secret);
    expect(JSON.parse(lines[0]).req.headers).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      accept: '*/*',
    });
  });

  it("writes an error as its kind, message and stack only (not a query's parameters)", () => {
    const { lines, destination } = capture();
    const failure = Object.assign(new Error('insert failed'), {
      code: '23505',
      parameters: ['alice@example.org', '$argon2id$hash'],
    });
    createApiLogging('info', destination).logger.error({ err: failure }, 'oops');
    const record = JSON.parse(lines[0]);
    expect(record.err).toEqual({
      type: 'Error',
      message: 'insert failed',
      stack: failure.stack,
      code: '23505',
    });
    expect(lines[0]).not.toContain('argon2');
  });

  it('hides secret query parameters of a logged URL', () => {
    expect(redactQuery('/api/auth/oidc/callback?code=abc&state=xyz&iss=https%3A%2F%2Fidp')).toBe(
      `/api/auth/oidc/callback?code=${REDACTED}&state=${REDACTED}&iss=https%3A%2F%2Fidp`,
    );
    expect(redactQuery('/api/x?password=1&range=%5B0%2C24%5D&access%5Ftoken=2')).toBe(
      `/api/x?password=${REDACTED}&range=%5B0%2C24%5D&access%5Ftoken=${REDACTED}`,
    );
    expect(redactQuery('/api/experiments')).toBe('/api/experiments');
  });

  it('hides the token of a share link, which is a segment of its path', () => {
    const token = 'q3Jf0K9xYc1ZbWm2nLr8sTuV4wXyZa6bCdEfGhIjKlM';
    expect(redactQuery(`/api/shared/${token}`)).toBe(`/api/shared/${REDACTED}`);
    expect(redactQuery(`/api/shared/${token}/pack.pdf?x=1`)).toBe(`/api/shared/${REDACTED}/pack.pdf?x=1`);
  });
});

describe('request ids', () => {
  const exchange = (incoming?: string) => {
    const headers: Record<string, string> = {};
    const request = {
      headers: incoming === undefined ? {} : { 'x-request-id': incoming },
    } as IncomingMessage;
    const response = {
      setHeader: (name: string, value: string) => (headers[name] = value),
    } as unknown as ServerResponse;
    return { id: assignRequestId(request, response), header: headers['X-Request-Id'] };
  };
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("keeps the caller's id when it is a sane token, and echoes it", () => {
    expect(exchange('lb-7f3a.01_Z')).toEqual({ id: 'lb-7f3a.01_Z', header: 'lb-7f3a.01_Z' });
    expect(exchange('x'.repeat(128)).id).toBe('x'.repeat(128));
  });

  it('generates a UUID when there is none or it is not sane', () => {
    for (const incoming of [undefined, '', 'x'.repeat(129), 'a b', '"}{"level":"fatal', 'é']) {
      const { id, header } = exchange(incoming);
      expect(id).toMatch(uuid);
      expect(header).toBe(id);
    }
  });
});

describe('the access log of the token routes', () => {
  it('redacts a token in the Referer as in the URL', async () => {
    const { lines, destination } = capture();
    const { httpLogger } = createApiLogging('info', destination);
    const token = 'c2hhcmUtbGluay10b2tlbi1vZi00My1jaGFyYWN0ZXJz';
    const request = Object.assign(new (await import('node:events')).EventEmitter(), {
      method: 'GET',
      url: `/api/shared/${token}/pack.pdf`,
      headers: { referer: `https://capacites.example.fr/api/shared/${token}`, accept: 'application/pdf' },
      socket: { remoteAddress: '203.0.113.9' },
    });
    const response = Object.assign(new (await import('node:events')).EventEmitter(), {
      statusCode: 200,
      writableEnded: true,
      headersSent: true,
      setHeader: () => undefined,
      getHeaders: () => ({}),
    });
    httpLogger(request as never, response as never);
    response.emit('finish');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(token);
    expect(JSON.parse(lines[0]).req.headers.referer).toBe(`https://capacites.example.fr/api/shared/${REDACTED}`);
  });
});
