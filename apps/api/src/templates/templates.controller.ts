import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import {
  templateCreateSchema,
  templateRequirementCreateSchema,
  templateUpdateSchema,
  type TemplateRequirementResponse,
  type TemplateResponse,
} from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { idsFilter } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { TEMPLATE_REQUIREMENT_SORT, TemplateRequirementsService } from './template-requirements.service';
import { TEMPLATE_SORT, TemplatesService } from './templates.service';

export class TemplateCreateDto extends createZodDto(templateCreateSchema) {}
export class TemplateUpdateDto extends createZodDto(templateUpdateSchema) {}
export class TemplateRequirementCreateDto extends createZodDto(templateRequirementCreateSchema) {}

const templateFilterSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    organizationId: z.uuid().optional(),
    trackId: z.uuid().optional(),
    archived: z.boolean().optional(),
    id: idsFilter.optional(),
  })
  .strict();

const requirementFilterSchema = z
  .object({
    organizationId: z.uuid().optional(),
    trackId: z.uuid().optional(),
    id: idsFilter.optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());

/** Test templates ("modèles de test"), shared by the network or an organisation's own. */
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiList({ resource: 'templates', filter: templateFilterSchema, sortable: TEMPLATE_SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TemplateResponse[]> {
    const q = listQuery(query, templateFilterSchema, TEMPLATE_SORT, { field: 'name', order: 'ASC' });
    return page(response, 'templates', q, await this.templates.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<TemplateResponse> {
    return this.templates.findOne(id, user);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: TemplateCreateDto): Promise<TemplateResponse> {
    return this.templates.create(body, user);
  }

  /** Edits; `{"archived": true}` archives (a template is never deleted: drafts keep their link). */
  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: TemplateUpdateDto,
  ): Promise<TemplateResponse> {
    return this.templates.update(id, body, user);
  }
}

/** An organisation's tracks whose new tests must start from a template. */
@Controller('template-requirements')
export class TemplateRequirementsController {
  constructor(private readonly requirements: TemplateRequirementsService) {}

  @Get()
  @ApiList({
    resource: 'template-requirements',
    filter: requirementFilterSchema,
    sortable: TEMPLATE_REQUIREMENT_SORT,
  })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TemplateRequirementResponse[]> {
    const q = listQuery(query, requirementFilterSchema, TEMPLATE_REQUIREMENT_SORT, {
      field: 'createdAt',
      order: 'ASC',
    });
    return page(response, 'template-requirements', q, await this.requirements.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<TemplateRequirementResponse> {
    return this.requirements.findOne(id, user);
  }

  @Post()
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: TemplateRequirementCreateDto,
  ): Promise<TemplateRequirementResponse> {
    return this.requirements.create(body, user);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Id() id: string): Promise<TemplateRequirementResponse> {
    return this.requirements.remove(id, user);
  }
}
