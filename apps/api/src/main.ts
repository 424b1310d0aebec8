import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadApiConfig } from './config/api.config';
import { createApiApp } from './create-app';

async function bootstrap(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApiApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  new Logger('Api').log(`API listening on http://${config.API_HOST}:${config.API_PORT}/api`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Api').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
