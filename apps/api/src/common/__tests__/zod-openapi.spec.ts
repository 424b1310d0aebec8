import { Body, Controller, Get, Post, Query, type INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { z } from 'zod';
import { ApiList } from '../api-list.decorator';
import { buildOpenApiDocument } from '../openapi';
import { createZodDto } from '../zod-dto';
import { applyZodSchemas } from '../zod-openapi';

interface Step {
  name: string;
  steps: Step[];
}
const stepSchema: z.ZodType<Step> = z.object({
  name: z.string(),
  get steps() {
    return z.array(stepSchema);
  },
});
const criterionSchema = z
  .object({ id: z.string().min(1), target: z.string().default('') })
  .strict()
  .meta({ id: 'Criterion' });

class PlanDto extends createZodDto(
  z
    .object({
      title: z.string().min(3),
      kind: z.enum(['a', 'b']).default('a'),
      criteria: z.array(criterionSchema).max(5),
      main: criterionSchema.optional(),
      plan: stepSchema.optional(),
    })
    .strict(),
) {}
class SearchDto extends createZodDto(
  z.object({ organizationId: z.uuid(), q: z.string().optional() }).strict(),
) {}

const listFilter = z.object({ state: z.enum(['draft', 'running']).optional() }).strict();

@Controller('plans')
class PlansController {
  @Post()
  create(@Body() body: PlanDto): PlanDto {
    return body;
  }

  @Get('search')
  search(@Query() query: SearchDto): SearchDto {
    return query;
  }

  @Get()
  @ApiList({ resource: 'plans', filter: listFilter, sortable: { title: 't.title' } })
  list(): string[] {
    return [];
  }
}

/** A controller whose body DTO class is named Twin, like the other one's. */
function twinController(path: string, schema: z.ZodType<Record<string, unknown>>) {
  class Twin extends createZodDto(schema) {}
  @Controller(path)
  class TwinController {
    @Post()
    create(@Body() body: Twin): unknown {
      return body;
    }
  }
  return TwinController;
}

describe('OpenAPI document from zod DTOs', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [PlansController] }).compile();
    app = module.createNestApplication({ logger: false });
    await app.init();
    document = buildOpenApiDocument(app, { sessionCookie: 'sid' });
  });

  afterAll(async () => {
    await app?.close();
  });

  const schemas = () => document.components?.schemas as Record<string, Record<string, unknown>>;

  it('describes a body DTO with its whole zod schema: required fields, strictness, nested objects', () => {
    expect(document.paths['/plans'].post?.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PlanDto' } } },
    });
    const plan = schemas().PlanDto;
    expect(plan).toMatchObject({
      type: 'object',
      required: ['title', 'criteria'],
      additionalProperties: false,
    });
    expect(plan.properties).toMatchObject({
      title: { type: 'string', minLength: 3 },
      kind: { type: 'string', enum: ['a', 'b'], default: 'a' },
      criteria: { type: 'array', maxItems: 5, items: { $ref: '#/components/schemas/Criterion' } },
    });
  });

  it('turns shared and recursive sub-schemas into components of their own', () => {
    expect(schemas().Criterion).toMatchObject({ required: ['id'], additionalProperties: false });
    // OpenAPI 3.0 ignores siblings of $ref: zod wraps a reference in allOf.
    const plan = schemas().PlanDto.properties as Record<string, { allOf: { $ref: string }[] }>;
    expect(plan.main.allOf).toEqual([{ $ref: '#/components/schemas/Criterion' }]);
    const stepRef = plan.plan.allOf[0].$ref;
    expect(stepRef).toMatch(/^#\/components\/schemas\/PlanDto__schema\d+$/);
    const step = schemas()[stepRef.split('/').pop() as string];
    expect(step).toMatchObject({ properties: { steps: { items: { $ref: stepRef } } } });
    expect(JSON.stringify(document)).not.toMatch(/#\/(definitions|\$defs)\//);
  });

  it('lists a query DTO parameter by parameter', () => {
    const parameters = document.paths['/plans/search'].get?.parameters as {
      name: string;
      in: string;
      required: boolean;
    }[];
    expect(
      parameters.filter((p) => p.in === 'query').map(({ name, required }) => ({ name, required })),
    ).toEqual([
      { name: 'organizationId', required: true },
      { name: 'q', required: false },
    ]);
  });

  it('documents a list endpoint: JSON filter, range and sort, and Content-Range', () => {
    const list = document.paths['/plans'].get;
    const parameters = list?.parameters as { name: string; content?: Record<string, { schema: unknown }> }[];
    expect(parameters.find((p) => p.name === 'filter')?.content?.['application/json'].schema).toMatchObject({
      properties: { state: { enum: ['draft', 'running'] } },
      additionalProperties: false,
    });
    // The [field, order] pairs themselves: ["DESC", "DESC"] is not a valid sort.
    expect(parameters.find((p) => p.name === 'sort')?.content?.['application/json'].schema).toMatchObject({
      items: { type: 'string' },
      enum: [
        ['title', 'ASC'],
        ['title', 'DESC'],
      ],
    });
    expect(parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['filter', 'range', 'sort']));
    expect(list?.responses['200']).toMatchObject({
      headers: { 'Content-Range': { schema: { type: 'string' } } },
    });
  });

  it('refuses two different DTO classes of the same name rather than documenting one for the other', async () => {
    const module = await Test.createTestingModule({
      controllers: [
        twinController('a', z.object({ a: z.string() }).strict()),
        twinController('b', z.object({ b: z.number() }).strict()),
      ],
    }).compile();
    const twins = module.createNestApplication({ logger: false });
    await twins.init();
    try {
      const raw = SwaggerModule.createDocument(twins, {
        openapi: '3.0.0',
        info: { title: 't', version: '1' },
      });
      expect(() => applyZodSchemas(raw)).toThrow(/two different DTO classes are named Twin/);
    } finally {
      await twins.close();
    }
  });
});
