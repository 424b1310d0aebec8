import { z } from 'zod';
import { databaseEnvSchema, loadConfig, loggingEnvSchema, temporalEnvSchema } from '@capacites/config';
import { webhookEnvSchema } from '../webhooks/webhook.config';

const workerEnvSchema = databaseEnvSchema.extend(temporalEnvSchema.shape).extend({
  /** LOG_LEVEL (libs/config): JSON logs on stdout. */
  ...loggingEnvSchema.shape,
  /** A workflow bundle prepared in advance (Docker image, test suites); built at start otherwise. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  /** Sticky cache size: each cached workflow keeps its isolate state in memory. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(1000),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(50),
  /**
   * Liveness endpoint (GET /health: 200 while the worker polls, 503 otherwise), off when
   * unset. The image's HEALTHCHECK uses it; Kubernetes probes need WORKER_HEALTH_HOST=0.0.0.0.
   */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  WORKER_HEALTH_HOST: z.string().default('127.0.0.1'),
  /** The Temporal SDK's Prometheus metrics (host:port, GET /metrics), off when unset. */
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[^:]+:\d+$/, { message: 'WORKER_METRICS_ADDRESS must be host:port (e.g. 0.0.0.0:9464)' })
    .optional(),
  /** SMTP server (smtp://user:pass@host:port); without it emails stay in the outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Capacités <ne-pas-repondre@capacites.local>'),
  /** `production` unless told (development, test): production requires payload encryption keys. */
  NODE_ENV: z.string().default('production'),
  /** Back-office base URL, used in the links of notifications. */
  PUBLIC_URL: z.url().default('http://localhost:5173'),
  /** Webhooks and chat alerts: allowed networks, retry schedule, timeout (webhooks/webhook.config.ts). */
  ...webhookEnvSchema.shape,
});

export type WorkerConfig = z.infer<typeof workerEnvSchema>;

/** Every variable the worker reads (checked against docker-compose.yml and the Dockerfile). */
export const WORKER_ENV_VARIABLES = Object.keys(workerEnvSchema.shape);

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

/** The only place where the worker reads process.env. */
export function loadWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  return loadConfig(workerEnvSchema, env);
}
