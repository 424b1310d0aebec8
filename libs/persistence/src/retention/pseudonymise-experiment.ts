import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  orderPeopleForPseudonyms,
  PERSONAL_TEXT_REMOVED,
  pseudonymLabel,
  ZERO_RETENTION_COUNTS,
  type Participant,
  type Question,
  type RetentionCounts,
} from '@capacites/domain';
import { countRedactableAuditRows, redactAuditRows } from './redact-audit';

const MARK = PERSONAL_TEXT_REMOVED;
const TEXT_KINDS = new Set(['shortText', 'longText']);

export interface PseudonymiseResult {
  experimentId: string;
  /** false: already done (a second pass), nothing written. */
  done: boolean;
  dryRun: boolean;
  counts: RetentionCounts;
}

interface ExperimentRow {
  id: string;
  organization_id: string;
  state: string;
  pilot_ids: string[];
  sponsor_id: string | null;
  created_by: string | null;
  launch_requested_by: string | null;
  participants: Participant[];
  personal_data_removed_at: Date | null;
}

/** Every person a test's rows name (besides the audit trail, which keeps its ids). */
async function peopleOf(m: EntityManager, e: ExperimentRow): Promise<string[]> {
  const others = (await m.query(
    `SELECT DISTINCT id FROM (
       SELECT author_id AS id FROM check_ins WHERE experiment_id = $1
       UNION SELECT author_id FROM testimonies WHERE experiment_id = $1
       UNION SELECT decided_by FROM decisions WHERE experiment_id = $1
       UNION SELECT submitted_by FROM evaluations WHERE experiment_id = $1
       UNION SELECT learnings_shared_by FROM evaluations WHERE experiment_id = $1
       UNION SELECT amended_by FROM criteria_amendments WHERE experiment_id = $1
       UNION SELECT created_by FROM questionnaires WHERE experiment_id = $1
       UNION SELECT r.respondent_user_id FROM questionnaire_responses r
               JOIN questionnaires q ON q.id = r.questionnaire_id WHERE q.experiment_id = $1
     ) p WHERE id IS NOT NULL`,
    [e.id],
  )) as { id: string }[];
  const onBehalf = e.participants.map((p) => p.onBehalf?.recordedBy).filter((id): id is string => !!id);
  return orderPeopleForPseudonyms({
    pilots: e.pilot_ids,
    sponsor: e.sponsor_id,
    participants: e.participants.map((p) => p.userId),
    others: [
      ...others.map((o) => o.id),
      ...(e.created_by ? [e.created_by] : []),
      ...(e.launch_requested_by ? [e.launch_requested_by] : []),
      ...onBehalf,
    ],
  });
}

async function countOf(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [row] = (await m.query(sql, params)) as { n: number }[];
  return row?.n ?? 0;
}

/** Responses to this test's participants' questionnaires, with the text questions not anonymous. */
async function namedTextAnswers(m: EntityManager, experimentId: string) {
  const rows = (await m.query(
    `SELECT r.id, r.answers, q.questions FROM questionnaire_responses r
       JOIN questionnaires q ON q.id = r.questionnaire_id
      WHERE q.experiment_id = $1 AND r.respondent_user_id IS NOT NULL`,
    [experimentId],
  )) as { id: string; answers: Record<string, unknown>; questions: Question[] }[];
  return rows
    .map((row) => {
      const named = row.questions.filter((q) => TEXT_KINDS.has(q.kind) && !q.anonymous).map((q) => q.id);
      const answers = { ...row.answers };
      let changed = 0;
      for (const id of named)
        if (typeof answers[id] === 'string' && answers[id] !== '' && answers[id] !== MARK) {
          answers[id] = MARK;
          changed += 1;
        }
      return { id: row.id, answers, changed };
    })
    .filter((row) => row.changed > 0);
}

/**
 * Pseudonymises one closed test's personal data (issue 17, item 3), in one transaction:
 * each person it names becomes a pseudonymous account "Participant N" (pilots first, then the
 * sponsor, the participants, the others), the same one in every row of the test; free texts
 * written by individuals are replaced by the marker (check-ins, testimonies' quotes and
 * speakers, the decision's rationale and handover texts, consent notes, criteria amendments'
 * reasons, non-anonymous text answers); the test's notifications and their emails are deleted;
 * its audit rows are redacted through `audit_events_redact`, whose record is the one audit
 * record of the pass. Kept: the decision's kind and dates, the evaluation (verdict, criteria
 * results, learnings, users' voice counts), the questionnaires' counts and the audit ids.
 * `dryRun` counts and writes nothing. A test already done is skipped (`done: false`).
 */
export async function pseudonymiseExperiment(
  dataSource: DataSource,
  experimentId: string,
  options: { now: Date; dryRun: boolean; retentionDays?: number; workflowHistories?: number },
): Promise<PseudonymiseResult> {
  return dataSource.transaction(async (m) => {
    const [e] = (await m.query(
      `SELECT id, organization_id, state, pilot_ids, sponsor_id, created_by, launch_requested_by,
              participants, personal_data_removed_at
         FROM experiments WHERE id = $1 ${options.dryRun ? '' : 'FOR UPDATE'}`,
      [experimentId],
    )) as ExperimentRow[];
    if (!e || e.personal_data_removed_at)
      return { experimentId, done: false, dryRun: options.dryRun, counts: { ...ZERO_RETENTION_COUNTS } };
    const people = await peopleOf(m, e);
    const answers = await namedTextAnswers(m, e.id);
    const auditIds = (
      (await m.query(`SELECT id::text AS id FROM audit_events WHERE experiment_id = $1 ORDER BY id`, [e.id])) as {
        id: string;
      }[]
    ).map((r) => r.id);
    const counts: RetentionCounts = {
      people: people.length,
      checkIns: await countOf(m, `SELECT count(*)::int AS n FROM check_ins WHERE experiment_id = $1`, [e.id]),
      testimonies: await countOf(m, `SELECT count(*)::int AS n FROM testimonies WHERE experiment_id = $1`, [e.id]),
      decisions: await countOf(m, `SELECT count(*)::int AS n FROM decisions WHERE experiment_id = $1`, [e.id]),
      consentNotes: e.participants.filter((p) => p.onBehalf?.note).length,
      questionnaireAnswers: answers.reduce((n, a) => n + a.changed, 0),
      notifications: await countOf(m, `SELECT count(*)::int AS n FROM notifications WHERE experiment_id = $1`, [e.id]),
      emails: await countOf(
        m,
        `SELECT count(*)::int AS n FROM emails WHERE notification_id IN (SELECT id FROM notifications WHERE experiment_id = $1)`,
        [e.id],
      ),
      auditRows: await countRedactableAuditRows(m, auditIds),
    };
    if (options.dryRun) return { experimentId, done: true, dryRun: true, counts };

    // One pseudonymous account per person, standing for them in this test only.
    const map = new Map<string, string>();
    for (const [i, userId] of people.entries()) {
      const pseudonym = randomUUID();
      map.set(userId, pseudonym);
      await m.query(
        `INSERT INTO users (id, email, display_name, password_hash, disabled_at, erased_at, pseudonym_experiment_id)
         VALUES ($1, $2, $3, NULL, $4, $4, $5)`,
        [pseudonym, `participant-${pseudonym}@pseudonyme.invalid`, pseudonymLabel(i + 1), options.now, e.id],
      );
    }
    const olds = [...map.keys()];
    const news = olds.map((o) => map.get(o) as string);
    const swap = (id: string | null) => (id ? (map.get(id) ?? id) : null);
    const participants = e.participants.map((p) => ({
      ...p,
      userId: swap(p.userId) as string,
      onBehalf: p.onBehalf
        ? { ...p.onBehalf, recordedBy: swap(p.onBehalf.recordedBy) as string, note: p.onBehalf.note ? MARK : '' }
        : p.onBehalf,
    }));
    await m.query(
      `UPDATE experiments SET pilot_ids = $2::uuid[], sponsor_id = $3, created_by = $4, launch_requested_by = $5,
              participants = $6::jsonb, personal_data_removed_at = $7
        WHERE id = $1`,
      [
        e.id,
        e.pilot_ids.map((p) => swap(p)),
        swap(e.sponsor_id),
        swap(e.created_by),
        swap(e.launch_requested_by),
        JSON.stringify(participants),
        options.now,
      ],
    );
    // The same mapping for every column that names a person in the test's rows.
    const mapped = (column: string) =>
      `coalesce((SELECT m.n FROM unnest($2::uuid[], $3::uuid[]) AS m(o, n) WHERE m.o = ${column}), ${column})`;
    await m.query(
      `UPDATE check_ins SET author_id = ${mapped('author_id')}, progress = $4,
              blockers = CASE WHEN blockers = '' THEN '' ELSE $4 END
        WHERE experiment_id = $1`,
      [e.id, olds, news, MARK],
    );
    await m.query(
      `UPDATE testimonies SET author_id = ${mapped('author_id')}, quote = $4, speaker = ''
        WHERE experiment_id = $1`,
      [e.id, olds, news, MARK],
    );
    await m.query(
      `UPDATE decisions SET decided_by = ${mapped('decided_by')}, rationale = $4,
              handover = CASE WHEN handover IS NULL THEN NULL
                              ELSE jsonb_build_object('pilotWithdrawal', $4::text, 'takeover', $4::text) END
        WHERE experiment_id = $1`,
      [e.id, olds, news, MARK],
    );
    await m.query(
      `UPDATE evaluations SET submitted_by = ${mapped('submitted_by')},
              learnings_shared_by = ${mapped('learnings_shared_by')}
        WHERE experiment_id = $1`,
      [e.id, olds, news],
    );
    await m.query(
      `UPDATE criteria_amendments SET amended_by = ${mapped('amended_by')}, reason = $4 WHERE experiment_id = $1`,
      [e.id, olds, news, MARK],
    );
    await m.query(`UPDATE questionnaires SET created_by = ${mapped('created_by')} WHERE experiment_id = $1`, [
      e.id,
      olds,
      news,
    ]);
    await m.query(
      `UPDATE questionnaire_responses r SET respondent_user_id = ${mapped('r.respondent_user_id')}
         FROM questionnaires q WHERE q.id = r.questionnaire_id AND q.experiment_id = $1`,
      [e.id, olds, news],
    );
    for (const answer of answers)
      await m.query(`UPDATE questionnaire_responses SET answers = $2::jsonb WHERE id = $1`, [
        answer.id,
        JSON.stringify(answer.answers),
      ]);
    await m.query(
      `DELETE FROM emails WHERE notification_id IN (SELECT id FROM notifications WHERE experiment_id = $1)`,
      [e.id],
    );
    await m.query(`DELETE FROM notifications WHERE experiment_id = $1`, [e.id]);
    await redactAuditRows(m, {
      rowIds: auditIds,
      chainOrganizationId: e.organization_id,
      experimentId: e.id,
      event: 'retention.pseudonymised',
      actorId: null,
      idempotencyKey: `retention:${e.id}`,
      details: {
        counts,
        workflowHistories: options.workflowHistories ?? 0,
        ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
      },
      at: options.now,
    });
    return { experimentId, done: true, dryRun: false, counts };
  });
}
