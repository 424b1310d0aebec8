import { Controller, Get, Header, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { Brackets, DataSource, In } from 'typeorm';
import { ExperimentEntity, OrganizationEntity } from '@capacites/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { assertReadable } from '../experiments/experiment-access';
import { deadlinesOf, toIcs } from './deadlines';

const ONGOING = ['draft', 'running', 'evaluating', 'deciding'];
const MAX_EXPERIMENTS = 500;

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
    const zones = await this.timeZones([experiment.organizationId]);
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
    const memberOf = [...new Set(user.memberships.map((m) => m.organizationId))];
    const codirOf = user.memberships.filter((m) => m.role === 'codir').map((m) => m.organizationId);
    const qb = this.dataSource
      .getRepository(ExperimentEntity)
      .createQueryBuilder('e')
      .where('e.state IN (:...ongoing)', { ongoing: ONGOING })
      .andWhere('e.organization_id IN (:...memberOf)', { memberOf: memberOf.length ? memberOf : [null] })
      .andWhere(
        new Brackets((mine) => {
          mine
            .where('e.pilot_ids @> ARRAY[CAST(:me AS uuid)]', { me: user.userId })
            .orWhere('e.sponsor_id = :me')
            .orWhere("e.participants @> jsonb_build_array(jsonb_build_object('userId', CAST(:me AS text)))");
          if (codirOf.length > 0)
            mine.orWhere("(e.state = 'deciding' AND e.organization_id IN (:...codirOf))", { codirOf });
        }),
      )
      .orderBy('e.expires_at', 'ASC', 'NULLS LAST')
      .limit(MAX_EXPERIMENTS);
    const experiments = await qb.getMany();
    const zones = await this.timeZones(experiments.map((e) => e.organizationId));
    response.setHeader('Content-Disposition', 'attachment; filename="capacites-mes-echeances.ics"');
    return toIcs(
      experiments.flatMap((e) => deadlinesOf(e, zones.get(e.organizationId) ?? 'Europe/Paris')),
      this.config.ADMIN_ORIGIN,
      'Capacités — mes échéances',
    );
  }

  private async timeZones(organizationIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(organizationIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(OrganizationEntity).findBy({ id: In(unique) });
    return new Map(rows.map((o) => [o.id, o.timeZone]));
  }
}
