import { z } from 'zod';
import { databaseEnvSchema, loadConfig, loggingEnvSchema, temporalEnvSchema } from '@capacites/config';

const workerEnvSchema = databaseEnvSchema.extend(temporalEnvSchema.shape).extend({
  /** LOG_LEVEL (libs/config): JSON logs on stdout. */
  ...loggingEnvSchema.shape,
  /** A workflow bundle prepared in advance (Docker image, test suites); built at start otherwise. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  /** Sticky cache size: each cached workflow keeps its isolate state in memory. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(1000),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(50),
  /** SMTP server (smtp://user:pass@host:port); without it emails stay in the outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Capacités <ne-pas-repondre@capacites.local>'),
  /** Back-office base URL, used in the links of notifications. */
  PUBLIC_URL: z.url().default('http://localhost:5173'),
});

export type WorkerConfig = z.infer<typeof workerEnvSchema>;

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

/** The only place where the worker reads process.env. */
export function loadWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  return loadConfig(workerEnvSchema, env);
}
