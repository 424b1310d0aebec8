import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES } from '@capacites/domain';
import { toOpenApiSchema } from '../common/zod-openapi';

/**
 * Documents an export endpoint: `format`, and the `filter` and `sort` of the list it
 * exports (same JSON parameters, no `range`: every row), answered as CSV or XLSX.
 */
export function ApiExport(options: {
  list: string;
  filter: z.ZodType;
  sortable: readonly string[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
}): MethodDecorator {
  const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
  const file = { type: 'string', format: 'binary' };
  return applyDecorators(
    ApiQuery({
      name: 'format',
      required: false,
      description: 'csv (UTF-8 with BOM, `;` separated) or xlsx; default csv.',
      schema: { type: 'string', enum: [...EXPORT_FORMATS], default: 'csv' },
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `JSON object, the filters of \`GET ${options.list}\`; an unknown key is refused (400).`,
      content: json(toOpenApiSchema(options.filter)),
    }),
    ApiQuery({
      name: 'sort',
      required: false,
      description: `JSON ["field", "ASC" | "DESC"]; sortable: ${options.sortable.join(', ')}; default ["${options.defaultSort.field}","${options.defaultSort.order}"].`,
      content: json({
        type: 'array',
        items: { type: 'string' },
        minItems: 2,
        maxItems: 2,
        // The [field, order] pairs themselves, as for the lists (api-list.decorator.ts): an
        // enum of the items alone would call ["ASC", "ASC"] valid, which the API refuses.
        enum: options.sortable.flatMap((field) => [
          [field, 'ASC'],
          [field, 'DESC'],
        ]),
      }),
    }),
    ApiProduces(EXPORT_MEDIA_TYPES.csv, EXPORT_MEDIA_TYPES.xlsx),
    ApiOkResponse({
      description: 'Every row the reader may see, with French headers, streamed as an attachment.',
      content: {
        [EXPORT_MEDIA_TYPES.csv]: { schema: file },
        [EXPORT_MEDIA_TYPES.xlsx]: { schema: file },
      },
      headers: {
        'Content-Disposition': {
          description: 'attachment; filename="capacites-<resource>-<date>.<format>"',
          schema: { type: 'string' },
        },
      },
    }),
  );
}
