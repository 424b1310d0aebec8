import { z } from 'zod';
import type { OpenAPIObject } from '@nestjs/swagger';

/** A class that carries a zod schema, so that the global pipe can validate a body typed by it. */
export interface ZodDtoClass<T = unknown> {
  new (): T;
  schema: z.ZodType<T>;
}

/** An OpenAPI 3.0 schema object, as zod writes it (plain JSON). */
export type OpenApiSchema = Record<string, unknown>;

/** Any text without the NUL character. */
export const NO_NUL = '^[^\\u0000]*$';

/**
 * What String.prototype.trim removes (ECMAScript white space and line terminators), spelt out
 * as a class body: `\\s` differs between JavaScript and the fuzzer's Python.
 */
const BLANK = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** At least `min` characters once trimmed, none of them NUL. */
export function nonBlankPattern(min: number): string {
  const edge = `[^${BLANK}\\u0000]`;
  return min === 1
    ? `^[^\\u0000]*${edge}[^\\u0000]*$`
    : `^[${BLANK}]*${edge}[^\\u0000]{${min - 2},}${edge}[${BLANK}]*$`;
}

/** Whether a zod string schema trims its value (a `.trim()` overwrite) before its checks. */
function trims(schema: unknown): boolean {
  const checks = (schema as { _zod?: { def?: { checks?: unknown[] } } })._zod?.def?.checks ?? [];
  return checks.some((check) => {
    const def = (check as { _zod?: { def?: { check?: string; tx?: (v: string) => unknown } } })._zod?.def;
    return def?.check === 'overwrite' && typeof def.tx === 'function' && def.tx(' a ') === 'a';
  });
}

/** A request's JSON schema: what a client may send (defaults make fields optional). */
export function toOpenApiSchema(schema: z.ZodType): OpenApiSchema {
  // Never fail the whole document over one field that JSON cannot describe.
  return z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // The API refuses the NUL character in any text (PostgreSQL cannot store it; see
      // nulCharacterErrors): a free text says so (a format, an enum or a pattern already narrows).
      const s = jsonSchema as Record<string, unknown>;
      if (s.type === 'string' && !s.format && !s.enum && s.const === undefined && !s.pattern && !s.allOf) {
        // A text trimmed before its minimum length is checked: blanks do not count, and the
        // document says so (a text of spaces only is not "a reason").
        const min = typeof s.minLength === 'number' ? s.minLength : 0;
        s.pattern = min > 0 && trims(zodSchema) ? nonBlankPattern(min) : NO_NUL;
      }
    },
  }) as OpenApiSchema;
}

/**
 * The zod DTO classes met by @nestjs/swagger while it built a document, by class name (the
 * name of their component). Filled by the classes' metadata factory (see createZodDto).
 */
const documentedDtos = new Map<string, Set<ZodDtoClass>>();

export function noteDocumentedDto(dto: ZodDtoClass): void {
  const classes = documentedDtos.get(dto.name) ?? new Set<ZodDtoClass>();
  classes.add(dto);
  documentedDtos.set(dto.name, classes);
}

/**
 * Property metadata in the shape of @nestjs/swagger's CLI plugin, one entry per top-level
 * field, so that a DTO used with @Query() is listed parameter by parameter.
 */
export function openApiPropertiesOf(schema: z.ZodType): Record<string, Record<string, unknown>> {
  const json = toOpenApiSchema(schema);
  const properties = json.properties as Record<string, OpenApiSchema> | undefined;
  if (json.type !== 'object' || !properties) return {};
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [
      name,
      { ...pluginPropertyOf(property), required: required.has(name) },
    ]),
  );
}

/**
 * @nestjs/swagger resolves a property without a string `type` as a class, and fails. A
 * union keeps its schema under a placeholder type (dropped again by swagger when it sees
 * the combinator); a reference to a shared sub-schema, which only exists once a body is
 * replaced by its full schema, is reduced to a plain object.
 */
function pluginPropertyOf(property: OpenApiSchema): OpenApiSchema {
  if (JSON.stringify(property).includes('"$ref"'))
    return { type: 'object', ...(property.description ? { description: property.description } : {}) };
  if (typeof property.type === 'string') return property;
  if (['anyOf', 'oneOf', 'allOf'].some((combinator) => combinator in property))
    return { type: 'string', ...property };
  return { type: 'object', ...property };
}

const LOCAL_REF = /^#\/(?:definitions|\$defs)\/(.+)$/;

function rewriteRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      const local = key === '$ref' && typeof child === 'string' ? LOCAL_REF.exec(child) : null;
      if (local) return [key, `#/components/schemas/${names.get(local[1]) ?? local[1]}`];
      return [key, rewriteRefs(child, names)];
    }),
  );
}

/**
 * Replaces the component of every zod DTO class in the document by the JSON schema of its
 * zod schema (@nestjs/swagger only knows its top-level fields). Shared sub-schemas (a zod
 * `.meta({ id })`, a recursive type) become components of their own.
 */
export function applyZodSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = schemas;
  for (const name of Object.keys(schemas)) {
    const classes = documentedDtos.get(name);
    if (!classes) continue;
    const distinct = new Set([...classes].map((dto) => dto.schema));
    if (distinct.size > 1)
      throw new Error(`OpenAPI: two different DTO classes are named ${name}; rename one of them.`);
    const [dto] = classes;
    const { definitions, $defs, ...schema } = toOpenApiSchema(dto.schema);
    delete schema.$schema;
    const shared = { ...(definitions as object | undefined), ...($defs as object | undefined) } as Record<
      string,
      OpenApiSchema
    >;
    // zod names anonymous shared schemas __schema0…: prefixed by the DTO's name to stay unique.
    const names = new Map(
      Object.keys(shared).map((key) => [key, key.startsWith('__') ? `${name}${key}` : key]),
    );
    schemas[name] = rewriteRefs(schema, names) as OpenApiSchema;
    for (const [key, definition] of Object.entries(shared)) {
      const target = names.get(key) as string;
      const rewritten = rewriteRefs(definition, names) as OpenApiSchema;
      if (schemas[target] && JSON.stringify(schemas[target]) !== JSON.stringify(rewritten))
        throw new Error(`OpenAPI: two different schemas have the id ${target}.`);
      schemas[target] = rewritten;
    }
  }
  // The API reads an absent body as {} (ZodValidationPipe): where {} is valid, the body is
  // optional, and the document says so.
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, unknown>)) {
      const body = (operation as { requestBody?: { required?: boolean; content?: unknown } } | null)
        ?.requestBody;
      const ref = (body?.content as Record<string, { schema?: { $ref?: string } }> | undefined)?.[
        'application/json'
      ]?.schema?.$ref;
      const dtos = ref ? documentedDtos.get(ref.replace('#/components/schemas/', '')) : undefined;
      const [dto] = dtos ?? [];
      if (body && dto && dto.schema.safeParse({}).success) body.required = false;
    }
  }
  return document;
}
