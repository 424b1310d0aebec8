import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ApiMetrics } from '../../src/metrics/api-metrics.service';
import { insertTeam, TEST_PASSWORD, type Team } from '../support/fixtures';
import { startStack, type TestStack } from '../support/stack';

/** One sample line of the Prometheus text format, parsed. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

describe('API request metrics (Prometheus, on a listener of their own)', () => {
  let stack: TestStack;
  let team: Team;
  let metricsUrl: string;
  const http = () => request(stack.app.getHttpServer());
  const scrape = async () => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return parseSamples(await response.text());
  };
  const requestCount = (samples: Sample[], labels: Record<string, string>) =>
    samples
      .filter((s) => s.name === 'capacites_api_http_request_duration_seconds_count')
      .filter((s) => Object.entries(labels).every(([key, value]) => s.labels[key] === value))
      .reduce((sum, s) => sum + s.value, 0);

  beforeAll(async () => {
    stack = await startStack({ worker: false, env: { API_METRICS_ADDRESS: '127.0.0.1:0' } });
    team = await insertTeam(stack.db);
    const port = stack.app.get(ApiMetrics).metricsPort();
    expect(port).toBeGreaterThan(0);
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('counts requests by route pattern, method and status, never by raw path', async () => {
    const token = (
      await http()
        .post('/api/auth/token')
        .send({ email: team.emails.hr, password: TEST_PASSWORD })
        .expect(200)
    ).body.token as string;
    const before = await scrape();
    const route = '/api/experiments/:id';
    const notFoundBefore = requestCount(before, { route, method: 'GET', status_code: '404' });

    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids)
      await http().get(`/api/experiments/${id}`).set('Authorization', `Bearer ${token}`).expect(404);
    await http().get('/api/no-such-route').expect(404);

    const after = await scrape();
    expect(requestCount(after, { route, method: 'GET', status_code: '404' })).toBe(notFoundBefore + 3);
    expect(requestCount(after, { route: 'unmatched', status_code: '404' })).toBeGreaterThanOrEqual(1);
    expect(requestCount(after, { route: '/api/auth/token', method: 'POST', status_code: '200' })).toBe(1);
    // No series carries an id: the labels are patterns.
    const routes = after.filter((s) => s.labels.route).map((s) => s.labels.route);
    for (const id of ids) expect(routes.some((r) => r.includes(id))).toBe(false);
  });

  it('shows the database pool, requests in flight and Node runtime figures', async () => {
    const samples = await scrape();
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      'capacites_api_db_pool_connections',
      'capacites_api_db_pool_idle',
      'capacites_api_db_pool_waiting',
      'capacites_api_http_requests_in_flight',
      'capacites_api_nodejs_eventloop_lag_p99_seconds',
      'capacites_api_process_resident_memory_bytes',
    ])
      expect(`${name} ${names.has(name)}`).toBe(`${name} true`);
    expect(samples.find((s) => s.name === 'capacites_api_db_pool_connections')?.value).toBeGreaterThan(0);
  });

  it('is not served on the public port, and the metrics listener answers nothing else', async () => {
    const publicAnswer = await http().get('/metrics');
    expect(publicAnswer.status).toBe(404);
    expect(publicAnswer.text).not.toContain('capacites_api_http_request_duration_seconds');
    expect((await fetch(metricsUrl.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(metricsUrl, { method: 'POST' })).status).toBe(404);
  });
});
