import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { TESTIMONY_SOURCES, testimonySchema, testimonyUpdateSchema } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { idsFilter } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { TESTIMONIES, TestimoniesService, type TestimonyResponse } from './testimonies.service';

export class TestimonyDto extends createZodDto(testimonySchema) {}
export class TestimonyUpdateDto extends createZodDto(testimonyUpdateSchema) {}

const filterSchema = z
  .object({
    experimentId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    source: z.enum(TESTIMONY_SOURCES).optional(),
    shareable: z.boolean().optional(),
    id: idsFilter.optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());

/** Témoignages: verbatims for the story of a test and its evaluation. */
@Controller('testimonies')
export class TestimoniesController {
  constructor(private readonly testimonies: TestimoniesService) {}

  @Get()
  @ApiList({ resource: 'testimonies', filter: filterSchema, sortable: TESTIMONIES.sortable })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TestimonyResponse[]> {
    const q = listQuery(query, filterSchema, TESTIMONIES.sortable, { field: 'collectedAt', order: 'DESC' });
    return page(response, 'testimonies', q, await this.testimonies.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<TestimonyResponse> {
    return this.testimonies.findOne(id, user);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: TestimonyDto): Promise<TestimonyResponse> {
    return this.testimonies.create(body, user);
  }

  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: TestimonyUpdateDto,
  ): Promise<TestimonyResponse> {
    return this.testimonies.update(id, body, user);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Id() id: string): Promise<TestimonyResponse> {
    return this.testimonies.remove(id, user);
  }
}
