import { AUDIT_PERSONAL_DETAIL_KEYS } from '@capacites/domain';
import type { SqlExecutor } from '../queries/orphaned-experiments';

export type RedactionEvent = 'retention.pseudonymised' | 'user.erased';

/**
 * Redacts audit rows of one chain through the database's narrow path (`audit_events_redact`,
 * migration Retention) and appends the record that vouches for them: reasons and the
 * personal values of `details` become the marker; the chain stays verifiable. Idempotent by
 * `idempotencyKey`. Returns how many rows it redacted now (0 when the key was already used).
 */
export async function redactAuditRows(
  db: SqlExecutor,
  input: {
    rowIds: string[];
    chainOrganizationId: string | null;
    experimentId: string | null;
    event: RedactionEvent;
    actorId: string | null;
    idempotencyKey: string;
    details: Record<string, unknown>;
    at: Date;
  },
): Promise<{ recordId: string; redacted: number; created: boolean }> {
  const existing = (await db.query(`SELECT id::text AS id FROM audit_events WHERE idempotency_key = $1`, [
    input.idempotencyKey,
  ])) as { id: string }[];
  if (existing.length) return { recordId: existing[0].id, redacted: 0, created: false };
  const [row] = (await db.query(
    `SELECT audit_events_redact($1::bigint[], $2::text[], $3::uuid, $4::uuid, $5, $6::uuid, $7, $8::jsonb, $9)::text AS id`,
    [
      input.rowIds,
      [...AUDIT_PERSONAL_DETAIL_KEYS],
      input.chainOrganizationId,
      input.experimentId,
      input.event,
      input.actorId,
      input.idempotencyKey,
      JSON.stringify(input.details),
      input.at,
    ],
  )) as { id: string }[];
  const [record] = (await db.query(
    `SELECT jsonb_array_length(details -> 'redactedAuditRows')::int AS n FROM audit_events WHERE id = $1`,
    [row.id],
  )) as { n: number }[];
  return { recordId: row.id, redacted: record?.n ?? 0, created: true };
}

/** How many of these rows a redaction would change (dry run). */
export async function countRedactableAuditRows(db: SqlExecutor, rowIds: string[]): Promise<number> {
  if (!rowIds.length) return 0;
  const [row] = (await db.query(
    `SELECT count(*)::int AS n FROM audit_events
      WHERE id = ANY($1::bigint[])
        AND ((reason IS NOT NULL AND reason <> '[supprimé]')
             OR EXISTS (SELECT 1 FROM jsonb_each(coalesce(details, '{}'::jsonb)) d
                         WHERE d.key = ANY($2::text[]) AND d.value <> to_jsonb('[supprimé]'::text)))`,
    [rowIds, [...AUDIT_PERSONAL_DETAIL_KEYS]],
  )) as { n: number }[];
  return row.n;
}
