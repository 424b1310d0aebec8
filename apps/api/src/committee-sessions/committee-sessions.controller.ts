import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  COMMITTEE_SESSION_STATUSES,
  createCommitteeSessionSchema,
  recordMinutesSchema,
  updateAgendaSchema,
  type CommitteeSessionResponse,
} from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { idsFilter } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import {
  COMMITTEE_SORTABLE,
  CommitteeSessionsService,
  type CommitteeDocument,
} from './committee-sessions.service';

export class CreateCommitteeSessionDto extends createZodDto(createCommitteeSessionSchema) {}
export class UpdateCommitteeSessionDto extends createZodDto(updateAgendaSchema) {}
export class RecordMinutesDto extends createZodDto(recordMinutesSchema) {}

const filterSchema = z
  .object({
    organizationId: z.uuid().optional(),
    status: z.enum(COMMITTEE_SESSION_STATUSES).optional(),
    id: idsFilter.optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());

const pdf = (response: Response, document: CommitteeDocument): StreamableFile => {
  response.setHeader('Content-Disposition', `inline; filename="${document.fileName}"`);
  response.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(document.content, { type: 'application/pdf', length: document.content.length });
};
const PdfResponse = () =>
  ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } });

/** Séances du CODIR: agenda, dossier de séance (PDF), relevé de décisions. */
@Controller('committee-sessions')
export class CommitteeSessionsController {
  constructor(private readonly sessions: CommitteeSessionsService) {}

  @Get()
  @ApiList({
    resource: 'committee-sessions',
    filter: filterSchema,
    sortable: Object.keys(COMMITTEE_SORTABLE),
  })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommitteeSessionResponse[]> {
    const q = listQuery(query, filterSchema, COMMITTEE_SORTABLE, { field: 'heldOn', order: 'DESC' });
    return page(response, 'committee-sessions', q, await this.sessions.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<CommitteeSessionResponse> {
    return this.sessions.findOne(id, user);
  }

  @Post()
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateCommitteeSessionDto,
  ): Promise<CommitteeSessionResponse> {
    return this.sessions.create(body, user);
  }

  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: UpdateCommitteeSessionDto,
  ): Promise<CommitteeSessionResponse> {
    return this.sessions.update(id, body, user);
  }

  @Get(':id/pack.pdf')
  @ApiProduces('application/pdf')
  @PdfResponse()
  async pack(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return pdf(response, await this.sessions.pack(id, user));
  }

  @Post(':id/minutes')
  @HttpCode(200)
  recordMinutes(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: RecordMinutesDto,
  ): Promise<CommitteeSessionResponse> {
    return this.sessions.recordMinutes(id, body, user);
  }

  @Get(':id/minutes.pdf')
  @ApiProduces('application/pdf')
  @PdfResponse()
  async minutes(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return pdf(response, await this.sessions.minutes(id, user));
  }
}
