import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { contentRange, parseListQuery } from '../common/list-query';
import { CreateExperimentDto } from './dto/create-experiment.dto';
import { experimentListFilterSchema, SORTABLE_EXPERIMENT_FIELDS } from './dto/experiment-list.filter';
import type { ExperimentResponse } from './dto/experiment.response';
import { ExperimentsService } from './experiments.service';

@Controller('experiments')
export class ExperimentsController {
  constructor(private readonly experiments: ExperimentsService) {}

  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExperimentResponse[]> {
    const listQuery = parseListQuery(query, experimentListFilterSchema, SORTABLE_EXPERIMENT_FIELDS, {
      field: 'createdAt',
      order: 'DESC',
    });
    const { data, total } = await this.experiments.list(listQuery);
    response.setHeader('Content-Range', contentRange('experiments', listQuery.offset, data.length, total));
    return data;
  }

  @Get(':id')
  findOne(@Param('id', new ParseUUIDPipe()) id: string): Promise<ExperimentResponse> {
    return this.experiments.findOne(id);
  }

  @Post()
  create(@Body() body: CreateExperimentDto): Promise<ExperimentResponse> {
    // Authentication arrives with the API issue; until then the creator is unknown.
    return this.experiments.create(body, null);
  }
}
