import { ParseUUIDPipe, type INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import {
  ApiExtension,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type PathItemObject,
} from '@nestjs/swagger';
import { errorBodySchema } from './app-exception.filter';
import { REQUEST_ID_HEADER } from './request-id';
import { applyZodSchemas, toOpenApiSchema } from './zod-openapi';

export const ERROR_SCHEMA = 'ErrorResponse';

const PUBLIC_EXTENSION = 'x-capacites-public';

/** Marks an operation open to anonymous callers in the document (applied by @Public()). */
export const ApiPublic = (): MethodDecorator & ClassDecorator => ApiExtension(PUBLIC_EXTENSION, true);

export interface OpenApiOptions {
  /** Name of the HttpOnly session cookie set by the login. */
  sessionCookie: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function operationsOf(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item: PathItemObject) =>
    METHODS.map((method) => item[method]).filter((operation) => operation !== undefined),
  );
}

const requestIdHeader = {
  [REQUEST_ID_HEADER]: {
    description: 'The id of the request, to quote when reporting a problem.',
    schema: { type: 'string' },
  },
};

const errorResponse = (description: string) => ({
  description,
  headers: requestIdHeader,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
});

const CLIENT_ERROR = errorResponse(
  'Refused: invalid input (400, naming each bad field), not signed in (401), not allowed (403), ' +
    'not found (404), method not allowed on this path (405, with `Allow`), conflict (409), body too large (413), ' +
    'body not JSON (415), too many requests (429), request line and headers over 128 KiB (431).',
);
const SERVER_ERROR = errorResponse(
  'Unexpected failure (500: no detail is given, the error is logged under the request id), ' +
    'or a service the API depends on is unavailable (503).',
);

const REQUEST_ID_PARAMETER = {
  name: REQUEST_ID_HEADER,
  in: 'header' as const,
  required: false,
  description: "The caller's id for this request; replaced by a UUID when absent or not sane.",
  // Any value is accepted (one that is not sane is replaced), so the schema constrains none.
  schema: { type: 'string' as const },
};

/**
 * The path parameters each route parses as a UUID (ParseUUIDPipe), by operation id
 * (`<Controller>_<method>`, as @nestjs/swagger names operations): the document says so,
 * so that a client knows another value is refused (400) before any lookup.
 */
function uuidPathParameters(app: INestApplication): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: object } | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
          string,
          { data?: unknown; pipes?: unknown[] }
        >;
        for (const [key, arg] of Object.entries(args)) {
          if (Number(key.split(':')[0]) !== RouteParamtypes.PARAM || typeof arg.data !== 'string') continue;
          if (!(arg.pipes ?? []).some((pipe) => pipe instanceof ParseUUIDPipe || pipe === ParseUUIDPipe))
            continue;
          const operationId = `${controller.name}_${method}`;
          if (!found.has(operationId)) found.set(operationId, new Set());
          found.get(operationId)?.add(arg.data);
        }
      }
    }
  }
  return found;
}

/**
 * The OpenAPI document, generated from the code: routes from the controllers, request
 * bodies and query DTOs from their zod schemas, list endpoints from @ApiList(), the
 * session cookie and bearer schemes (routes marked @Public() need neither), one error
 * shape for every refusal.
 */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Capacités API')
    .setDescription(
      'Organisational tests of public administrations: framing, lifecycle, evaluation, decision.\n\n' +
        'Every answer carries an `X-Request-Id` header, which errors repeat as `requestId`.',
    )
    .setVersion('0.1.0')
    .addCookieAuth(
      options.sessionCookie,
      { type: 'apiKey', in: 'cookie', description: 'Set by POST /api/auth/login (the back-office).' },
      'session',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'A token from POST /api/auth/token (scripts).' },
      'bearer',
    )
    // Two requirement objects: either one will do.
    .addSecurityRequirements('session')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  applyZodSchemas(document);
  (document.components ??= {}).schemas = {
    ...document.components.schemas,
    [ERROR_SCHEMA]: toOpenApiSchema(errorBodySchema),
  };
  // Added here rather than through DocumentBuilder's global responses and parameters,
  // which @nestjs/swagger keeps in process-wide storages (several apps in a test process).
  const uuids = uuidPathParameters(app);
  for (const operation of operationsOf(document)) {
    for (const parameter of operation.parameters ?? []) {
      if (
        'name' in parameter &&
        parameter.in === 'path' &&
        uuids.get(operation.operationId ?? '')?.has(parameter.name)
      )
        parameter.schema = { type: 'string', format: 'uuid' };
    }
    const parameters = operation.parameters ?? [];
    if (!parameters.some((p) => 'name' in p && p.name === REQUEST_ID_HEADER && p.in === 'header'))
      operation.parameters = [...parameters, REQUEST_ID_PARAMETER];
    const extensions = operation as unknown as Record<string, unknown>;
    if (extensions[PUBLIC_EXTENSION]) {
      delete extensions[PUBLIC_EXTENSION];
      operation.security = [];
    }
    operation.responses['4XX'] ??= CLIENT_ERROR;
    operation.responses['5XX'] ??= SERVER_ERROR;
  }
  return document;
}
