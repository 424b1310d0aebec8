import { ModulesContainer } from '@nestjs/core';
import { PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';
import request from 'supertest';
import { z } from 'zod';
import { isZodDtoClass, type ZodDtoClass } from '../../src/common/zod-dto';
import { insertAdmin, insertTeam } from '../support/fixtures';
import { login } from '../support/http';
import { lintOpenApi30 } from '../support/openapi-lint';
import { startStack, type TestStack } from '../support/stack';

type Json = Record<string, unknown>;

interface DtoUse {
  operationId: string;
  kind: 'body' | 'query';
  dto: ZodDtoClass;
}

/** The zod DTOs of every route's @Body() and @Query(), read from Nest's own metadata. */
function zodDtosOfRoutes(stack: TestStack): DtoUse[] {
  const uses: DtoUse[] = [];
  for (const module of stack.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: object } | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
          string,
          { index: number }
        >;
        const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype, method) ??
          []) as unknown[];
        for (const [key, { index }] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          const type = types[index];
          if (!isZodDtoClass(type)) continue;
          if (kind === RouteParamtypes.BODY || kind === RouteParamtypes.QUERY)
            uses.push({
              operationId: `${controller.name}_${method}`,
              kind: kind === RouteParamtypes.BODY ? 'body' : 'query',
              dto: type,
            });
        }
      }
    }
  }
  return uses;
}

/** A z.object's fields and which ones a client must send, straight from zod. */
function objectFieldsOf(schema: z.ZodType): { fields: string[]; required: string[]; strict: boolean } | null {
  if (schema instanceof z.ZodPipe) return objectFieldsOf(schema.in as z.ZodType);
  if (!(schema instanceof z.ZodObject)) return null;
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = Object.keys(shape);
  return {
    fields,
    required: fields.filter((field) => !shape[field].safeParse(undefined).success),
    strict:
      schema
        .safeParse({ __unknown_field__: true })
        .error?.issues.some((i) => i.code === 'unrecognized_keys') ?? false,
  };
}

describe('The OpenAPI document, generated from the code', () => {
  let stack: TestStack;
  let document: OpenAPIObject;
  let operations: Map<string, { path: string; method: string; operation: OperationObject }>;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    document = (await request(stack.app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body;
    operations = new Map();
    for (const [path, item] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(item as Record<string, OperationObject>))
        if (operation.operationId) operations.set(operation.operationId, { path, method, operation });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const components = () => document.components?.schemas as Record<string, Json>;

  it('is a well-formed OpenAPI 3.0 document', () => {
    expect(lintOpenApi30(document as unknown as Json)).toEqual([]);
    // The checks can fail: a broken copy is caught.
    const broken = JSON.parse(JSON.stringify(document)) as Json & { components: { schemas: Json } };
    broken.components.schemas.Broken = {
      type: ['string', 'null'],
      properties: { a: { $ref: '#/components/schemas/Nope' } },
    };
    expect(lintOpenApi30(broken)).toEqual([
      expect.stringContaining('unresolved $ref #/components/schemas/Nope'),
      expect.stringContaining('components.schemas.Broken: type must be one of'),
    ]);
  });

  it('describes the body of every route with the whole zod schema of its DTO: fields, required ones, strictness', () => {
    const bodies = zodDtosOfRoutes(stack).filter((use) => use.kind === 'body');
    expect(bodies.length).toBeGreaterThan(15);
    for (const { operationId, dto } of bodies) {
      const found = operations.get(operationId);
      expect([operationId, Boolean(found)]).toEqual([operationId, true]);
      const body = found?.operation.requestBody as {
        content: Record<string, { schema: { $ref?: string; properties?: Json; additionalProperties?: boolean } }>;
      };
      const expected = objectFieldsOf(dto.schema);
      const multipart = body.content['multipart/form-data'];
      if (multipart) {
        // An upload (the import's spreadsheet): the form's document names the DTO's fields
        // beside the file, and refuses others, as the DTO does.
        expect([operationId, multipart.schema.additionalProperties]).toEqual([operationId, false]);
        expect([operationId, Object.keys(multipart.schema.properties ?? {})]).toEqual([
          operationId,
          expect.arrayContaining([...(expected?.fields ?? [])]),
        ]);
        continue;
      }
      expect([operationId, body.content['application/json'].schema.$ref]).toEqual([
        operationId,
        `#/components/schemas/${dto.name}`,
      ]);
      // A body DTO is a z.object (the validation pipe names each bad field of it).
      expect([dto.name, expected !== null]).toEqual([dto.name, true]);
      if (!expected) continue;
      const schema = components()[dto.name];
      expect({ dto: dto.name, ...schema }).toMatchObject({
        dto: dto.name,
        type: 'object',
        additionalProperties: false,
      });
      expect(expected.strict).toBe(true);
      expect([dto.name, Object.keys(schema.properties as Json).sort()]).toEqual([
        dto.name,
        [...expected.fields].sort(),
      ]);
      expect([dto.name, [...((schema.required as string[]) ?? [])].sort()]).toEqual([
        dto.name,
        [...expected.required].sort(),
      ]);
    }
  });

  it('lists the fields of a query DTO as query parameters', () => {
    const queries = zodDtosOfRoutes(stack).filter((use) => use.kind === 'query');
    expect(queries.map((use) => use.operationId)).toContain('DashboardController_get');
    for (const { operationId, dto } of queries) {
      const parameters = (operations.get(operationId)?.operation.parameters ?? []) as ParameterObject[];
      const expected = objectFieldsOf(dto.schema);
      expect([
        operationId,
        parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.required]),
      ]).toEqual([operationId, expected?.fields.map((field) => [field, expected.required.includes(field)])]);
    }
  });

  it('documents Content-Range on every list endpoint, and filter, range and sort (JSON) where they are read', async () => {
    const team = await insertTeam(stack.db);
    const admin = await login(stack.app, (await insertAdmin(stack.db, team.organization.id)).email);
    const lists: string[] = [];
    const withListQuery: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      if (!item.get || path.includes('{') || path.startsWith('/api/docs')) continue;
      const response = await admin.get(`${path}?range=${encodeURIComponent('[0,0]')}`);
      if (!response.headers['content-range']) continue;
      lists.push(path);
      const ok = item.get.responses['200'] as { headers?: Json };
      expect([path, Object.keys(ok.headers ?? {})]).toEqual([
        path,
        expect.arrayContaining(['Content-Range']),
      ]);
      // An endpoint that parses the list conventions refuses an unknown filter, naming it.
      const probe = await admin.get(`${path}?filter=${encodeURIComponent('{"__probe__":1}')}`);
      const fields = ((probe.body as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);
      if (!fields.includes('filter.__probe__')) continue;
      withListQuery.push(path);
      const parameters = (item.get.parameters ?? []) as ParameterObject[];
      for (const name of ['filter', 'range', 'sort']) {
        const parameter = parameters.find((p) => p.in === 'query' && p.name === name);
        expect([path, name, parameter?.content?.['application/json']?.schema !== undefined]).toEqual([
          path,
          name,
          true,
        ]);
      }
    }
    expect(withListQuery).toEqual(
      expect.arrayContaining(['/api/experiments', '/api/organizations', '/api/users', '/api/tracks']),
    );
    expect(lists).toContain('/api/me/tasks');
  });

  it('documents the three exports: format, the list’s filter and sort, CSV and XLSX answers', () => {
    for (const resource of ['experiments', 'evaluations', 'decisions']) {
      const operation = document.paths[`/api/exports/${resource}`]?.get as OperationObject | undefined;
      expect([resource, operation !== undefined]).toEqual([resource, true]);
      const parameters = (operation?.parameters ?? []) as ParameterObject[];
      const format = parameters.find((p) => p.in === 'query' && p.name === 'format');
      expect(format?.schema).toMatchObject({ type: 'string', enum: ['csv', 'xlsx'] });
      for (const name of ['filter', 'sort'])
        expect([
          resource,
          name,
          parameters.find((p) => p.name === name)?.content?.['application/json'],
        ]).toEqual([resource, name, expect.objectContaining({ schema: expect.any(Object) })]);
      const ok = operation?.responses['200'] as { content?: Record<string, unknown> };
      expect(Object.keys(ok.content ?? {}).sort()).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/csv; charset=utf-8',
      ]);
    }
    // The filter documented is the list's own.
    const listFilter = (document.paths['/api/evaluations'].get?.parameters as ParameterObject[]).find(
      (p) => p.name === 'filter',
    );
    const exportFilter = (
      document.paths['/api/exports/evaluations'].get?.parameters as ParameterObject[]
    ).find((p) => p.name === 'filter');
    expect(exportFilter?.content).toEqual(listFilter?.content);
  });

  it('asks for the session cookie or a bearer token, except on public routes', () => {
    expect(document.components?.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'capacites_session' },
      bearer: { type: 'http', scheme: 'bearer' },
    });
    expect(document.security).toEqual([{ session: [] }, { bearer: [] }]);
    const open = [...operations.values()].filter(({ operation }) => operation.security !== undefined);
    expect(open.map(({ method, path }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining(['post /api/auth/login', 'post /api/auth/token', 'get /api/health']),
    );
    for (const { operation } of open) expect(operation.security).toEqual([]);
    expect(operations.get('ExperimentsController_list')?.operation.security).toBeUndefined();
  });

  it('documents the answers a route really gives: logout 204, or 200 with the provider logout URL (no 201)', async () => {
    const logout = document.paths['/api/auth/logout'].post as OperationObject;
    expect(Object.keys(logout.responses).sort()).toEqual(['200', '204', '4XX', '5XX']);
    const team = await insertTeam(stack.db);
    const client = await login(stack.app, team.emails.hr);
    await client.post('/api/auth/logout').send({}).expect(204);
  });

  it('constrains the X-Request-Id header no more than the API does: any value is taken, one not sane replaced', async () => {
    for (const { operation } of operations.values()) {
      const header = (operation.parameters ?? []).find(
        (p) => 'name' in p && p.name === 'X-Request-Id',
      ) as ParameterObject;
      expect(header.schema).toEqual({ type: 'string' });
    }
    const response = await request(stack.app.getHttpServer())
      .get('/api/health')
      .set('X-Request-Id', '')
      .expect(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives every operation the one error shape, with the request id', () => {
    expect(components().ErrorResponse).toMatchObject({
      required: ['statusCode', 'code', 'message'],
      properties: { requestId: { type: 'string' }, fields: { type: 'array' } },
    });
    for (const { operation } of operations.values()) {
      for (const status of ['4XX', '5XX'])
        expect(operation.responses[status]).toMatchObject({
          headers: { 'X-Request-Id': {} },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        });
      expect(operation.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'X-Request-Id', in: 'header', required: false }),
        ]),
      );
    }
  });
});
