import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from '@temporalio/worker';

/**
 * The worker's liveness endpoint: GET /health answers 200 while the worker polls its task
 * queue (state RUNNING), 503 otherwise (starting, draining, failed). The worker has no HTTP
 * otherwise; this port is for the container's HEALTHCHECK and Kubernetes probes, never
 * published.
 */
export async function startWorkerHealthServer(
  worker: Pick<Worker, 'getState'>,
  port: number,
  host: string,
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/health') {
      response.writeHead(404).end();
      return;
    }
    const state = worker.getState();
    response
      .writeHead(state === 'RUNNING' ? 200 : 503, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ status: state === 'RUNNING' ? 'up' : 'down', state }));
  });
  await new Promise<void>((listening, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => listening());
  });
  return server;
}

export function boundPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}
