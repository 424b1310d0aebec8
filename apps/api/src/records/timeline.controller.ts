import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEventEntity, ExperimentEntity } from '@capacites/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { assertReadable } from '../experiments/experiment-access';

export interface TimelineEntry {
  /** `audit:<id>` or `notice:<event>:<instant>`. */
  id: string;
  kind: 'audit' | 'notice';
  event: string;
  at: string;
  fromState: string | null;
  toState: string | null;
  actorId: string | null;
  /** A person, a service account (an integration's token: `actorName` is its name) or the lifecycle. */
  actorKind: 'user' | 'serviceAccount' | 'system';
  actorName?: string;
  reason: string | null;
  details: object;
  /** For a notice: how many people it reached (in-app and email). */
  recipients: number | null;
}

/**
 * The story of one experiment, oldest first: every recorded transition and event (audit)
 * and every notice sent (reminders, escalations, stop…), one entry per notice however
 * many people received it: they are written in one transaction, so they share an instant.
 */
@Controller('experiments')
export class TimelineController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id/timeline')
  async timeline(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<TimelineEntry[]> {
    assertReadable(user, await this.dataSource.getRepository(ExperimentEntity).findOneBy({ id }));
    const audits = await this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { experimentId: id }, order: { occurredAt: 'ASC', id: 'ASC' } });
    const notices: { event: string; at: Date; recipients: string }[] = await this.dataSource.query(
      `SELECT event, created_at AS at, count(*) AS recipients
         FROM notifications WHERE experiment_id = $1
        GROUP BY event, created_at`,
      [id],
    );
    const actorIds = [...new Set(audits.map((a) => a.actorId).filter((actor) => actor !== null))];
    const accounts: { id: string; name: string }[] = actorIds.length
      ? await this.dataSource.query(`SELECT id, name FROM service_accounts WHERE id = ANY($1::uuid[])`, [
          actorIds,
        ])
      : [];
    const accountNames = new Map(accounts.map((account) => [account.id, account.name]));
    const entries: TimelineEntry[] = [
      ...audits.map((a) => ({
        id: `audit:${a.id}`,
        kind: 'audit' as const,
        event: a.event,
        at: a.occurredAt.toISOString(),
        fromState: a.fromState,
        toState: a.toState,
        actorId: a.actorId,
        actorKind: !a.actorId
          ? ('system' as const)
          : accountNames.has(a.actorId)
            ? ('serviceAccount' as const)
            : ('user' as const),
        ...(a.actorId && accountNames.has(a.actorId) ? { actorName: accountNames.get(a.actorId) } : {}),
        reason: a.reason,
        details: a.details,
        recipients: null,
      })),
      ...notices.map((n) => ({
        id: `notice:${n.event}:${new Date(n.at).toISOString()}`,
        kind: 'notice' as const,
        event: n.event,
        at: new Date(n.at).toISOString(),
        fromState: null,
        toState: null,
        actorId: null,
        actorKind: 'system' as const,
        reason: null,
        details: {},
        recipients: Number(n.recipients),
      })),
    ];
    // Same instant: the transition before the notice it caused.
    return entries.sort(
      (x, y) => x.at.localeCompare(y.at) || (x.kind === y.kind ? 0 : x.kind === 'audit' ? -1 : 1),
    );
  }
}
