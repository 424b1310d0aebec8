import { z } from 'zod';
import { nulCharacterErrors, type FieldError } from '@capacites/domain';
import { ValidationException } from './app.exception';

/**
 * The list conventions of react-admin's simple REST data provider:
 * ?filter={json}&range=[start,end]&sort=["field","ASC"].
 */
export interface ListQuery<F> {
  filter: F;
  offset: number;
  limit: number;
  sort: { field: string; order: 'ASC' | 'DESC' };
}

export const MAX_PAGE_SIZE = 500;

// A range longer than a page is cut to MAX_PAGE_SIZE rows (Content-Range says which); an
// end before the start is an empty page (200, `Content-Range: <resource> */<total>`), not
// an error: the OpenAPI document cannot say "end >= start", and an empty range is a valid
// question with a valid answer.
const rangeSchema = z.tuple([
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
]);

/**
 * The offset of an empty page: past any table, so that every caller's query (TypeORM ignores
 * a limit of 0) returns no row while its count is still the total.
 */
export const EMPTY_PAGE_OFFSET = Number.MAX_SAFE_INTEGER;
const sortSchema = z.tuple([z.string(), z.enum(['ASC', 'DESC'])]);

function parseJson(name: string, raw: string | undefined, errors: FieldError[]): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    errors.push({ field: name, message: `${name} must be JSON` });
    return undefined;
  }
}

export function parseListQuery<F extends z.ZodType>(
  query: Record<string, unknown>,
  filterSchema: F,
  sortableFields: readonly string[],
  defaultSort: { field: string; order: 'ASC' | 'DESC' },
): ListQuery<z.infer<F>> {
  const errors: FieldError[] = [];
  const asString = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const filterRaw = parseJson('filter', asString(query.filter), errors) ?? {};
  const rangeRaw = parseJson('range', asString(query.range), errors) ?? [0, 24];
  const sortRaw = parseJson('sort', asString(query.sort), errors) ?? [defaultSort.field, defaultSort.order];

  const nul = nulCharacterErrors(filterRaw, ['filter']);
  if (nul.length > 0) throw new ValidationException(nul);
  const filter = filterSchema.safeParse(filterRaw);
  if (!filter.success) {
    for (const issue of filter.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.')];
      for (const key of keys) {
        errors.push({
          field: `filter.${key}`,
          message: issue.code === 'unrecognized_keys' ? `unknown filter "${key}"` : issue.message,
        });
      }
    }
  }
  const range = rangeSchema.safeParse(rangeRaw);
  if (!range.success)
    errors.push({ field: 'range', message: range.error.issues[0]?.message ?? 'invalid range' });
  const sort = sortSchema.safeParse(sortRaw);
  if (!sort.success) errors.push({ field: 'sort', message: 'sort must be ["field","ASC"|"DESC"]' });
  else if (!sortableFields.includes(sort.data[0])) {
    errors.push({
      field: 'sort',
      message: `cannot sort by "${sort.data[0]}"; sortable: ${sortableFields.join(', ')}`,
    });
  }
  if (errors.length > 0 || !filter.success || !range.success || !sort.success)
    throw new ValidationException(errors);
  const [start, end] = range.data;
  const empty = end < start;
  return {
    filter: filter.data,
    offset: empty ? EMPTY_PAGE_OFFSET : start,
    // A longer range is served its first MAX_PAGE_SIZE rows; Content-Range says which.
    limit: empty ? 1 : Math.min(end - start + 1, MAX_PAGE_SIZE),
    sort: { field: sort.data[0], order: sort.data[1] },
  };
}

/**
 * The Content-Range header value that the simple REST data provider reads (it takes the total
 * after the `/`); an empty page is `*` (RFC 9110's unsatisfied range).
 */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  if (count === 0) return `${resource} */${total}`;
  return `${resource} ${offset}-${offset + count - 1}/${total}`;
}
