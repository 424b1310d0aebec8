import { Controller, Delete, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public } from '../auth/decorators';
import { createZodDto } from '../common/zod-dto';
import { PublicRateLimiter } from '../security/public-rate-limiter';
import { CalendarSubscriptionsService } from './calendar-subscriptions.service';

export class CalendarFeedQueryDto extends createZodDto(
  z.object({ token: z.string().min(1, { message: 'token is required' }).max(100) }).strict(),
) {}

/** One's own calendar subscription (profile), and the feed that calendar applications read. */
@Controller()
export class CalendarSubscriptionsController {
  constructor(
    private readonly subscriptions: CalendarSubscriptionsService,
    private readonly limiter: PublicRateLimiter,
  ) {}

  @Get('me/calendar-subscription')
  status(@CurrentUser() user: AuthUser) {
    return this.subscriptions.status(user);
  }

  /** Creates or renews: the address is in this answer only. */
  @Post('me/calendar-subscription')
  @HttpCode(201)
  renew(@CurrentUser() user: AuthUser) {
    return this.subscriptions.renew(user);
  }

  @Delete('me/calendar-subscription')
  revoke(@CurrentUser() user: AuthUser) {
    return this.subscriptions.revoke(user);
  }

  @Public()
  @Get('calendar/subscription.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  // Calendar applications poll: a stale copy is fine for a few minutes, never in a shared cache.
  @Header('Cache-Control', 'private, max-age=300')
  async feed(
    @Query() query: CalendarFeedQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    // Per address and per feed: 429 with Retry-After, which calendar applications honour.
    await this.limiter.consume('calendar', request.ip, query.token);
    response.setHeader('Content-Disposition', 'inline; filename="capacites-mes-echeances.ics"');
    return this.subscriptions.feed(query.token);
  }
}
