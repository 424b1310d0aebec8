import type { DataSource, EntityManager } from 'typeorm';
import { erasedAccountLabel, PERSONAL_TEXT_REMOVED, type ErasureCounts, type Question } from '@capacites/domain';
import { countRedactableAuditRows, redactAuditRows } from './redact-audit';

const MARK = PERSONAL_TEXT_REMOVED;
const TEXT_KINDS = new Set(['shortText', 'longText']);

async function countOf(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [row] = (await m.query(sql, params)) as { n: number }[];
  return row?.n ?? 0;
}

/** Text answers of the person (every text question: the answers name them through their id). */
async function textAnswersOf(m: EntityManager, userId: string) {
  const rows = (await m.query(
    `SELECT r.id, r.answers, q.questions FROM questionnaire_responses r
       JOIN questionnaires q ON q.id = r.questionnaire_id WHERE r.respondent_user_id = $1`,
    [userId],
  )) as { id: string; answers: Record<string, unknown>; questions: Question[] }[];
  return rows
    .map((row) => {
      const answers = { ...row.answers };
      let changed = 0;
      for (const q of row.questions)
        if (TEXT_KINDS.has(q.kind) && typeof answers[q.id] === 'string' && answers[q.id] !== '' && answers[q.id] !== MARK) {
          answers[q.id] = MARK;
          changed += 1;
        }
      return { id: row.id, answers, changed };
    })
    .filter((row) => row.changed > 0);
}

/** Audit rows naming the person: their acts, and the administration records about their account. */
async function auditRowsOf(m: EntityManager, userId: string) {
  return (await m.query(
    `SELECT id::text AS id, organization_id AS "organizationId" FROM audit_events
      WHERE actor_id = $1 OR details @> jsonb_build_object('userId', $1::text)
      ORDER BY id`,
    [userId],
  )) as { id: string; organizationId: string | null }[];
}

/**
 * Erases an account (issue 17, item 3), in one transaction: the users row keeps its id (so
 * that every reference, count and decision still holds) but names no one (name and email
 * replaced, no password, no OpenID Connect link, no second factor); its sessions, codes,
 * memberships, calendar feeds, notifications and emails go; the free texts it wrote are
 * replaced by the marker; the audit rows naming it are redacted through
 * `audit_events_redact`, one record per audit chain (`user.erased`). `dryRun` counts only.
 * The caller checks who may and that the account was disabled.
 */
export async function eraseUser(
  dataSource: DataSource,
  userId: string,
  options: { now: Date; dryRun: boolean; actorId: string | null },
): Promise<{ alreadyErased: boolean; counts: ErasureCounts }> {
  return dataSource.transaction(async (m) => {
    const [user] = (await m.query(`SELECT id, email, erased_at FROM users WHERE id = $1 FOR UPDATE`, [userId])) as {
      id: string;
      email: string;
      erased_at: Date | null;
    }[];
    const answers = await textAnswersOf(m, userId);
    const audit = await auditRowsOf(m, userId);
    const counts: ErasureCounts = {
      sessions: await countOf(m, `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [userId]),
      recoveryCodes: await countOf(m, `SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1`, [userId]),
      memberships: await countOf(m, `SELECT count(*)::int AS n FROM memberships WHERE user_id = $1`, [userId]),
      notifications: await countOf(m, `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`, [userId]),
      calendarSubscriptions: await countOf(m, `SELECT count(*)::int AS n FROM calendar_subscriptions WHERE user_id = $1`, [
        userId,
      ]),
      checkIns: await countOf(
        m,
        `SELECT count(*)::int AS n FROM check_ins WHERE author_id = $1 AND (progress <> $2 OR blockers NOT IN ('', $2))`,
        [userId, MARK],
      ),
      testimonies: await countOf(
        m,
        `SELECT count(*)::int AS n FROM testimonies WHERE author_id = $1 AND (quote <> $2 OR speaker <> '')`,
        [userId, MARK],
      ),
      decisions: await countOf(
        m,
        `SELECT count(*)::int AS n FROM decisions WHERE decided_by = $1 AND rationale <> $2`,
        [userId, MARK],
      ),
      questionnaireAnswers: answers.reduce((n, a) => n + a.changed, 0),
      auditRows: await countRedactableAuditRows(
        m,
        audit.map((a) => a.id),
      ),
    };
    if (!user) return { alreadyErased: false, counts };
    if (options.dryRun || user.erased_at) return { alreadyErased: !!user.erased_at, counts };

    await m.query(
      `UPDATE users SET email = $2, display_name = $3, password_hash = NULL, oidc_allowed = false,
              oidc_issuer = NULL, oidc_subject = NULL, oidc_linked_at = NULL, totp_secret = NULL,
              totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL,
              disabled_at = coalesce(disabled_at, $4), erased_at = $4
        WHERE id = $1`,
      [userId, `erased-${userId}@pseudonyme.invalid`, erasedAccountLabel(userId), options.now],
    );
    await m.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
    await m.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
    await m.query(`DELETE FROM pending_logins WHERE user_id = $1`, [userId]);
    await m.query(`DELETE FROM calendar_subscriptions WHERE user_id = $1`, [userId]);
    await m.query(
      `DELETE FROM emails WHERE notification_id IN (SELECT id FROM notifications WHERE recipient_id = $1)
          OR lower(to_address) = lower($2)`,
      [userId, user.email],
    );
    await m.query(`DELETE FROM notifications WHERE recipient_id = $1`, [userId]);
    await m.query(`DELETE FROM memberships WHERE user_id = $1`, [userId]);
    await m.query(
      `UPDATE check_ins SET progress = $2, blockers = CASE WHEN blockers = '' THEN '' ELSE $2 END WHERE author_id = $1`,
      [userId, MARK],
    );
    await m.query(`UPDATE testimonies SET quote = $2, speaker = '' WHERE author_id = $1`, [userId, MARK]);
    await m.query(`UPDATE decisions SET rationale = $2 WHERE decided_by = $1`, [userId, MARK]);
    await m.query(`UPDATE criteria_amendments SET reason = $2 WHERE amended_by = $1`, [userId, MARK]);
    for (const answer of answers)
      await m.query(`UPDATE questionnaire_responses SET answers = $2::jsonb WHERE id = $1`, [
        answer.id,
        JSON.stringify(answer.answers),
      ]);
    // One redaction record per chain that names the person (each organisation, the platform).
    const chains = new Map<string | null, string[]>();
    for (const row of audit) chains.set(row.organizationId, [...(chains.get(row.organizationId) ?? []), row.id]);
    if (!chains.size) chains.set(null, []);
    for (const [organizationId, rowIds] of chains)
      await redactAuditRows(m, {
        rowIds,
        chainOrganizationId: organizationId,
        experimentId: null,
        event: 'user.erased',
        actorId: options.actorId,
        idempotencyKey: `erasure:${userId}:${organizationId ?? 'platform'}`,
        details: { userId, counts },
        at: options.now,
      });
    return { alreadyErased: false, counts };
  });
}
