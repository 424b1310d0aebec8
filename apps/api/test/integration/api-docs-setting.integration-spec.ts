// /api/docs (Swagger UI) and /api/docs/openapi.json: a map of every endpoint, useful to
// developers and integrators, needless to an attacker's reconnaissance in production.
import request from 'supertest';
import { startStack, type TestStack } from '../support/stack';

describe('The API docs setting', () => {
  const stacks: TestStack[] = [];
  const docsOf = async (env: Record<string, string>) => {
    const stack = await startStack({ worker: false, env });
    stacks.push(stack);
    const server = stack.app.getHttpServer();
    const ui = await request(server).get('/api/docs/');
    const json = await request(server).get('/api/docs/openapi.json');
    return { ui: ui.status, json: json.status, jsonBody: json.body as { openapi?: string; code?: string } };
  };

  afterAll(async () => {
    for (const stack of stacks) await stack.close();
  });

  it('serves the docs outside production (development, tests)', async () => {
    const docs = await docsOf({});
    expect(docs.ui).toBe(200);
    expect(docs.json).toBe(200);
    expect(docs.jsonBody.openapi).toMatch(/^3\./);
  });

  it('does not serve them when NODE_ENV=production: 404 like any unknown path', async () => {
    const docs = await docsOf({ NODE_ENV: 'production' });
    expect(docs.ui).toBe(404);
    expect(docs.json).toBe(404);
    expect(docs.jsonBody.code).toBe('NOT_FOUND');
  });

  it('does not serve them when NODE_ENV is unset (production by default)', async () => {
    // An empty variable counts as unset (libs/config).
    const docs = await docsOf({ NODE_ENV: '' });
    expect(docs.json).toBe(404);
  });

  it('serves them in production when API_DOCS=true, and hides them in development with API_DOCS=false', async () => {
    expect((await docsOf({ NODE_ENV: 'production', API_DOCS: 'true' })).json).toBe(200);
    expect((await docsOf({ NODE_ENV: 'development', API_DOCS: 'false' })).json).toBe(404);
  });
});
