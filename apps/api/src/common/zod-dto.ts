import type { z } from 'zod';

/** A class that carries a zod schema, so that the global pipe can validate a body typed by it. */
export interface ZodDtoClass<T = unknown> {
  new (): T;
  schema: z.ZodType<T>;
}

export function createZodDto<S extends z.ZodType>(schema: S): ZodDtoClass<z.infer<S>> {
  class ZodDto {
    static schema = schema;
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
