import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { createShareLinkSchema, SHARE_LINK_KINDS, type ShareLinkResponse } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { idsFilter } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { EmptyDto } from '../experiments/dto/lifecycle.dto';
import { SHARE_LINK_SORTABLE, ShareLinksService } from './share-links.service';

export class CreateShareLinkDto extends createZodDto(createShareLinkSchema) {}

const filterSchema = z
  .object({
    organizationId: z.uuid().optional(),
    kind: z.enum(SHARE_LINK_KINDS).optional(),
    sessionId: z.uuid().optional(),
    id: idsFilter.optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());

/** Liens de consultation: listed in the administration, created and revoked by HR and the CODIR. */
@Controller('share-links')
export class ShareLinksController {
  constructor(private readonly links: ShareLinksService) {}

  @Get()
  @ApiList({ resource: 'share-links', filter: filterSchema, sortable: Object.keys(SHARE_LINK_SORTABLE) })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ShareLinkResponse[]> {
    const q = listQuery(query, filterSchema, SHARE_LINK_SORTABLE, { field: 'createdAt', order: 'DESC' });
    return page(response, 'share-links', q, await this.links.list(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<ShareLinkResponse> {
    return this.links.findOne(id, user);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateShareLinkDto): Promise<ShareLinkResponse> {
    return this.links.create(body, user);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  revoke(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() _body: EmptyDto,
  ): Promise<ShareLinkResponse> {
    return this.links.revoke(id, user);
  }
}
