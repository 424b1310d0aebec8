import type { Server } from 'node:http';
import { boundPort, startWorkerHealthServer } from '../health-server';

describe("The worker's liveness endpoint", () => {
  let state = 'INITIALIZED';
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = await startWorkerHealthServer({ getState: () => state as never }, 0, '127.0.0.1');
    url = `http://127.0.0.1:${boundPort(server)}`;
  });

  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  it('answers 200 only while the worker polls (RUNNING), 503 while it starts, drains or has failed', async () => {
    for (const [current, status] of [
      ['INITIALIZED', 503],
      ['RUNNING', 200],
      ['DRAINING', 503],
      ['FAILED', 503],
      ['STOPPED', 503],
    ] as const) {
      state = current;
      const response = await fetch(`${url}/health`);
      expect(`${current} ${response.status}`).toBe(`${current} ${status}`);
      expect(await response.json()).toEqual({ status: status === 200 ? 'up' : 'down', state: current });
    }
  });

  it('answers nothing else', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    expect((await fetch(`${url}/health`, { method: 'POST' })).status).toBe(404);
  });
});
