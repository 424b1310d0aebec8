import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { contentRange, parseListQuery } from '../common/list-query';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { OrganizationsService, type OrganizationResponse } from './organizations.service';

const filterSchema = z.object({ id: z.union([z.uuid(), z.array(z.uuid()).max(500)]).optional() }).strict();

@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrganizationResponse[]> {
    const listQuery = parseListQuery(query, filterSchema, ['name'], { field: 'name', order: 'ASC' });
    const { data, total } = await this.organizations.list(listQuery, user);
    response.setHeader('Content-Range', contentRange('organizations', listQuery.offset, data.length, total));
    return data;
  }
}
