import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleLogger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { AppExceptionFilter } from './common/app-exception.filter';
import { ZodValidationPipe } from './common/zod-validation.pipe';
import type { ApiConfig } from './config/api.config';

/** Builds the API application (used by main.ts and by the integration tests). */
export async function createApiApp(
  config: ApiConfig,
  logger?: LoggerService | false,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: logger ?? new ConsoleLogger({ json: true }),
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: config.API_BODY_LIMIT });
  app.use(helmet());
  app.use(cookieParser());
  // Behind a reverse proxy, the client address (for login rate limiting) is the forwarded one.
  app.set('trust proxy', 'loopback');
  app.enableCors({ origin: config.ADMIN_ORIGIN, credentials: true, exposedHeaders: ['Content-Range'] });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ZodValidationPipe());
  app.useGlobalFilters(new AppExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Capacités API')
      .setDescription(
        'Organisational tests of public administrations: framing, lifecycle, evaluation, decision.',
      )
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  if (config.ADMIN_DIST_DIR && existsSync(join(config.ADMIN_DIST_DIR, 'index.html'))) {
    serveBackOffice(app, config.ADMIN_DIST_DIR);
  }
  return app;
}

/** Production mode: the API serves the built back-office, with a SPA fallback. */
function serveBackOffice(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  const index = join(dir, 'index.html');
  app.use(
    (
      request: { method: string; path: string },
      response: { sendFile: (p: string) => void },
      next: () => void,
    ) => {
      if (request.method === 'GET' && !request.path.startsWith('/api')) return response.sendFile(index);
      return next();
    },
  );
}
