import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ExperimentStatus } from '@capacites/workflows';
import { ApiList } from '../common/api-list.decorator';
import { contentRange, parseListQuery } from '../common/list-query';
import { CreateExperimentDto } from './dto/create-experiment.dto';
import { experimentListFilterSchema, SORTABLE_EXPERIMENT_FIELDS } from './dto/experiment-list.filter';
import type { ExperimentResponse } from './dto/experiment.response';
import {
  CheckInDto,
  ConsentDto,
  ConsentOnBehalfDto,
  CriteriaAmendmentDto,
  DecisionDto,
  EmptyDto,
  EvaluationDto,
  ExtensionRequestDto,
  OptionalReasonDto,
  ReasonDto,
  UpdateExperimentDto,
} from './dto/lifecycle.dto';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ServiceAccountAction } from '../service-accounts/service-account-scope';
import { ConsentService } from './consent.service';
import { ExperimentLifecycleService } from './experiment-lifecycle.service';
import { ExperimentsService } from './experiments.service';

const Id = () => Param('id', new ParseUUIDPipe());

@Controller('experiments')
export class ExperimentsController {
  constructor(
    private readonly experiments: ExperimentsService,
    private readonly lifecycle: ExperimentLifecycleService,
    private readonly consents: ConsentService,
  ) {}

  @Get()
  @ApiList({
    resource: 'experiments',
    filter: experimentListFilterSchema,
    sortable: SORTABLE_EXPERIMENT_FIELDS,
    defaultSort: { field: 'createdAt', order: 'DESC' },
  })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExperimentResponse[]> {
    const listQuery = parseListQuery(query, experimentListFilterSchema, SORTABLE_EXPERIMENT_FIELDS, {
      field: 'createdAt',
      order: 'DESC',
    });
    const { data, total } = await this.experiments.list(listQuery, user);
    response.setHeader('Content-Range', contentRange('experiments', listQuery.offset, data.length, total));
    return data;
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<ExperimentResponse> {
    return this.experiments.findOne(id, user);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateExperimentDto): Promise<ExperimentResponse> {
    return this.experiments.create(body, user);
  }

  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: UpdateExperimentDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.updateFraming(id, body, user);
  }

  @Get(':id/status')
  status(@CurrentUser() user: AuthUser, @Id() id: string): Promise<ExperimentStatus> {
    return this.lifecycle.status(id, user);
  }

  @Get(':id/actions')
  actions(@CurrentUser() user: AuthUser, @Id() id: string): Promise<ExperimentStatus['allowedActions']> {
    return this.lifecycle.actionsFor(id, user);
  }

  /** The calling participant gives (true) or withdraws (false) their consent. */
  @Post(':id/consent')
  @HttpCode(200)
  consent(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: ConsentDto,
  ): Promise<ExperimentResponse> {
    return this.consents.setOwn(id, body.consent, user, body.noticeVersion);
  }

  /** HR enters a consent that a participant gave outside the application (paper, email, meeting). */
  @Post(':id/consent-records')
  @HttpCode(200)
  recordConsentOnBehalf(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: ConsentOnBehalfDto,
  ): Promise<ExperimentResponse> {
    return this.consents.recordOnBehalf(id, body, user);
  }

  @Post(':id/launch')
  @ServiceAccountAction()
  @HttpCode(200)
  launch(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() _body: EmptyDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.launch(id, user);
  }

  @Post(':id/cancel')
  @ServiceAccountAction()
  @HttpCode(200)
  cancel(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.cancel(id, user, body.reason);
  }

  @Post(':id/check-ins')
  @HttpCode(200)
  checkIn(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: CheckInDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.recordCheckIn(id, user, body);
  }

  @Post(':id/extension')
  @ServiceAccountAction()
  @HttpCode(200)
  requestExtension(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: ExtensionRequestDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.requestExtension(id, user, body);
  }

  @Post(':id/extension/approve')
  @HttpCode(200)
  approveExtension(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.approveExtension(id, user, body.reason);
  }

  @Post(':id/extension/refuse')
  @HttpCode(200)
  refuseExtension(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.refuseExtension(id, user, body.reason);
  }

  @Post(':id/stop')
  @ServiceAccountAction()
  @HttpCode(200)
  stop(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: ReasonDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.stopEarly(id, user, body.reason);
  }

  @Post(':id/criteria-amendments')
  @HttpCode(200)
  amendCriteria(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: CriteriaAmendmentDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.amendCriteria(id, user, body);
  }

  @Post(':id/evaluation')
  @HttpCode(200)
  evaluate(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: EvaluationDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.submitEvaluation(id, user, body);
  }

  @Post(':id/decision')
  @HttpCode(200)
  decide(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: DecisionDto,
  ): Promise<ExperimentResponse> {
    return this.lifecycle.decide(id, user, body);
  }
}
