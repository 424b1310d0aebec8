import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { nestLogLevels } from '@capacites/config';
import { loadWorkerConfig } from './config/worker.config';
import { createTemporalWorker } from './temporal-worker';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    // JSON lines with the same fields as the API's (nestjs-pino's ConsoleLogger-compatible preset).
    logger: new ConsoleLogger({ json: true, logLevels: nestLogLevels(config.LOG_LEVEL) }),
  });
  const logger = new Logger('Worker');
  const { worker, connection } = await createTemporalWorker(app, config);
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
    await connection.close();
    await app.close();
    logger.log('worker stopped');
  }
}

bootstrap().catch((error: unknown) => {
  new Logger('Worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
