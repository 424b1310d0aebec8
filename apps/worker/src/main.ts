import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { nestLogLevels } from '@capacites/config';
import { loadWorkerConfig } from './config/worker.config';
import { boundPort, startWorkerHealthServer } from './health-server';
import { createTemporalWorker } from './temporal-worker';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig();
  if (config.WORKER_METRICS_ADDRESS) {
    // Before any connection: the SDK's runtime is created once per process.
    Runtime.install({
      telemetryOptions: { metrics: { prometheus: { bindAddress: config.WORKER_METRICS_ADDRESS } } },
    });
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    // JSON lines with the same fields as the API's (nestjs-pino's ConsoleLogger-compatible preset).
    logger: new ConsoleLogger({ json: true, logLevels: nestLogLevels(config.LOG_LEVEL) }),
  });
  const logger = new Logger('Worker');
  const { worker, connection } = await createTemporalWorker(app, config);
  const health =
    config.WORKER_HEALTH_PORT === undefined
      ? undefined
      : await startWorkerHealthServer(worker, config.WORKER_HEALTH_PORT, config.WORKER_HEALTH_HOST);
  if (health) logger.log(`health on http://${config.WORKER_HEALTH_HOST}:${boundPort(health)}/health`);
  if (config.WORKER_METRICS_ADDRESS)
    logger.log(`Temporal SDK metrics on http://${config.WORKER_METRICS_ADDRESS}/metrics`);
  logger.log(`worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: finishing in-flight tasks, then stopping`);
      worker.shutdown();
    });
  }
  try {
    await worker.run();
  } finally {
    health?.close();
    await connection.close();
    await app.close();
    logger.log('worker stopped');
  }
}

bootstrap().catch((error: unknown) => {
  new Logger('Worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
