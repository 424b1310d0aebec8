import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import type { z } from 'zod';
import { MAX_PAGE_SIZE } from './list-query';
import { toOpenApiSchema } from './zod-openapi';

export interface ApiListOptions {
  /** The resource named in Content-Range (`experiments 0-24/319`). */
  resource: string;
  /** The zod schema of `filter`, the one given to parseListQuery / listQuery. */
  filter?: z.ZodType;
  /** The sortable fields (an array, or the keys of a field → column map). */
  sortable?: readonly string[] | Readonly<Record<string, string>>;
  defaultSort?: { field: string; order: 'ASC' | 'DESC' };
}

/**
 * Documents a react-admin list endpoint (simple REST conventions): the Content-Range
 * header and, when it reads them (`filter` given), the JSON `filter`, `range` and `sort`
 * query parameters.
 *
 *   @Get()
 *   @ApiList({ resource: 'tracks', filter: filterSchema, sortable: TRACK_SORT })
 */
export function ApiList(options: ApiListOptions): MethodDecorator {
  const contentRange = ApiOkResponse({
    description: 'One page of rows.',
    schema: { type: 'array', items: { type: 'object' } },
    headers: {
      'Content-Range': {
        description: 'The rows of this page and the total: `<resource> <start>-<end>/<total>`.',
        schema: { type: 'string', example: `${options.resource} 0-24/319` },
      },
    },
  });
  if (!options.filter) return applyDecorators(contentRange);
  const sortable = Array.isArray(options.sortable)
    ? [...(options.sortable as readonly string[])]
    : Object.keys(options.sortable ?? {});
  const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
  const defaultSort = options.defaultSort
    ? `; default ["${options.defaultSort.field}","${options.defaultSort.order}"]`
    : '';
  return applyDecorators(
    ApiQuery({
      name: 'filter',
      required: false,
      description: 'JSON object; an unknown key is refused (400).',
      content: json(toOpenApiSchema(options.filter)),
    }),
    ApiQuery({
      name: 'range',
      required: false,
      description: `JSON [start, end], both included; default [0,24]; a longer range is served its first ${MAX_PAGE_SIZE} rows, an end before the start an empty page.`,
      content: json({
        type: 'array',
        // An end before the start is an empty page (200).
        items: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        minItems: 2,
        maxItems: 2,
        example: [0, 24],
      }),
    }),
    ApiQuery({
      name: 'sort',
      required: false,
      description: `JSON ["field", "ASC" | "DESC"]; sortable: ${sortable.join(', ')}${defaultSort}.`,
      // Every [field, order] pair, as the pairs themselves: a schema of the items alone
      // would call ["DESC", "DESC"] valid, which the API refuses.
      content: json({
        type: 'array',
        items: { type: 'string' },
        minItems: 2,
        maxItems: 2,
        enum: sortable.flatMap((field) => [
          [field, 'ASC'],
          [field, 'DESC'],
        ]),
        example: [options.defaultSort?.field ?? sortable[0], options.defaultSort?.order ?? 'ASC'],
      }),
    }),
    contentRange,
  );
}
