// The real stack for integration and browser tests: a fresh database (migrated) on the
// run's PostgreSQL, a worker on its own task queue on the run's Temporal dev server,
// and the API app. Started by scripts/testing/global-setup.mjs.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { DestinationStream } from 'pino';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { loadPayloadKeys, newPayloadKeyEntry, temporalDataConverter } from '@capacites/config';
import { createDataSource, runMigrations } from '@capacites/persistence';
// The integration tests assemble the real stack from both apps (lint allows it in tests only).
import { loadWorkerConfig } from '../../../worker/src/config/worker.config';
import { createTemporalWorker } from '../../../worker/src/temporal-worker';
import { WorkerModule } from '../../../worker/src/worker.module';
import { loadApiConfig } from '../../src/config/api.config';
import { createApiApp } from '../../src/create-app';

export interface TestStack {
  app: INestApplication;
  /** The environment of the apps (database, Temporal, task queue, workflow bundle). */
  env: Record<string, string>;
  /** Base URL when started with `listen: true`. */
  baseUrl: string;
  db: DataSource;
  temporal: Client;
  taskQueue: string;
  databaseUrl: string;
  close(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the suite through jest's integration project (npm test)`);
  return value;
}

/** A new empty database on the run's PostgreSQL (not migrated). */
export function createTestDatabase(): Promise<string> {
  return createDatabase(required('CAPACITES_TEST_DATABASE_URL'));
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `it_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const client = new PgClient({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let runtimeInstalled = false;

export interface StackOptions {
  listen?: boolean;
  adminDistDir?: string;
  /** false: no in-process worker (the test runs the worker as a process of its own). */
  worker?: boolean;
  /** Extra environment of the apps (SMTP_URL…). */
  env?: Record<string, string>;
  /** Receives the API's JSON log lines (level info unless env sets LOG_LEVEL); silent otherwise. */
  logs?: DestinationStream;
  /** An existing database (holding data already) instead of a fresh one; migrated up like any. */
  databaseUrl?: string;
  /** Another Temporal server than the run's (one that the test stops and restarts). */
  temporalAddress?: string;
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  if (!runtimeInstalled) {
    // Quiet SDK logs in tests: warnings and errors only (installable once per process).
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  await runMigrations({ url: databaseUrl });
  const temporalAddress = options.temporalAddress ?? required('CAPACITES_TEST_TEMPORAL_ADDRESS');
  const taskQueue = `it-${randomUUID()}`;
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE_PATH: required('CAPACITES_TEST_WORKFLOW_BUNDLE'),
    API_PORT: '0',
    // Plain HTTP on loopback, as npm start; the secure defaults have tests of their own.
    NODE_ENV: 'test',
    // Many logins from one address in tests; the rate limit has a test of its own.
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    // Workflow payloads encrypted as in production (a key per stack; rotation has its own test).
    TEMPORAL_PAYLOAD_KEYS: newPayloadKeyEntry('test'),
    // Secrets in PostgreSQL encrypted with a key of the stack (production requires one).
    DATA_ENCRYPTION_KEYS: newPayloadKeyEntry('test-data'),
    ...(options.adminDistDir ? { ADMIN_DIST_DIR: options.adminDistDir } : {}),
    ...options.env,
  };

  let stopWorker = async (): Promise<void> => undefined;
  if (options.worker !== false) {
    const workerConfig = loadWorkerConfig(env);
    const workerContext = await NestFactory.createApplicationContext(WorkerModule.forConfig(workerConfig), {
      logger: false,
    });
    const { worker, connection: workerConnection } = await createTemporalWorker(workerContext, workerConfig);
    const running = worker.run();
    stopWorker = async () => {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await workerContext.close();
    };
  }

  const apiConfig = loadApiConfig({ LOG_LEVEL: options.logs ? 'info' : 'silent', ...env });
  const app = await createApiApp(apiConfig, { logDestination: options.logs });
  let baseUrl = '';
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    baseUrl = `http://127.0.0.1:${address.port}`;
  } else {
    await app.init();
  }

  const db = createDataSource({ url: databaseUrl, poolSize: 2 });
  await db.initialize();
  const temporalConnection = await Connection.connect({ address: temporalAddress });
  // The test's own client reads and writes payloads like the apps (same keys).
  const temporal = new Client({
    connection: temporalConnection,
    dataConverter: temporalDataConverter(loadPayloadKeys(env)),
  });

  return {
    app,
    env,
    baseUrl,
    db,
    temporal,
    taskQueue,
    databaseUrl,
    async close() {
      await app.close();
      await stopWorker();
      await temporalConnection.close();
      await db.destroy();
    },
  };
}
