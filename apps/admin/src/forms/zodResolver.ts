import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/** A translatable message as react-admin's inputs display it. */
export interface RaMessage {
  message: string;
  args: Record<string, unknown>;
}

type Issue = z.core.$ZodIssue;

/**
 * The domain's schemas speak English to API clients; the form speaks the user's
 * language: each issue becomes a react-admin translation key by its kind. Refinements
 * spanning several fields say which key explains them (`refinements`).
 */
export function issueMessage(issue: Issue, refinements: Record<string, string> = {}): RaMessage {
  const path = issue.path.join('.');
  if (issue.code === 'custom') return { message: refinements[path] ?? 'app.validation.invalid', args: {} };
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return { message: 'ra.validation.required', args: {} };
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1)
    return { message: 'ra.validation.required', args: {} };
  if (issue.code === 'too_small' && issue.origin === 'string')
    return { message: 'ra.validation.minLength', args: { min: Number(issue.minimum) } };
  if (issue.code === 'too_small' && issue.origin === 'array')
    return { message: 'ra.validation.required', args: {} };
  if (issue.code === 'too_small')
    return { message: 'ra.validation.minValue', args: { min: Number(issue.minimum) } };
  if (issue.code === 'too_big' && issue.origin === 'string')
    return { message: 'ra.validation.maxLength', args: { max: Number(issue.maximum) } };
  if (issue.code === 'too_big')
    return { message: 'ra.validation.maxValue', args: { max: Number(issue.maximum) } };
  if (issue.code === 'invalid_value') return { message: 'app.validation.choose', args: {} };
  if (issue.code === 'invalid_format') return { message: 'app.validation.date', args: {} };
  return { message: 'app.validation.invalid', args: {} };
}

// react-admin's inputs read this prefix as "a message with arguments, to translate".
const RA_ERROR_PREFIX = '@@react-admin@@';
export const asRaError = (message: RaMessage): string => `${RA_ERROR_PREFIX}${JSON.stringify(message)}`;

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: Record<string, unknown> = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] ??= value; // keep the first error of a field
      return;
    }
    const nextIsIndex = typeof path[index + 1] === 'number';
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
}

export interface ZodResolverOptions<T> {
  /** The request body built from the form values (checked by the schema as the API will). */
  toBody?: (values: T) => unknown;
  /** Refinement messages by the path zod reports them at. */
  refinements?: Record<string, string>;
  /** Where to show an error whose path is not an input ("usersVoice" → "usersVoice.noneReason"). */
  aliases?: Record<string, string>;
}

/**
 * A react-hook-form resolver over a zod schema of @capacites/domain: the form is
 * checked with the very rules the API applies, before anything is sent.
 */
export function zodResolver<T extends FieldValues>(
  schema: z.ZodType,
  { toBody = (values) => values, refinements = {}, aliases = {} }: ZodResolverOptions<T> = {},
): Resolver<T> {
  return async (values) => {
    const result = schema.safeParse(toBody(values));
    if (result.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const alias = aliases[path.join('.')];
      const target = alias ? alias.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : path;
      if (target.length === 0) continue;
      setAt(errors, target, { type: issue.code, message: asRaError(issueMessage(issue, refinements)) });
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}
