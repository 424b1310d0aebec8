import type { Response } from 'express';
import type { z } from 'zod';
import { contentRange, parseListQuery, type ListQuery } from './list-query';

/** Parses a list request by the simple REST conventions (400 naming every bad parameter). */
export function listQuery<F extends z.ZodType>(
  query: Record<string, unknown>,
  filterSchema: F,
  sortable: Record<string, string>,
  defaultSort: { field: string; order: 'ASC' | 'DESC' },
): ListQuery<z.infer<F>> {
  return parseListQuery(query, filterSchema, Object.keys(sortable), defaultSort);
}

/** Sets Content-Range for one page and returns its rows. */
export function page<T>(
  response: Response,
  resource: string,
  query: ListQuery<unknown>,
  result: { data: T[]; total: number },
): T[] {
  response.setHeader('Content-Range', contentRange(resource, query.offset, result.data.length, result.total));
  return result.data;
}

/** One id or a list of ids (react-admin's getMany sends `filter={"id":[…]}`). */
export const asArray = <T>(value: T | T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : ([] as T[]).concat(value);
