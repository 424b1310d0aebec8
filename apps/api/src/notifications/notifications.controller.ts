import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { assertAdmin } from '../common/admin-access';
import { ApiList } from '../common/api-list.decorator';
import { idsFilter } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import {
  NOTIFICATION_SORT,
  NotificationsService,
  type EmailResponse,
  type NotificationResponse,
} from './notifications.service';

export class NotificationReadDto extends createZodDto(z.object({ read: z.boolean() }).strict()) {}

const Id = () => Param('id', new ParseUUIDPipe());
const notificationFilter = z
  .object({ read: z.boolean().optional(), experimentId: z.uuid().optional(), id: idsFilter.optional() })
  .strict();
const emailFilter = z
  .object({
    status: z.enum(['outbox', 'sent']).optional(),
    organizationId: z.uuid().optional(),
    id: idsFilter.optional(),
  })
  .strict();
const ADMIN_ONLY = 'readOutbox';
const EMAIL_SORT = { createdAt: 'createdAt', toAddress: 'toAddress', status: 'status' };

/** The current user's notifications, read and unread. */
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiList({ resource: 'notifications', filter: notificationFilter, sortable: NOTIFICATION_SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationResponse[]> {
    const q = listQuery(query, notificationFilter, NOTIFICATION_SORT, { field: 'createdAt', order: 'DESC' });
    return page(response, 'notifications', q, await this.notifications.list(q, user));
  }

  @Get('unread-count')
  unreadCount(@CurrentUser() user: AuthUser): Promise<{ count: number }> {
    return this.notifications.unreadCount(user);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: AuthUser): Promise<{ updated: number }> {
    return this.notifications.markAllRead(user);
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<NotificationResponse> {
    return this.notifications.findOne(id, user);
  }

  @Put(':id')
  markRead(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: NotificationReadDto,
  ): Promise<NotificationResponse> {
    return this.notifications.markRead(id, body.read, user);
  }
}

/** The outbox of emails (what would have been sent without an SMTP server): platform admin only. */
@Controller('emails')
export class EmailsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiList({ resource: 'emails', filter: emailFilter, sortable: EMAIL_SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EmailResponse[]> {
    assertAdmin(user, ADMIN_ONLY);
    const q = listQuery(query, emailFilter, EMAIL_SORT, { field: 'createdAt', order: 'DESC' });
    return page(response, 'emails', q, await this.notifications.emails(q));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<EmailResponse> {
    assertAdmin(user, ADMIN_ONLY);
    return this.notifications.email(id);
  }
}
