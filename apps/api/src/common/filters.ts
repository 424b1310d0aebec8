import { z } from 'zod';

/**
 * One value or a list of values in a list filter (react-admin's getMany sends
 * `filter={"id":[…]}`); `max` bounds the list, and so the `IN (…)` it becomes.
 */
export function oneOrMany<T extends z.ZodType>(item: T, max = 500) {
  return z.union([item, z.array(item).max(max)]);
}

/** One uuid or up to 500: the `id` filter of the list endpoints. */
export const idsFilter = oneOrMany(z.uuid());

/** Escapes the LIKE wildcards of user input, for `ILIKE '%…%'` searches. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
