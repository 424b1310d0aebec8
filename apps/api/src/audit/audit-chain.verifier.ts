import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** One problem found in a chain: the row, and what is wrong with it. */
export interface AuditChainProblem {
  chainKey: string;
  chainSeq: string;
  id: string;
  problem: 'rewritten' | 'missing-before' | 'relinked';
}

/** One chain: its length and its head, the hash to keep elsewhere (see docs/operations.md). */
export interface AuditChainHead {
  chainKey: string;
  rows: number;
  lastSeq: string;
  headHash: string;
}

export interface AuditChainReport {
  rows: number;
  /** Rows whose personal values were redacted through audit_events_redact, each vouched for. */
  redacted: number;
  chains: AuditChainHead[];
  problems: AuditChainProblem[];
}

const BATCH = 5000;

/**
 * Recomputes every chain of the audit trail outside the database. The canonical text is
 * built by this query (the same expression as the trigger's `audit_event_canonical`, not a
 * call to it: a redefined function cannot fool the check) and hashed here with SHA-256.
 * A row whose content changed no longer matches its hash (`rewritten`); a removed row leaves
 * a gap in the sequence (`missing-before`); a row whose link was recomputed to hide either
 * no longer matches the previous row's hash (`relinked`).
 * A row redacted by the retention rules (issue 17: `reason` and personal `details` values
 * replaced through `audit_events_redact`) keeps its original hash, which no longer matches its
 * text: it passes only when a later record of its chain, written by that function, lists it
 * with that original hash and the hash of exactly its present text; anything else is
 * `rewritten`, so a forged or later-altered redaction is still detected.
 */
export async function verifyAuditChains(
  dataSource: DataSource,
  onProgress?: (rows: number) => void,
): Promise<AuditChainReport> {
  const chains = new Map<string, AuditChainHead>();
  const problems: AuditChainProblem[] = [];
  const proofs = await redactionProofs(dataSource);
  let rows = 0;
  let redacted = 0;
  let after: [string, string] = ['', '0'];
  for (;;) {
    const batch: {
      id: string;
      chain_key: string;
      chain_seq: string;
      previous_hash: string | null;
      hash: string;
      canonical: string;
    }[] = await dataSource.query(
      `SELECT a.id::text AS id, a.chain_key, a.chain_seq::text AS chain_seq, a.previous_hash, a.hash,
              jsonb_build_array(
                a.previous_hash, a.chain_key, a.chain_seq, a.idempotency_key, a.organization_id,
                a.experiment_id, a.event, a.from_state, a.to_state, a.actor_id, a.reason, a.details,
                to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
              )::text AS canonical
       FROM audit_events a
       WHERE (a.chain_key, a.chain_seq) > ($1, $2::bigint)
       ORDER BY a.chain_key, a.chain_seq
       LIMIT ${BATCH}`,
      after,
    );
    for (const row of batch) {
      rows += 1;
      const head = chains.get(row.chain_key);
      const expectedSeq = head ? BigInt(head.lastSeq) + 1n : 1n;
      const problem = (kind: AuditChainProblem['problem']) =>
        problems.push({ chainKey: row.chain_key, chainSeq: row.chain_seq, id: row.id, problem: kind });
      const actual = createHash('sha256').update(row.canonical, 'utf8').digest('hex');
      const vouched =
        actual !== row.hash &&
        (proofs.get(row.id) ?? []).some(
          (p) =>
            p.chainKey === row.chain_key &&
            BigInt(p.bySeq) > BigInt(row.chain_seq) &&
            p.hash === row.hash &&
            p.redactedHash === actual,
        );
      if (vouched) redacted += 1;
      if (actual !== row.hash && !vouched) problem('rewritten');
      else if (BigInt(row.chain_seq) !== expectedSeq) problem('missing-before');
      else if ((row.previous_hash ?? null) !== (head?.headHash ?? null)) problem('relinked');
      chains.set(row.chain_key, {
        chainKey: row.chain_key,
        rows: (head?.rows ?? 0) + 1,
        lastSeq: row.chain_seq,
        headHash: row.hash,
      });
    }
    onProgress?.(rows);
    if (batch.length < BATCH) break;
    const last = batch[batch.length - 1];
    after = [last.chain_key, last.chain_seq];
  }
  return { rows, redacted, chains: [...chains.values()], problems };
}

interface RedactionProof {
  chainKey: string;
  /** The record that vouches: its place in the chain. */
  bySeq: string;
  hash: string;
  redactedHash: string;
}

/**
 * What the redaction records (events of audit_events_redact, carrying `redactedAuditRows`)
 * vouch for, by row id. Those records are themselves chained rows, checked like any other.
 */
async function redactionProofs(dataSource: DataSource): Promise<Map<string, RedactionProof[]>> {
  const rows: { chain_key: string; chain_seq: string; id: string; hash: string; redacted_hash: string }[] =
    await dataSource.query(
      `SELECT a.chain_key, a.chain_seq::text AS chain_seq, p->>'id' AS id, p->>'hash' AS hash,
              p->>'redactedHash' AS redacted_hash
         FROM audit_events a,
              jsonb_array_elements(CASE WHEN jsonb_typeof(a.details -> 'redactedAuditRows') = 'array'
                                        THEN a.details -> 'redactedAuditRows' ELSE '[]'::jsonb END) p
        WHERE a.event IN ('retention.pseudonymised', 'user.erased')`,
    );
  const proofs = new Map<string, RedactionProof[]>();
  for (const row of rows)
    proofs.set(row.id, [
      ...(proofs.get(row.id) ?? []),
      { chainKey: row.chain_key, bySeq: row.chain_seq, hash: row.hash, redactedHash: row.redacted_hash },
    ]);
  return proofs;
}
