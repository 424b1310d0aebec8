import type { DepartedPerson, OrphanedExperiment } from '@capacites/domain';

/** Anything that runs SQL: a DataSource, an EntityManager, a QueryRunner. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * SQL condition: the experiment `alias` is under way and one of its pilots or its sponsor is
 * disabled or no longer a member of its organisation (any role). Computed, never stored: it
 * clears itself when the account comes back or the people are reassigned.
 */
export function orphanedExperimentCondition(alias: string): string {
  return `(${alias}.state IN ('running', 'evaluating', 'deciding') AND EXISTS (
    SELECT 1 FROM users ou
     WHERE (ou.id = ANY(${alias}.pilot_ids) OR ou.id = ${alias}.sponsor_id)
       AND (ou.disabled_at IS NOT NULL OR NOT EXISTS (
             SELECT 1 FROM memberships om WHERE om.user_id = ou.id AND om.organization_id = ${alias}.organization_id))))`;
}

const ORPHANED_SQL = `
  SELECT e.id, e.organization_id AS "organizationId", e.title, e.state, e.expires_at AS "expiresAt",
         json_agg(json_build_object(
           'userId', u.id,
           'displayName', u.display_name,
           'pilot', p.pilot,
           'sponsor', p.sponsor,
           'kind', CASE WHEN u.disabled_at IS NOT NULL THEN 'disabled' ELSE 'left' END)
           ORDER BY u.display_name, u.id) AS departed
    FROM experiments e
    CROSS JOIN LATERAL (
      SELECT x.user_id, bool_or(x.pilot) AS pilot, bool_or(NOT x.pilot) AS sponsor
        FROM (SELECT unnest(e.pilot_ids) AS user_id, true AS pilot
              UNION ALL SELECT e.sponsor_id, false WHERE e.sponsor_id IS NOT NULL) x
       GROUP BY x.user_id) p
    JOIN users u ON u.id = p.user_id
   WHERE e.state IN ('running', 'evaluating', 'deciding')
     AND ($1::uuid IS NULL OR e.organization_id = $1)
     AND ($2::uuid IS NULL OR e.id = $2)
     AND (u.disabled_at IS NOT NULL OR NOT EXISTS (
           SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organization_id = e.organization_id))
   GROUP BY e.id
   ORDER BY e.expires_at NULLS LAST, e.id
   LIMIT $3`;

interface Row {
  id: string;
  organizationId: string;
  title: string;
  state: OrphanedExperiment['state'];
  expiresAt: Date | null;
  departed: {
    userId: string;
    displayName: string;
    pilot: boolean;
    sponsor: boolean;
    kind: DepartedPerson['kind'];
  }[];
}

/**
 * Stale and orphan tests: those under way (running, evaluating, deciding) whose pilot or
 * sponsor is disabled or has left the organisation, with who and why. One query for the
 * back-office, HR's notices and the digest (apps/worker can call it with its DataSource).
 */
export async function findOrphanedExperiments(
  db: SqlExecutor,
  options: { organizationId?: string | null; experimentId?: string | null; limit?: number } = {},
): Promise<OrphanedExperiment[]> {
  const rows = (await db.query(ORPHANED_SQL, [
    options.organizationId ?? null,
    options.experimentId ?? null,
    options.limit ?? 500,
  ])) as Row[];
  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organizationId,
    title: row.title,
    state: row.state,
    expiresAt: row.expiresAt ? new Date(row.expiresAt).toISOString() : null,
    departed: row.departed.map((person) => ({
      userId: person.userId,
      displayName: person.displayName,
      roles: [...(person.pilot ? ['pilot' as const] : []), ...(person.sponsor ? ['sponsor' as const] : [])],
      kind: person.kind,
    })),
  }));
}
