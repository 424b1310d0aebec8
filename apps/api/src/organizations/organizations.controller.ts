import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { ORGANIZATION_KINDS, organizationCreateSchema, organizationUpdateSchema } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { idsFilter } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { OrganizationsService, type OrganizationResponse } from './organizations.service';

export class OrganizationCreateDto extends createZodDto(organizationCreateSchema) {}
export class OrganizationUpdateDto extends createZodDto(organizationUpdateSchema) {}

const filterSchema = z
  .object({
    id: idsFilter.optional(),
    kind: z.enum(ORGANIZATION_KINDS).optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());
const SORT = { name: 'name', slug: 'slug', kind: 'kind', createdAt: 'createdAt' };

/** Organisations with their lifecycle settings; members read their own, the admin manages all. */
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiList({ resource: 'organizations', filter: filterSchema, sortable: SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrganizationResponse[]> {
    const q = listQuery(query, filterSchema, SORT, { field: 'name', order: 'ASC' });
    return page(response, 'organizations', q, await this.organizations.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<OrganizationResponse> {
    return this.organizations.findOne(id, user);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: OrganizationCreateDto): Promise<OrganizationResponse> {
    return this.organizations.create(body, user);
  }

  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: OrganizationUpdateDto,
  ): Promise<OrganizationResponse> {
    return this.organizations.update(id, body, user);
  }
}
