import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import {
  experimentListFilterSchema,
  SORTABLE_EXPERIMENT_FIELDS,
} from '../experiments/dto/experiment-list.filter';
import { DECISIONS, decisionFilter, EVALUATIONS, evaluationFilter } from '../records/records.queries';
import { ApiExport } from './api-export.decorator';
import { ExportsService } from './exports.service';

/** Spreadsheet exports of the lists, with their filters and the reader's scope. */
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('experiments')
  @ApiExport({
    list: '/experiments',
    filter: experimentListFilterSchema,
    sortable: SORTABLE_EXPERIMENT_FIELDS,
    defaultSort: { field: 'createdAt', order: 'DESC' },
  })
  experiments(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.experiments(query, user, response);
  }

  @Get('evaluations')
  @ApiExport({
    list: '/evaluations',
    filter: evaluationFilter,
    sortable: Object.keys(EVALUATIONS.sortable),
    defaultSort: { field: 'submittedAt', order: 'DESC' },
  })
  evaluations(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.evaluations(query, user, response);
  }

  @Get('decisions')
  @ApiExport({
    list: '/decisions',
    filter: decisionFilter,
    sortable: Object.keys(DECISIONS.sortable),
    defaultSort: { field: 'decidedAt', order: 'DESC' },
  })
  decisions(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.decisions(query, user, response);
  }
}
