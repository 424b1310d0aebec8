import { Brackets, In, type DataSource } from 'typeorm';
import type { Principal } from '@capacites/domain';
import { ExperimentEntity, OrganizationEntity } from '@capacites/persistence';
import { deadlinesOf, type Deadline } from './deadlines';

const ONGOING = ['draft', 'running', 'evaluating', 'deciding'];
const MAX_EXPERIMENTS = 500;

/**
 * Everything a person has to watch: the tests they pilot, sponsor or take part in and, for
 * the CODIR, the decisions awaited in their organisations. Shared by the one-off download
 * (`me/calendar.ics`) and the subscription feed.
 */
export async function myDeadlines(dataSource: DataSource, principal: Principal): Promise<Deadline[]> {
  const memberOf = [...new Set(principal.memberships.map((m) => m.organizationId))];
  const codirOf = principal.memberships.filter((m) => m.role === 'codir').map((m) => m.organizationId);
  const experiments = await dataSource
    .getRepository(ExperimentEntity)
    .createQueryBuilder('e')
    .where('e.state IN (:...ongoing)', { ongoing: ONGOING })
    .andWhere('e.organization_id IN (:...memberOf)', { memberOf: memberOf.length ? memberOf : [null] })
    .andWhere(
      new Brackets((mine) => {
        mine
          .where('e.pilot_ids @> ARRAY[CAST(:me AS uuid)]', { me: principal.userId })
          .orWhere('e.sponsor_id = :me')
          .orWhere("e.participants @> jsonb_build_array(jsonb_build_object('userId', CAST(:me AS text)))");
        if (codirOf.length > 0)
          mine.orWhere("(e.state = 'deciding' AND e.organization_id IN (:...codirOf))", { codirOf });
      }),
    )
    .orderBy('e.expires_at', 'ASC', 'NULLS LAST')
    .limit(MAX_EXPERIMENTS)
    .getMany();
  const zones = await timeZones(
    dataSource,
    experiments.map((e) => e.organizationId),
  );
  return experiments.flatMap((e) => deadlinesOf(e, zones.get(e.organizationId) ?? 'Europe/Paris'));
}

export async function timeZones(
  dataSource: DataSource,
  organizationIds: string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(organizationIds)];
  if (unique.length === 0) return new Map();
  const rows = await dataSource.getRepository(OrganizationEntity).findBy({ id: In(unique) });
  return new Map(rows.map((o) => [o.id, o.timeZone]));
}
