import type { z } from 'zod';

/**
 * The `params` of a zod refinement that states a rule between fields, or one a JSON schema
 * cannot state: an input that breaks only such rules is well-formed (409 INPUT_RULES).
 */
export const INPUT_RULE = { rule: true } as const;

/** One bad field of an input, named by its path ("criteria.0.target"). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * `rules`: every problem is a rule between fields or beyond what a JSON schema states (a
 * refinement), on an input whose shape is right: answered 409 INPUT_RULES, not 400.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; rules?: boolean };

/**
 * The strings of an input that hold the NUL character, by path. PostgreSQL cannot store it
 * in text (and nothing legitimate sends it), so it is refused at the edge like any bad field.
 */
export function nulCharacterErrors(input: unknown, path: (string | number)[] = []): FieldError[] {
  if (typeof input === 'string') {
    return input.includes('\u0000')
      ? [{ field: path.join('.') || '(body)', message: 'must not contain the NUL character (\\u0000)' }]
      : [];
  }
  if (Array.isArray(input)) return input.flatMap((item, i) => nulCharacterErrors(item, [...path, i]));
  if (input && typeof input === 'object') {
    return Object.entries(input).flatMap(([key, value]) => nulCharacterErrors(value, [...path, key]));
  }
  return [];
}

/** Validates unknown input against a schema and names every bad field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const nul = nulCharacterErrors(input);
  if (nul.length > 0) return { ok: false, errors: nul };
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
  const rules = result.error.issues.every(
    (issue) => issue.code === 'custom' && (issue as { params?: { rule?: unknown } }).params?.rule === true,
  );
  return { ok: false, errors, rules };
}
