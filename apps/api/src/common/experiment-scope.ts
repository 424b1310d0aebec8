import { Brackets, type WhereExpressionBuilder } from 'typeorm';
import { isPlatformAdmin, type Principal } from '@capacites/domain';

/** Which experiments a caller may read: all (platform admin) or the caller's scope. */
export type ReadScope = 'all' | { userId: string; wholeOrganizations: string[]; memberOf: string[] };

// Keeps `IN (...)` valid when a list is empty.
const NONE = '00000000-0000-0000-0000-000000000000';

/** The read scope of DOMAIN.md, "Roles": HR and CODIR see their whole organisation. */
export function readScope(principal: Principal): ReadScope {
  if (isPlatformAdmin(principal)) return 'all';
  return {
    userId: principal.userId,
    wholeOrganizations: principal.memberships
      .filter((m) => m.role === 'hr' || m.role === 'codir')
      .map((m) => m.organizationId),
    memberOf: [...new Set(principal.memberships.map((m) => m.organizationId))],
  };
}

/**
 * Restricts a query to the experiments (joined as `alias`) that the scope may read, in
 * SQL, so that lists, totals and child records (check-ins, evaluations, testimonies…)
 * all follow the one rule of canReadExperiment. Parameter names are prefixed with the
 * alias so that two scoped joins can share a query.
 */
export function applyExperimentScope<Q extends WhereExpressionBuilder>(
  qb: Q,
  alias: string,
  scope: ReadScope,
): Q {
  if (scope === 'all') return qb;
  const p = `${alias}Scope`;
  qb.andWhere(
    new Brackets((where) => {
      // Whole organisations for HR and CODIR; otherwise only the experiments one takes part in.
      where.where(`${alias}.organization_id IN (:...${p}Whole)`, {
        [`${p}Whole`]: [...scope.wholeOrganizations, NONE],
      });
      where.orWhere(
        new Brackets((own) => {
          own
            .where(`${alias}.organization_id IN (:...${p}Member)`, {
              [`${p}Member`]: [...scope.memberOf, NONE],
            })
            .andWhere(
              // Each arm has its index (ScopeIndexes migration), so that PostgreSQL reads only
              // one's own experiments, not the whole organisation (@> and not = ANY for the GIN).
              `(${alias}.pilot_ids @> ARRAY[CAST(:${p}User AS uuid)] OR ${alias}.sponsor_id = :${p}User OR ${alias}.created_by = :${p}User` +
                ` OR ${alias}.participants @> jsonb_build_array(jsonb_build_object('userId', CAST(:${p}User AS text))))`,
              { [`${p}User`]: scope.userId },
            );
        }),
      );
    }),
  );
  return qb;
}
