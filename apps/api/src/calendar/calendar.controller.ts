import { Controller, Get, Header, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ExperimentEntity } from '@capacites/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { assertReadable } from '../experiments/experiment-access';
import { deadlinesOf, toIcs } from './deadlines';
import { myDeadlines, timeZones } from './my-deadlines';

/**
 * Deadlines as iCalendar files, to import into Outlook or Thunderbird: one experiment's,
 * or everything the caller has to watch (the tests they pilot, sponsor or take part in,
 * and, for the CODIR, the decisions awaited in their organisations).
 */
@Controller()
export class CalendarController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('experiments/:id/calendar.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async experimentCalendar(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const experiment = assertReadable(
      user,
      await this.dataSource.getRepository(ExperimentEntity).findOneBy({ id }),
    );
    const zones = await timeZones(this.dataSource, [experiment.organizationId]);
    response.setHeader('Content-Disposition', `attachment; filename="capacites-${id}.ics"`);
    return toIcs(
      deadlinesOf(experiment, zones.get(experiment.organizationId) ?? 'Europe/Paris'),
      this.config.ADMIN_ORIGIN,
      `Capacités — ${experiment.title}`,
    );
  }

  @Get('me/calendar.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async myCalendar(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    response.setHeader('Content-Disposition', 'attachment; filename="capacites-mes-echeances.ics"');
    return toIcs(
      await myDeadlines(this.dataSource, user),
      this.config.ADMIN_ORIGIN,
      'Capacités — mes échéances',
    );
  }
}
