import { z } from 'zod';
import { TERMINAL_STATES, type ExperimentState } from '../experiment/experiment-state';

/**
 * Retention of a closed test's personal data (issue 17, item 3). A test is closed once its
 * lifecycle has ended: decided (perpetuated, abandoned, iterated and replaced) or cancelled.
 * `retentionDays` after it closed, its personal data is pseudonymised: people become
 * "Participant N", free texts written by individuals are removed; the decision, its kind and
 * dates, the criteria results and the counts stay.
 *
 * Default: 2 years (730 days) after closing. The CNIL's référentiel on HR management
 * ("gestion du personnel", délibération n° 2019-160 of 21 November 2019) asks that data be kept
 * in the active base only as long as its purpose needs, then deleted or archived; two years
 * after the decision is the period the CNIL itself uses for HR data no longer in active use
 * (docs/rgpd.md, "Retention", says which and how the DPO changes it).
 */
export const RETENTION_DEFAULT_DAYS = 730;
/** Below, a test's evaluation could not be reviewed by the next CODIR cycle. */
export const RETENTION_MIN_DAYS = 30;
/** Above, it is no longer a retention period (10 years). */
export const RETENTION_MAX_DAYS = 3650;

/** What replaces a removed free text, everywhere (tables and the audit trail). */
export const PERSONAL_TEXT_REMOVED = '[supprimé]';

export const CLOSED_STATES: readonly ExperimentState[] = TERMINAL_STATES;

export function isClosedState(state: ExperimentState): boolean {
  return CLOSED_STATES.includes(state);
}

export const retentionSettingsSchema = z
  .object({
    retentionDays: z
      .number({ error: 'a whole number of days' })
      .int({ error: 'a whole number of days' })
      .min(RETENTION_MIN_DAYS, { error: `at least ${RETENTION_MIN_DAYS} days` })
      .max(RETENTION_MAX_DAYS, { error: `at most ${RETENTION_MAX_DAYS} days` }),
  })
  .strict();
export type RetentionSettingsInput = z.infer<typeof retentionSettingsSchema>;

/** The period in force: the organisation's own, or the default. */
export function effectiveRetentionDays(custom: number | null | undefined): number {
  return custom ?? RETENTION_DEFAULT_DAYS;
}

const DAY_MS = 86_400_000;

/** When a test closed at `closedAt` is due for pseudonymisation. */
export function retentionDueAt(closedAt: Date, retentionDays: number): Date {
  return new Date(closedAt.getTime() + retentionDays * DAY_MS);
}

export function isRetentionDue(closedAt: Date, retentionDays: number, now: Date): boolean {
  return retentionDueAt(closedAt, retentionDays).getTime() <= now.getTime();
}

/** Stable pseudonym of the n-th person (1-based) of a test. */
export function pseudonymLabel(n: number): string {
  return `Participant ${n}`;
}

/** Display name of an erased account. */
export function erasedAccountLabel(userId: string): string {
  return `Compte supprimé ${userId.slice(0, 8)}`;
}

/** Order in which a test's people get their pseudonym: pilots, sponsor, participants, others. */
export function orderPeopleForPseudonyms(people: {
  pilots: readonly string[];
  sponsor: string | null;
  participants: readonly string[];
  others: readonly string[];
}): string[] {
  const seen = new Set<string>();
  const ordered: string[] = [];
  const add = (id: string | null) => {
    if (id && !seen.has(id)) {
      seen.add(id);
      ordered.push(id);
    }
  };
  people.pilots.forEach(add);
  add(people.sponsor);
  people.participants.forEach(add);
  [...people.others].sort().forEach(add);
  return ordered;
}

/**
 * What happens to a column naming a person:
 * - `pseudonymise`: in a closed test's rows, the person is replaced by the test's pseudonym
 *   (a pseudonymous account "Participant N"); on erasure the account itself is pseudonymised,
 *   so the reference already points at no one;
 * - `delete`: the rows go (sessions, codes…) when the account is erased;
 * - `keep`: the id stays as a pseudonymous reference (the account, once erased, names no one),
 *   so that counts, decisions and the audit chain still hold.
 */
export type PersonColumnAction = 'pseudonymise' | 'delete' | 'keep';

export interface PersonColumnRule {
  table: string;
  column: string;
  /** On a closed test past its period. `n/a`: not a test's data. */
  retention: PersonColumnAction | 'n/a';
  /** On the erasure of the account. */
  erasure: PersonColumnAction;
  why: string;
}

const r = (
  table: string,
  column: string,
  retention: PersonColumnRule['retention'],
  erasure: PersonColumnAction,
  why: string,
): PersonColumnRule => ({ table, column, retention, erasure, why });

/**
 * Every column of the schema that names a person (listUserReferenceColumns in
 * libs/persistence), with its rule. The coverage test fails when a column has none.
 */
export const PERSON_COLUMN_RULES: readonly PersonColumnRule[] = [
  r('audit_events', 'actor_id', 'keep', 'keep', 'append-only and hash-chained: the id stays, the account it names is pseudonymised; reasons and personal values are redacted through audit_events_redact'),
  r('calendar_subscriptions', 'user_id', 'n/a', 'delete', 'a personal feed token: no use without the person'),
  r('check_ins', 'author_id', 'pseudonymise', 'keep', 'who wrote a check-in; its texts are removed'),
  r('committee_sessions', 'created_by', 'n/a', 'keep', 'an act of the organisation; the erased account names no one'),
  r('committee_sessions', 'recorded_by', 'n/a', 'keep', 'an act of the organisation; the erased account names no one'),
  r('criteria_amendments', 'amended_by', 'pseudonymise', 'keep', 'who amended the criteria; the amendment itself is kept'),
  r('decisions', 'decided_by', 'pseudonymise', 'keep', 'the decision, its kind and date are kept; the rationale is removed'),
  r('evaluations', 'learnings_shared_by', 'pseudonymise', 'keep', 'who shared the learnings'),
  r('evaluations', 'submitted_by', 'pseudonymise', 'keep', 'who submitted; verdict and criteria results are kept'),
  r('experiment_imports', 'created_by', 'n/a', 'keep', 'an import run of the organisation'),
  r('experiment_templates', 'created_by', 'n/a', 'keep', 'a template of the organisation'),
  r('experiments', 'created_by', 'pseudonymise', 'keep', 'who created the test'),
  r('experiments', 'launch_requested_by', 'pseudonymise', 'keep', 'who asked for the launch'),
  r('experiments', 'pilot_ids', 'pseudonymise', 'keep', 'the pilots become "Participant N"'),
  r('experiments', 'sponsor_id', 'pseudonymise', 'keep', 'the sponsor becomes "Participant N"'),
  r('memberships', 'user_id', 'n/a', 'delete', 'an erased account belongs to no organisation'),
  r('notifications', 'recipient_id', 'n/a', 'delete', "the person's own inbox, texts naming the test and people"),
  r('pending_logins', 'user_id', 'n/a', 'delete', 'a login under way'),
  r('questionnaire_responses', 'respondent_user_id', 'pseudonymise', 'keep', 'answers still count; free texts of non-anonymous questions are removed'),
  r('questionnaires', 'created_by', 'pseudonymise', 'keep', 'who built the questionnaire'),
  r('recovery_codes', 'user_id', 'n/a', 'delete', 'second-factor codes'),
  r('service_accounts', 'created_by', 'n/a', 'keep', 'an integration of the organisation'),
  r('service_accounts', 'revoked_by', 'n/a', 'keep', 'an integration of the organisation'),
  r('sessions', 'user_id', 'n/a', 'delete', 'login sessions'),
  r('share_links', 'created_by', 'n/a', 'keep', 'a link of the organisation'),
  r('share_links', 'revoked_by', 'n/a', 'keep', 'a link of the organisation'),
  r('template_requirements', 'created_by', 'n/a', 'keep', 'a setting of the organisation'),
  r('testimonies', 'author_id', 'pseudonymise', 'keep', 'who collected it; the quote and speaker are removed'),
  r('webhook_endpoints', 'created_by', 'n/a', 'keep', 'an integration of the organisation'),
];

/** The rule of a (table, column), if any. */
export function personColumnRule(table: string, column: string): PersonColumnRule | undefined {
  return PERSON_COLUMN_RULES.find((rule) => rule.table === table && rule.column === column);
}

/** Free texts written by individuals, by table, and what the retention run does to them. */
export const PERSONAL_FREE_TEXTS: readonly { table: string; columns: readonly string[]; action: string }[] = [
  { table: 'check_ins', columns: ['progress', 'blockers'], action: 'replaced by the marker (weather kept)' },
  { table: 'testimonies', columns: ['quote', 'speaker'], action: 'replaced by the marker, speaker emptied (role and source kept)' },
  { table: 'decisions', columns: ['rationale'], action: 'replaced by the marker (kind, dates, handover plan kept)' },
  { table: 'experiments', columns: ['participants[].onBehalf.note'], action: 'consent notes removed' },
  { table: 'questionnaire_responses', columns: ['answers (text questions, not anonymous)'], action: 'replaced by the marker' },
  { table: 'notifications', columns: ['title', 'body'], action: "the test's notifications deleted" },
  { table: 'emails', columns: ['subject', 'body'], action: "the emails of those notifications deleted" },
  { table: 'audit_events', columns: ['reason', 'details (free-text values)'], action: 'redacted through audit_events_redact, hash-chain proof kept' },
];

/** Keys of an audit record's `details` whose values are personal free text. */
export const AUDIT_PERSONAL_DETAIL_KEYS: readonly string[] = [
  'changes',
  'note',
  'rationale',
  'reason',
  'quote',
  'speaker',
  'progress',
  'blockers',
  'text',
  'comment',
  'email',
  'displayName',
];

/** Counts of what a retention pass does, or would do (dry run), to one test. */
export interface RetentionCounts {
  people: number;
  checkIns: number;
  testimonies: number;
  decisions: number;
  consentNotes: number;
  questionnaireAnswers: number;
  notifications: number;
  emails: number;
  auditRows: number;
}

export interface RetentionCandidate {
  experimentId: string;
  organizationId: string;
  title: string;
  state: ExperimentState;
  closedAt: string;
  dueAt: string;
}

export interface RetentionPlanItem extends RetentionCandidate {
  counts: RetentionCounts;
}

export interface RetentionPreview {
  organizationId: string | null;
  retentionDays: number | null;
  now: string;
  /** Tests past their period: what the next run pseudonymises. */
  due: RetentionPlanItem[];
  totals: RetentionCounts;
  /** The next tests to become due (not yet). */
  upcoming: RetentionCandidate[];
}

export interface RetentionRun {
  id: string;
  experimentId: string | null;
  occurredAt: string;
  counts: Partial<RetentionCounts> & { workflowHistories?: number };
}

export interface RetentionSettings {
  organizationId: string;
  retentionDays: number;
  custom: boolean;
  defaultDays: number;
  minDays: number;
  maxDays: number;
}

/** What erasing an account does (dry run) or did. */
export interface ErasureCounts {
  sessions: number;
  recoveryCodes: number;
  memberships: number;
  notifications: number;
  calendarSubscriptions: number;
  checkIns: number;
  testimonies: number;
  decisions: number;
  questionnaireAnswers: number;
  auditRows: number;
}

export interface ErasureReport {
  userId: string;
  dryRun: boolean;
  alreadyErased: boolean;
  counts: ErasureCounts;
}

export const erasureRequestSchema = z
  .object({
    dryRun: z.boolean().default(true),
    /** Required to erase: the account's email, typed again. */
    confirmEmail: z.string().optional(),
  })
  .strict();
export type ErasureRequest = z.infer<typeof erasureRequestSchema>;

export const ZERO_RETENTION_COUNTS: RetentionCounts = {
  people: 0,
  checkIns: 0,
  testimonies: 0,
  decisions: 0,
  consentNotes: 0,
  questionnaireAnswers: 0,
  notifications: 0,
  emails: 0,
  auditRows: 0,
};

export function addRetentionCounts(a: RetentionCounts, b: RetentionCounts): RetentionCounts {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof RetentionCounts)[]) out[key] += b[key];
  return out;
}

/** The (table, column) pairs naming a person that have no rule: the coverage test wants none. */
export function uncoveredPersonColumns(
  columns: readonly { table: string; column: string }[],
): { table: string; column: string }[] {
  return columns
    .filter((c) => !personColumnRule(c.table, c.column))
    .map((c) => ({ table: c.table, column: c.column }));
}
