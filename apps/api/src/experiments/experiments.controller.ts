import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ExperimentStatus } from '@capacites/workflows';
import { contentRange, parseListQuery } from '../common/list-query';
import { CreateExperimentDto } from './dto/create-experiment.dto';
import { experimentListFilterSchema, SORTABLE_EXPERIMENT_FIELDS } from './dto/experiment-list.filter';
import type { ExperimentResponse } from './dto/experiment.response';
import {
  CheckInDto,
  CriteriaAmendmentDto,
  DecisionDto,
  EmptyDto,
  EvaluationDto,
  ExtensionRequestDto,
  OptionalReasonDto,
  ReasonDto,
  UpdateExperimentDto,
} from './dto/lifecycle.dto';
import { ExperimentLifecycleService } from './experiment-lifecycle.service';
import { ExperimentsService } from './experiments.service';

// Authentication arrives with the API issue; until then the actor is the system (null).
const SYSTEM = { userId: null };
const Id = () => Param('id', new ParseUUIDPipe());

@Controller('experiments')
export class ExperimentsController {
  constructor(
    private readonly experiments: ExperimentsService,
    private readonly lifecycle: ExperimentLifecycleService,
  ) {}

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
  findOne(@Id() id: string): Promise<ExperimentResponse> {
    return this.experiments.findOne(id);
  }

  @Post()
  create(@Body() body: CreateExperimentDto): Promise<ExperimentResponse> {
    return this.experiments.create(body, SYSTEM.userId);
  }

  @Put(':id')
  update(@Id() id: string, @Body() body: UpdateExperimentDto): Promise<ExperimentResponse> {
    return this.lifecycle.updateFraming(id, body);
  }

  @Get(':id/status')
  status(@Id() id: string): Promise<ExperimentStatus> {
    return this.lifecycle.status(id);
  }

  @Get(':id/actions')
  async actions(@Id() id: string): Promise<ExperimentStatus['allowedActions']> {
    return (await this.lifecycle.status(id)).allowedActions;
  }

  @Post(':id/launch')
  @HttpCode(200)
  launch(@Id() id: string, @Body() _body: EmptyDto): Promise<ExperimentResponse> {
    return this.lifecycle.launch(id, SYSTEM);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Id() id: string, @Body() body: OptionalReasonDto): Promise<ExperimentResponse> {
    return this.lifecycle.cancel(id, { ...SYSTEM, reason: body.reason });
  }

  @Post(':id/check-ins')
  @HttpCode(200)
  checkIn(@Id() id: string, @Body() body: CheckInDto): Promise<ExperimentResponse> {
    return this.lifecycle.recordCheckIn(id, SYSTEM, body);
  }

  @Post(':id/extension')
  @HttpCode(200)
  requestExtension(@Id() id: string, @Body() body: ExtensionRequestDto): Promise<ExperimentResponse> {
    return this.lifecycle.requestExtension(id, SYSTEM, body);
  }

  @Post(':id/extension/approve')
  @HttpCode(200)
  approveExtension(@Id() id: string, @Body() body: OptionalReasonDto): Promise<ExperimentResponse> {
    return this.lifecycle.approveExtension(id, { ...SYSTEM, reason: body.reason });
  }

  @Post(':id/extension/refuse')
  @HttpCode(200)
  refuseExtension(@Id() id: string, @Body() body: OptionalReasonDto): Promise<ExperimentResponse> {
    return this.lifecycle.refuseExtension(id, { ...SYSTEM, reason: body.reason });
  }

  @Post(':id/stop')
  @HttpCode(200)
  stop(@Id() id: string, @Body() body: ReasonDto): Promise<ExperimentResponse> {
    return this.lifecycle.stopEarly(id, { ...SYSTEM, reason: body.reason });
  }

  @Post(':id/criteria-amendments')
  @HttpCode(200)
  amendCriteria(@Id() id: string, @Body() body: CriteriaAmendmentDto): Promise<ExperimentResponse> {
    return this.lifecycle.amendCriteria(id, SYSTEM, body);
  }

  @Post(':id/evaluation')
  @HttpCode(200)
  evaluate(@Id() id: string, @Body() body: EvaluationDto): Promise<ExperimentResponse> {
    return this.lifecycle.submitEvaluation(id, SYSTEM, body);
  }

  @Post(':id/decision')
  @HttpCode(200)
  decide(@Id() id: string, @Body() body: DecisionDto): Promise<ExperimentResponse> {
    return this.lifecycle.decide(id, SYSTEM, body);
  }
}
