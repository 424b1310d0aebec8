import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { ROLES, userCreateSchema, userUpdateSchema } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { idsFilter } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { USER_SORT, UsersService, type UserResponse } from './users.service';

export class UserCreateDto extends createZodDto(userCreateSchema) {}
export class UserUpdateDto extends createZodDto(userUpdateSchema) {}

const filterSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    organizationId: z.uuid().optional(),
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    id: idsFilter.optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiList({ resource: 'users', filter: filterSchema, sortable: USER_SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserResponse[]> {
    const q = listQuery(query, filterSchema, USER_SORT, { field: 'displayName', order: 'ASC' });
    return page(response, 'users', q, await this.users.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<UserResponse> {
    return this.users.findOne(id, user);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: UserCreateDto): Promise<UserResponse> {
    return this.users.create(body, user);
  }

  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: UserUpdateDto,
  ): Promise<UserResponse> {
    return this.users.update(id, body, user);
  }

  /** Disables the account (users are never deleted: the audit names them). */
  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Id() id: string): Promise<UserResponse> {
    return this.users.disable(id, user);
  }
}
