import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  closeQuestionnaireSchema,
  createQuestionnaireSchema,
  myAnswerSchema,
  QUESTIONNAIRE_AUDIENCES,
  QUESTIONNAIRE_STATUSES,
  updateQuestionnaireSchema,
  type MyQuestionnaireItem,
  type MyQuestionnaireView,
  type QuestionnaireResults,
  type QuestionnaireView,
  type RespondentStatus,
  type UsersVoiceSummary,
} from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { idsFilter } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { ApiExport } from '../exports/api-export.decorator';
import { QuestionnaireAnswersService } from './questionnaire-answers.service';
import {
  QUESTIONNAIRE_EXPORT_SORTABLE,
  questionnaireExportFilter,
  QuestionnaireResultsService,
} from './questionnaire-results.service';
import { QUESTIONNAIRES, QuestionnairesService } from './questionnaires.service';

export class CreateQuestionnaireDto extends createZodDto(createQuestionnaireSchema) {}
export class UpdateQuestionnaireDto extends createZodDto(updateQuestionnaireSchema) {}
export class CloseQuestionnaireDto extends createZodDto(closeQuestionnaireSchema) {}
export class MyAnswerDto extends createZodDto(myAnswerSchema) {}

const filterSchema = z
  .object({
    experimentId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    status: z.union([z.enum(QUESTIONNAIRE_STATUSES), z.array(z.enum(QUESTIONNAIRE_STATUSES)).max(4)]).optional(),
    audience: z.enum(QUESTIONNAIRE_AUDIENCES).optional(),
    id: idsFilter.optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());

/** Questionnaires on a test: building, publishing and closing; results; a participant's own answers. */
@Controller('questionnaires')
export class QuestionnairesController {
  constructor(
    private readonly questionnaires: QuestionnairesService,
    private readonly results: QuestionnaireResultsService,
    private readonly answers: QuestionnaireAnswersService,
  ) {}

  @Get()
  @ApiList({ resource: 'questionnaires', filter: filterSchema, sortable: QUESTIONNAIRES.sortable })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QuestionnaireView[]> {
    const q = listQuery(query, filterSchema, QUESTIONNAIRES.sortable, { field: 'createdAt', order: 'DESC' });
    return page(response, 'questionnaires', q, await this.questionnaires.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<QuestionnaireView> {
    return this.questionnaires.findOne(id, user);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateQuestionnaireDto): Promise<QuestionnaireView> {
    return this.questionnaires.create(body, user);
  }

  @Put(':id')
  update(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: UpdateQuestionnaireDto): Promise<QuestionnaireView> {
    return this.questionnaires.update(id, body, user);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Id() id: string): Promise<QuestionnaireView> {
    return this.questionnaires.remove(id, user);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Id() id: string): Promise<QuestionnaireView> {
    return this.questionnaires.publish(id, user);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: CloseQuestionnaireDto): Promise<QuestionnaireView> {
    return this.questionnaires.close(id, body ?? {}, user);
  }

  @Get(':id/qr.svg')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('image/svg+xml')
  qr(@CurrentUser() user: AuthUser, @Id() id: string): Promise<string> {
    return this.questionnaires.qrSvg(id, user);
  }

  @Get(':id/results')
  resultsOf(@CurrentUser() user: AuthUser, @Id() id: string): Promise<QuestionnaireResults> {
    return this.results.results(id, user);
  }

  @Get(':id/respondents')
  respondents(@CurrentUser() user: AuthUser, @Id() id: string): Promise<RespondentStatus[]> {
    return this.results.respondents(id, user);
  }

  @Get(':id/my-response')
  myResponse(@CurrentUser() user: AuthUser, @Id() id: string): Promise<MyQuestionnaireView> {
    return this.answers.myResponse(id, user);
  }

  @Put(':id/my-response')
  answer(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: MyAnswerDto): Promise<MyQuestionnaireView> {
    return this.answers.answerAsParticipant(id, body.answers, user);
  }
}

/** The participants' questionnaires waiting for the caller. */
@Controller('me')
export class MyQuestionnairesController {
  constructor(private readonly answers: QuestionnaireAnswersService) {}

  @Get('questionnaires')
  mine(@CurrentUser() user: AuthUser): Promise<MyQuestionnaireItem[]> {
    return this.answers.mine(user);
  }
}

/** What the questionnaires say, for the evaluation form. */
@Controller('experiments')
export class UsersVoiceController {
  constructor(private readonly results: QuestionnaireResultsService) {}

  @Get(':id/users-voice')
  usersVoice(@CurrentUser() user: AuthUser, @Id() id: string): Promise<UsersVoiceSummary> {
    return this.results.usersVoice(id, user);
  }
}

/** The anonymous answers of one questionnaire as a spreadsheet (beside the lists' exports). */
@Controller('exports')
export class QuestionnaireExportController {
  constructor(private readonly results: QuestionnaireResultsService) {}

  @Get('questionnaire-responses')
  @ApiExport({
    list: '/questionnaires/:id/results',
    filter: questionnaireExportFilter,
    sortable: QUESTIONNAIRE_EXPORT_SORTABLE,
    defaultSort: { field: 'submittedAt', order: 'ASC' },
  })
  export(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.results.export(query, user, response);
  }
}
