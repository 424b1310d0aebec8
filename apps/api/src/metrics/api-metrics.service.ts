import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api.config';

/** The parts of an Express request and response the request metrics read. */
interface MeasuredRequest {
  method: string;
  /** The URL as received: `path` and `url` are rewritten while a mounted router runs. */
  originalUrl: string;
  baseUrl?: string;
  route?: { path?: unknown };
}
interface MeasuredResponse {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/** Seconds; from a 1 ms answer to a 10 s export, around the 100 ms–1 s that matter. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** pg's Pool, as TypeORM's PostgreSQL driver holds it. */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The API's Prometheus metrics: requests per route pattern (never the raw path, so that ids
 * do not multiply the series), method and status; requests in flight; the database pool; and
 * Node's own (event loop lag, heap, GC). Served on a listener of its own (API_METRICS_ADDRESS),
 * not on the public port.
 */
@Injectable()
export class ApiMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status_code'>;
  private readonly inFlight: Gauge;
  private readonly aborted: Counter<'method' | 'route'>;
  private server?: Server;
  private readonly logger = new Logger('Metrics');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @InjectDataSource() dataSource: DataSource,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'capacites_api_' });
    const registers = [this.registry];
    this.requests = new Histogram({
      name: 'capacites_api_http_request_duration_seconds',
      help: 'API requests answered, by route pattern, method and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.inFlight = new Gauge({
      name: 'capacites_api_http_requests_in_flight',
      help: 'API requests received and not answered yet',
      registers,
    });
    this.aborted = new Counter({
      name: 'capacites_api_http_requests_aborted_total',
      help: 'API requests whose client went away before the answer was sent',
      labelNames: ['method', 'route'],
      registers,
    });
    const pool = () => (dataSource.driver as unknown as { master?: PgPoolCounts }).master;
    const poolGauge = (name: string, help: string, read: (p: PgPoolCounts) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const current = pool();
          this.set(current ? read(current) : 0);
        },
      });
    poolGauge(
      'capacites_api_db_pool_connections',
      'Connections open in the API database pool',
      (p) => p.totalCount,
    );
    poolGauge('capacites_api_db_pool_idle', 'Idle connections in the API database pool', (p) => p.idleCount);
    poolGauge(
      'capacites_api_db_pool_waiting',
      'Queries waiting for a connection of the API database pool (saturation)',
      (p) => p.waitingCount,
    );
  }

  /** Express middleware: measures every request, those refused before any route included. */
  readonly middleware = (request: MeasuredRequest, response: MeasuredResponse, next: () => void): void => {
    const end = this.requests.startTimer({ method: request.method });
    this.inFlight.inc();
    let done = false;
    const finish = (completed: boolean) => {
      if (done) return;
      done = true;
      this.inFlight.dec();
      const route = routeLabel(request);
      if (completed) end({ route, status_code: String(response.statusCode) });
      else this.aborted.inc({ method: request.method, route });
    };
    response.once('finish', () => finish(true));
    response.once('close', () => finish(false));
    next();
  };

  async onApplicationBootstrap(): Promise<void> {
    const address = this.config.API_METRICS_ADDRESS;
    if (!address) return;
    const separator = address.lastIndexOf(':');
    const host = address.slice(0, separator);
    const port = Number(address.slice(separator + 1));
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found: GET /metrics\n');
        return;
      }
      this.registry
        .metrics()
        .then((text) => response.writeHead(200, { 'Content-Type': this.registry.contentType }).end(text))
        .catch((error: unknown) => {
          this.logger.error(`metrics_failed ${error instanceof Error ? error.message : String(error)}`);
          response.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics failed\n');
        });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const bound = server.address() as AddressInfo;
    this.logger.log(`metrics listening on http://${host}:${bound.port}/metrics`);
  }

  /** Where the metrics listener is bound (the port chosen when API_METRICS_ADDRESS ends in :0). */
  metricsPort(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * The route pattern Express matched (`/api/experiments/:id`), else a fixed label: a path
 * that matched no route must not become a series of its own.
 */
export function routeLabel(request: MeasuredRequest): string {
  const pattern = request.route?.path;
  // A catch-all (the API's JSON 404 for unknown paths, `/api*path`) is no route of its own.
  if (typeof pattern === 'string' && !pattern.includes('*')) return `${request.baseUrl ?? ''}${pattern}`;
  const path = request.originalUrl.split('?')[0];
  return path === '/api' || path.startsWith('/api/') ? 'unmatched' : 'back-office';
}
