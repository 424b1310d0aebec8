import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import {
  Module,
  NotFoundException,
  type INestApplication,
  type NestApplicationOptions,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { LoggerModule, NativeLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { TEMPORAL_CODEC_PATH } from './auth/csrf';
import { sessionCookieSettings } from './auth/session-cookie';
import { AppExceptionFilter } from './common/app-exception.filter';
import { answerClientErrorsAsJson, MAX_REQUEST_HEAD_BYTES } from './common/client-errors';
import { methodNotAllowed } from './common/method-not-allowed';
import { JsonBodyInterceptor } from './common/json-body.interceptor';
import { ApiMetrics } from './metrics/api-metrics.service';
import { createApiLogging } from './common/logging';
import { buildOpenApiDocument } from './common/openapi';
import { REQUEST_ID_HEADER } from './common/request-id';
import { ZodValidationPipe } from './common/zod-validation.pipe';
import type { ApiConfig } from './config/api.config';

export interface ApiAppOptions {
  /** Where the JSON log lines go (stdout by default): tests pass a stream to read them. */
  logDestination?: DestinationStream;
}

/** Express, on an HTTP server that reads request heads up to MAX_REQUEST_HEAD_BYTES. */
class ApiExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    super.initHttpServer(options);
    if (!options?.httpsOptions)
      this.httpServer = createServer({ maxHeaderSize: MAX_REQUEST_HEAD_BYTES }, this.getInstance());
  }
}

/** The HTTP application: the API's modules, plus nestjs-pino's request-scoped logging. */
@Module({})
class ApiHttpModule {}

/** Builds the API application (used by main.ts and by the integration tests). */
export async function createApiApp(
  config: ApiConfig,
  options: ApiAppOptions = {},
): Promise<INestApplication> {
  const logging = createApiLogging(config.LOG_LEVEL, options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(
    {
      module: ApiHttpModule,
      imports: [AppModule.forConfig(config), LoggerModule.forRoot(logging.moduleParams)],
    },
    new ApiExpressAdapter(),
    { bufferLogs: true, bodyParser: false },
  );
  // Nest's own Logger (new Logger(Context).log…) writes through pino from now on.
  app.useLogger(app.get(NativeLogger));
  answerClientErrorsAsJson(app.getHttpServer());
  // Express middlewares run in this order. The request metrics, the request id and the access log come first,
  // then the security and CORS headers, so that a request refused while its body is read
  // (too large, malformed) is logged and answered like any other.
  app.use(app.get(ApiMetrics).middleware);
  app.use(logging.httpLogger);
  app.use(helmet());
  const cors = {
    // A list, not a string: another origin's request then gets no Access-Control-Allow-Origin.
    origin: [config.ADMIN_ORIGIN],
    credentials: true,
    exposedHeaders: ['Content-Range', REQUEST_ID_HEADER],
  };
  // Temporal's Web UI calls the codec endpoint from its own origin, with the operator's
  // session (includeCredentials): that origin is let in there, and nowhere else.
  const codecCors = {
    ...cors,
    origin: [config.ADMIN_ORIGIN, ...config.temporalUiOrigins],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Namespace'],
  };
  app.enableCors((request: { path?: string; url?: string }, callback) =>
    callback(null, (request.path ?? request.url ?? '').startsWith(TEMPORAL_CODEC_PATH) ? codecCors : cors),
  );
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.API_BODY_LIMIT });
  // The client address (login limits, logs): the socket's, or the one forwarded by the
  // configured number of reverse proxies (TRUST_PROXY_HOPS), never one a client chose.
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ZodValidationPipe());
  app.useGlobalInterceptors(new JsonBodyInterceptor());
  app.useGlobalFilters(new AppExceptionFilter({ bodyLimit: config.API_BODY_LIMIT }));
  // One shutdown however many signals arrive (Ctrl-C reaches the whole process group, then
  // `npm start` sends SIGTERM: Nest ignores the second while the first runs), then exit 0.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  // Built in every mode (the 405 answers below read it); served to developers and
  // integrators only: off in production unless API_DOCS=true.
  const document = buildOpenApiDocument(app, {
    sessionCookie: sessionCookieSettings(config.SESSION_COOKIE_SECURE).name,
  });
  if (config.apiDocs)
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  // Before the routes: a documented path asked with a method it does not answer gets 405.
  app.use(methodNotAllowed(document));
  if (config.ADMIN_DIST_DIR && existsSync(join(config.ADMIN_DIST_DIR, 'index.html'))) {
    serveBackOffice(app, config.ADMIN_DIST_DIR);
  }
  // Unknown paths outside /api get the JSON 404 of the API rather than Express's HTML page.
  app.use(
    (request: { method: string; path: string }, _response: unknown, next: (error?: unknown) => void) => {
      if (request.path === '/api' || request.path.startsWith('/api/')) return next();
      return next(new NotFoundException(`Cannot ${request.method} ${request.path}`));
    },
  );
  return app;
}

/** The public answer page's short URL (/q/<code>), served by the back-office's light entry. */
const PUBLIC_ANSWER_PATH = /^\/q\/[A-Za-z0-9_-]{1,64}\/?$/;

/**
 * Production mode: the API serves the built back-office, with a SPA fallback; the public
 * answer page (/q/<code>) is its own light page, q.html, when the build has it.
 */
function serveBackOffice(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  const index = join(dir, 'index.html');
  const publicPage = join(dir, 'q.html');
  const hasPublicPage = existsSync(publicPage);
  app.use(
    (
      request: { method: string; path: string },
      response: { sendFile: (p: string) => void },
      next: () => void,
    ) => {
      if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
      if (hasPublicPage && PUBLIC_ANSWER_PATH.test(request.path)) return response.sendFile(publicPage);
      return response.sendFile(index);
    },
  );
}
