import type { z } from 'zod';
import { noteDocumentedDto, openApiPropertiesOf, type ZodDtoClass } from './zod-openapi';

export type { ZodDtoClass };

/**
 * The base of a DTO class: `export class CreateThingDto extends createZodDto(schema) {}`.
 * The global ZodValidationPipe validates with the schema, and the OpenAPI document
 * describes the class with it (src/common/zod-openapi.ts): nothing else to declare.
 */
export function createZodDto<S extends z.ZodType>(schema: S): ZodDtoClass<z.infer<S>> {
  class ZodDto {
    static schema = schema;

    /** Called by @nestjs/swagger on each class it documents, `this` being that class. */
    static _OPENAPI_METADATA_FACTORY(this: ZodDtoClass): Record<string, Record<string, unknown>> {
      if (this !== (ZodDto as unknown)) noteDocumentedDto(this);
      return openApiPropertiesOf(schema);
    }
  }
  return ZodDto as unknown as ZodDtoClass<z.infer<S>>;
}

export function isZodDtoClass(value: unknown): value is ZodDtoClass {
  return (
    typeof value === 'function' &&
    'schema' in value &&
    typeof (value as { schema?: { safeParse?: unknown } }).schema?.safeParse === 'function'
  );
}
