import { CLOSED_STATES, RETENTION_DEFAULT_DAYS, type RetentionCandidate } from '@capacites/domain';
import type { SqlExecutor } from '../queries/orphaned-experiments';

/**
 * When a closed test closed: its decision, else the audit record of the transition into its
 * final state (a cancelled draft), else its last change.
 */
const CLOSED_AT_SQL = `coalesce(
  (SELECT d.decided_at FROM decisions d WHERE d.experiment_id = e.id),
  (SELECT max(a.occurred_at) FROM audit_events a WHERE a.experiment_id = e.id AND a.to_state = e.state),
  e.updated_at)`;

interface CandidateRow {
  experimentId: string;
  organizationId: string;
  title: string;
  state: RetentionCandidate['state'];
  closedAt: Date;
  dueAt: Date;
}

const toCandidate = (row: CandidateRow): RetentionCandidate => ({
  ...row,
  closedAt: new Date(row.closedAt).toISOString(),
  dueAt: new Date(row.dueAt).toISOString(),
});

/**
 * Closed tests not yet pseudonymised, with when they closed and when their organisation's
 * period ends: `due` (ended at `now`) oldest first, and `upcoming` (the next ones).
 */
export async function findRetentionCandidates(
  db: SqlExecutor,
  options: { now: Date; organizationId?: string | null; dueLimit?: number; upcomingLimit?: number },
): Promise<{ due: RetentionCandidate[]; upcoming: RetentionCandidate[] }> {
  const base = `
    SELECT c.* FROM (
      SELECT e.id AS "experimentId", e.organization_id AS "organizationId", e.title, e.state,
             ${CLOSED_AT_SQL} AS "closedAt",
             ${CLOSED_AT_SQL} + make_interval(days => coalesce(o.retention_days, $2::int)) AS "dueAt"
        FROM experiments e
        JOIN organizations o ON o.id = e.organization_id
       WHERE e.personal_data_removed_at IS NULL
         AND e.state = ANY($3::text[])
         AND ($4::uuid IS NULL OR e.organization_id = $4::uuid)
    ) c`;
  const params = [options.now, RETENTION_DEFAULT_DAYS, [...CLOSED_STATES], options.organizationId ?? null];
  const due = (await db.query(`${base} WHERE c."dueAt" <= $1 ORDER BY c."dueAt", c."experimentId" LIMIT $5`, [
    ...params,
    options.dueLimit ?? 500,
  ])) as CandidateRow[];
  const upcoming = (await db.query(
    `${base} WHERE c."dueAt" > $1 ORDER BY c."dueAt", c."experimentId" LIMIT $5`,
    [...params, options.upcomingLimit ?? 10],
  )) as CandidateRow[];
  return { due: due.map(toCandidate), upcoming: upcoming.map(toCandidate) };
}
