import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { serviceAccountCreateSchema, type ServiceAccountResponse } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { SERVICE_ACCOUNT_SORT, ServiceAccountsService } from './service-accounts.service';

export class ServiceAccountCreateDto extends createZodDto(serviceAccountCreateSchema) {}

const filterSchema = z
  .object({
    organizationId: z.uuid().optional(),
    status: z.enum(['active', 'expired', 'revoked']).optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());

/** An organisation's tokens for its integrations (platform admin, HR of the organisation). */
@Controller('service-accounts')
export class ServiceAccountsController {
  constructor(private readonly accounts: ServiceAccountsService) {}

  @Get()
  @ApiList({ resource: 'service-accounts', filter: filterSchema, sortable: SERVICE_ACCOUNT_SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ServiceAccountResponse[]> {
    const q = listQuery(query, filterSchema, SERVICE_ACCOUNT_SORT, { field: 'createdAt', order: 'DESC' });
    return page(response, 'service-accounts', q, await this.accounts.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<ServiceAccountResponse> {
    return this.accounts.findOne(id, user);
  }

  /** Answers the token once, in `token`: it is never shown again. */
  @Post()
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: ServiceAccountCreateDto,
  ): Promise<ServiceAccountResponse> {
    return this.accounts.create(body, user);
  }

  /** Revokes the token (the record stays, for the audit trail). */
  @Delete(':id')
  revoke(@CurrentUser() user: AuthUser, @Id() id: string): Promise<ServiceAccountResponse> {
    return this.accounts.revoke(id, user);
  }
}
