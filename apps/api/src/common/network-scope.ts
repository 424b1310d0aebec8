import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { isPlatformAdmin, type Principal } from '@capacites/domain';

/**
 * Rows that are either the network's (no organisation: shared with everyone) or of one of the
 * caller's organisations (tracks, templates); all of them for the platform admin.
 */
export function whereSharedOrOwn<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  principal: Principal,
): SelectQueryBuilder<T> {
  if (isPlatformAdmin(principal)) return qb;
  const own = [...new Set(principal.memberships.map((m) => m.organizationId))];
  return qb.andWhere(
    new Brackets((w) => {
      w.where(`${alias}.organization_id IS NULL`);
      if (own.length > 0) w.orWhere(`${alias}.organization_id IN (:...own)`, { own });
    }),
  );
}

/** What one organisation may use of them: the shared ones and its own. */
export function whereUsableBy<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  organizationId: string,
): SelectQueryBuilder<T> {
  return qb.andWhere(`(${alias}.organization_id IS NULL OR ${alias}.organization_id = :org)`, {
    org: organizationId,
  });
}
