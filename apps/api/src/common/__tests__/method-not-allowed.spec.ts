import type { OpenAPIObject } from '@nestjs/swagger';
import { methodNotAllowed } from '../method-not-allowed';

const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/experiments': { get: { responses: {} }, post: { responses: {} } },
    '/api/experiments/{id}': { get: { responses: {} }, put: { responses: {} } },
    '/api/experiments/{id}/launch': { post: { responses: {} } },
    '/api/notifications/{id}': { get: { responses: {} }, put: { responses: {} } },
    '/api/notifications/read-all': { post: { responses: {} } },
  },
} as unknown as OpenAPIObject;

function call(method: string, path: string) {
  const headers: Record<string, string> = {};
  let passed: unknown = 'not called';
  methodNotAllowed(document)(
    { method, path },
    { setHeader: (name, value) => (headers[name] = value) },
    (error?: unknown) => (passed = error),
  );
  return { headers, passed: passed as { getStatus?: () => number; message?: string } | undefined };
}

describe('405 for a method a documented path does not take', () => {
  it('refuses it with the methods the path takes in Allow', () => {
    const { headers, passed } = call('DELETE', '/api/experiments');
    expect(passed?.getStatus?.()).toBe(405);
    expect(passed?.message).toBe('DELETE is not allowed on /api/experiments; allowed: GET, POST, HEAD');
    expect(headers).toEqual({ Allow: 'GET, POST, HEAD' });
  });

  it('matches path templates, segment by segment', () => {
    expect(call('TRACE', '/api/experiments/abc').headers.Allow).toBe('GET, PUT, HEAD');
    expect(call('GET', '/api/experiments/abc/launch').headers.Allow).toBe('POST');
  });

  it('takes a path written out in full for itself, not for the template beside it', () => {
    expect(call('PUT', '/api/notifications/read-all').headers.Allow).toBe('POST');
    expect(call('PUT', '/api/notifications/abc').passed).toBeUndefined();
  });

  it('lets through the methods a path takes, HEAD with GET, OPTIONS (CORS) and unknown paths', () => {
    for (const [method, path] of [
      ['GET', '/api/experiments'],
      ['HEAD', '/api/experiments/abc'],
      ['POST', '/api/experiments/abc/launch'],
      ['OPTIONS', '/api/experiments'],
      ['DELETE', '/api/no-such-path'],
      ['DELETE', '/api/experiments/abc/launch/more'],
    ])
      expect([method, path, call(method, path).passed]).toEqual([method, path, undefined]);
  });
});
