import type { z } from 'zod';

/** One bad field of an input, named by its path ("criteria.0.target"). */
export interface FieldError {
  field: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates unknown input against a schema and names every bad field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldError[] = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...issue.path, key].join('.'),
        message: `unknown field "${[...issue.path, key].join('.')}"`,
      }));
    }
    return [{ field: issue.path.join('.') || '(body)', message: issue.message }];
  });
  return { ok: false, errors };
}
