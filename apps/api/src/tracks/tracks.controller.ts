import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { trackCreateSchema, trackUpdateSchema } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { idsFilter } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { TRACK_SORT, TracksService, type TrackResponse } from './tracks.service';

export class TrackCreateDto extends createZodDto(trackCreateSchema) {}
export class TrackUpdateDto extends createZodDto(trackUpdateSchema) {}

const filterSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    organizationId: z.uuid().optional(),
    archived: z.boolean().optional(),
    id: idsFilter.optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());

@Controller('tracks')
export class TracksController {
  constructor(private readonly tracks: TracksService) {}

  @Get()
  @ApiList({ resource: 'tracks', filter: filterSchema, sortable: TRACK_SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TrackResponse[]> {
    const q = listQuery(query, filterSchema, TRACK_SORT, { field: 'name', order: 'ASC' });
    return page(response, 'tracks', q, await this.tracks.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<TrackResponse> {
    return this.tracks.findOne(id, user);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: TrackCreateDto): Promise<TrackResponse> {
    return this.tracks.create(body, user);
  }

  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: TrackUpdateDto,
  ): Promise<TrackResponse> {
    return this.tracks.update(id, body, user);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Id() id: string): Promise<TrackResponse> {
    return this.tracks.remove(id, user);
  }
}
