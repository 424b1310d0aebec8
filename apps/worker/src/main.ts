import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { nestLogLevels } from '@capacites/config';
import { loadWorkerConfig } from './config/worker.config';
import { boundPort, startWorkerHealthServer } from './health-server';
import { stopOnSignals } from './shutdown';
import { createTemporalWorker } from './temporal-worker';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = new Logger('Worker');
  // One owner of the signals, from the first instant: the SDK's Runtime would shut the worker
  // down too, and a second signal (Ctrl-C reaches the whole process group, then `npm start`
  // sends SIGTERM) asked a draining worker to stop again: IllegalStateError.
  const signals = stopOnSignals((message) => logger.log(message));
  // Before any connection: the SDK's runtime is created once per process.
  Runtime.install({
    shutdownSignals: [],
    ...(config.WORKER_METRICS_ADDRESS
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: config.WORKER_METRICS_ADDRESS } } } }
      : {}),
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    // JSON lines with the same fields as the API's (nestjs-pino's ConsoleLogger-compatible preset).
    logger: new ConsoleLogger({ json: true, logLevels: nestLogLevels(config.LOG_LEVEL) }),
  });
  const { worker, connection } = await createTemporalWorker(app, config);
  const health =
    config.WORKER_HEALTH_PORT === undefined
      ? undefined
      : await startWorkerHealthServer(worker, config.WORKER_HEALTH_PORT, config.WORKER_HEALTH_HOST);
  if (health) logger.log(`health on http://${config.WORKER_HEALTH_HOST}:${boundPort(health)}/health`);
  if (config.WORKER_METRICS_ADDRESS) logger.log(`Temporal SDK metrics on http://${config.WORKER_METRICS_ADDRESS}/metrics`);
  try {
    if (!signals.requested) {
      logger.log(`worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`);
      const running = worker.run();
      signals.attach(worker);
      await running;
    }
  } finally {
    health?.close();
    await connection.close();
    await app.close();
    logger.log('worker stopped');
    signals.dispose();
  }
}

bootstrap().catch((error: unknown) => {
  new Logger('Worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
