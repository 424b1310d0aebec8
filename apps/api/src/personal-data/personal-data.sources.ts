import type { PersonalDataSection } from '@capacites/domain';

/**
 * Where each category of the access export (RGPD article 15) is read, and by which columns
 * it finds the person: THE mapping of the schema's person references to the export. The
 * completeness test (personal-data.integration-spec.ts) introspects the migrated schema with
 * `listUserReferenceColumns` and fails when a (table, column) naming a person is neither read
 * by a section here nor declared in NOT_PERSONAL_JSON_COLUMNS, and when a column named here
 * no longer exists.
 *
 * Every query takes $1 = the person's id (uuid), $2 = their email in lower case, $3 = their
 * display name, and has a total ORDER BY: it is read through a cursor, a batch at a time.
 * Secrets, hashes and tokens are never selected.
 */
export interface SectionSource {
  section: PersonalDataSection;
  /** The `table.column` pairs by which this section finds the person. */
  columns: readonly string[];
  sql: string;
}

const ME = '$1::uuid';
const MY_EMAIL = '$2::text';
const MY_NAME = '$3::text';
const nameOf = (column: string) => `(SELECT x.display_name FROM users x WHERE x.id = ${column})`;
const experimentTitle = (column: string) => `(SELECT x.title FROM experiments x WHERE x.id = ${column})`;
const organizationName = (column: string) => `(SELECT x.name FROM organizations x WHERE x.id = ${column})`;
const isParticipant = (alias: string) =>
  `${alias}.participants @> jsonb_build_array(jsonb_build_object('userId', ${ME}::text))`;
/** The person approved or refused a launch waiting for approval (four-eyes). */
const approved = (alias: string) =>
  `EXISTS (SELECT 1 FROM audit_events ap WHERE ap.experiment_id = ${alias}.id AND ap.actor_id = ${ME}
             AND (ap.event = 'launchRefused' OR (ap.event = 'launch' AND ap.details ? 'approval')))`;

export const SECTION_SOURCES: readonly SectionSource[] = [
  {
    section: 'profile',
    columns: ['users.email'],
    sql: `SELECT u.id, u.email, u.display_name AS "displayName", u.created_at AS "createdAt",
                 u.disabled_at AS "disabledAt", u.oidc_allowed AS "oidcAllowed", u.oidc_issuer AS "oidcIssuer",
                 u.oidc_subject AS "oidcSubject", u.oidc_linked_at AS "oidcLinkedAt",
                 u.totp_enabled_at AS "totpEnabledAt", u.digest_opted_out_at AS "digestOptedOutAt"
            FROM users u WHERE u.id = ${ME} ORDER BY u.id`,
  },
  {
    section: 'memberships',
    columns: ['memberships.user_id'],
    sql: `SELECT m.organization_id AS "organizationId", o.name AS organization, o.time_zone AS "timeZone", m.role
            FROM memberships m JOIN organizations o ON o.id = m.organization_id
           WHERE m.user_id = ${ME} ORDER BY o.name, m.organization_id, m.role`,
  },
  {
    section: 'experiments',
    columns: [
      'experiments.pilot_ids',
      'experiments.sponsor_id',
      'experiments.participants',
      'experiments.created_by',
      'experiments.launch_requested_by',
    ],
    sql: `SELECT e.id, e.title, ${organizationName('e.organization_id')} AS organization, e.state,
                 (SELECT t.name FROM tracks t WHERE t.id = e.track_id) AS track,
                 array_remove(ARRAY[
                   CASE WHEN ${ME} = ANY(e.pilot_ids) THEN 'pilot' END,
                   CASE WHEN e.sponsor_id = ${ME} THEN 'sponsor' END,
                   CASE WHEN ${isParticipant('e')} THEN 'participant' END,
                   CASE WHEN e.created_by = ${ME} THEN 'creator' END,
                   CASE WHEN e.launch_requested_by = ${ME} THEN 'launchRequester' END,
                   CASE WHEN ${approved('e')} THEN 'approver' END
                 ], NULL) AS roles,
                 e.hypothesis, e.vision, e.scope, e.criteria, e.exit_plan AS "exitPlan",
                 (SELECT coalesce(jsonb_agg(x.display_name ORDER BY x.display_name), '[]'::jsonb)
                    FROM users x WHERE x.id = ANY(e.pilot_ids)) AS pilots,
                 ${nameOf('e.sponsor_id')} AS sponsor,
                 e.expires_at AS "expiresAt", e.launched_at AS "launchedAt", e.stopped_at AS "stoppedAt",
                 e.iteration, e.created_at AS "createdAt"
            FROM experiments e
           WHERE ${ME} = ANY(e.pilot_ids) OR e.sponsor_id = ${ME} OR e.created_by = ${ME}
              OR e.launch_requested_by = ${ME} OR ${isParticipant('e')} OR ${approved('e')}
           ORDER BY e.created_at, e.id`,
  },
  {
    // The participant's own entry of each test: consent, withdrawal, notice version, and a
    // consent HR entered for them (collected on paper, by email, in a meeting).
    section: 'consents',
    columns: ['experiments.participants'],
    sql: `SELECT e.id AS "experimentId", e.title AS experiment, ${organizationName('e.organization_id')} AS organization,
                 p->>'consentedAt' AS "consentedAt", p->>'withdrawnAt' AS "withdrawnAt",
                 p->>'noticeVersion' AS "noticeVersion",
                 CASE WHEN p->'onBehalf' IS NULL OR p->'onBehalf' = 'null'::jsonb THEN NULL
                      ELSE (p->'onBehalf') - 'recordedBy'
                           || jsonb_build_object('recordedBy', ${nameOf(`(p->'onBehalf'->>'recordedBy')::uuid`)}) END AS "onBehalf"
            FROM experiments e, jsonb_array_elements(e.participants) p
           WHERE ${isParticipant('e')} AND p->>'userId' = ${ME}::text
           ORDER BY e.created_at, e.id`,
  },
  {
    section: 'checkIns',
    columns: ['check_ins.author_id'],
    sql: `SELECT c.id, c.experiment_id AS "experimentId", ${experimentTitle('c.experiment_id')} AS experiment,
                 c.weather, c.progress, c.blockers, c.recorded_at AS "recordedAt"
            FROM check_ins c WHERE c.author_id = ${ME} ORDER BY c.recorded_at, c.id`,
  },
  {
    section: 'evaluations',
    columns: ['evaluations.submitted_by', 'evaluations.learnings_shared_by', 'evaluations.amendments'],
    sql: `SELECT v.experiment_id AS "experimentId", ${experimentTitle('v.experiment_id')} AS experiment,
                 array_remove(ARRAY[
                   CASE WHEN v.submitted_by = ${ME} THEN 'submitter' END,
                   CASE WHEN v.learnings_shared_by = ${ME} THEN 'sharer' END,
                   CASE WHEN v.amendments @> jsonb_build_array(jsonb_build_object('amendedBy', ${ME}::text)) THEN 'amender' END
                 ], NULL) AS roles,
                 v.verdict, v.criterion_results AS "criterionResults", v.users_voice AS "usersVoice", v.learnings,
                 v.submitted_at AS "submittedAt", v.learnings_shared_at AS "learningsSharedAt"
            FROM evaluations v
           WHERE v.submitted_by = ${ME} OR v.learnings_shared_by = ${ME}
              OR v.amendments @> jsonb_build_array(jsonb_build_object('amendedBy', ${ME}::text))
           ORDER BY v.submitted_at, v.experiment_id`,
  },
  {
    section: 'decisions',
    columns: ['decisions.decided_by'],
    sql: `SELECT d.experiment_id AS "experimentId", ${experimentTitle('d.experiment_id')} AS experiment,
                 d.outcome, d.rationale, d.handover, d.next_focus AS "nextFocus", d.decided_at AS "decidedAt"
            FROM decisions d WHERE d.decided_by = ${ME} ORDER BY d.decided_at, d.experiment_id`,
  },
  {
    section: 'criteriaAmendments',
    columns: ['criteria_amendments.amended_by'],
    sql: `SELECT a.id, a.experiment_id AS "experimentId", ${experimentTitle('a.experiment_id')} AS experiment,
                 a.reason, a.criteria, a.amended_at AS "amendedAt"
            FROM criteria_amendments a WHERE a.amended_by = ${ME} ORDER BY a.amended_at, a.id`,
  },
  {
    // Collected by the person, or quoting them by name (a free text: matched on the exact name).
    section: 'testimonies',
    columns: ['testimonies.author_id'],
    sql: `SELECT t.id, t.experiment_id AS "experimentId", ${experimentTitle('t.experiment_id')} AS experiment,
                 array_remove(ARRAY[
                   CASE WHEN t.author_id = ${ME} THEN 'author' END,
                   CASE WHEN lower(t.speaker) = lower(${MY_NAME}) THEN 'speaker' END
                 ], NULL) AS roles,
                 t.quote, t.speaker, t.speaker_role AS "speakerRole", t.source, t.collected_at::text AS "collectedAt",
                 t.shareable, t.created_at AS "createdAt", t.updated_at AS "updatedAt"
            FROM testimonies t
           WHERE t.author_id = ${ME} OR (${MY_NAME} <> '' AND lower(t.speaker) = lower(${MY_NAME}))
           ORDER BY t.created_at, t.id`,
  },
  {
    // Answers linked to the person only: the public's anonymous answers have no user and are
    // never read here.
    section: 'questionnaireResponses',
    columns: ['questionnaire_responses.respondent_user_id'],
    sql: `SELECT r.id, q.title AS questionnaire, q.experiment_id AS "experimentId",
                 ${experimentTitle('q.experiment_id')} AS experiment, q.questions, r.answers,
                 r.submitted_at AS "submittedAt", r.updated_at AS "updatedAt"
            FROM questionnaire_responses r JOIN questionnaires q ON q.id = r.questionnaire_id
           WHERE r.respondent_user_id = ${ME} ORDER BY r.submitted_at, r.id`,
  },
  {
    section: 'questionnaires',
    columns: ['questionnaires.created_by'],
    sql: `SELECT q.id, q.title, q.experiment_id AS "experimentId", ${experimentTitle('q.experiment_id')} AS experiment,
                 q.audience, q.status, q.questions, q.created_at AS "createdAt"
            FROM questionnaires q WHERE q.created_by = ${ME} ORDER BY q.created_at, q.id`,
  },
  {
    section: 'notifications',
    columns: ['notifications.recipient_id'],
    sql: `SELECT n.id, n.event, ${experimentTitle('n.experiment_id')} AS experiment, n.subject, n.body, n.link,
                 n.created_at AS "createdAt", n.read_at AS "readAt"
            FROM notifications n WHERE n.recipient_id = ${ME} ORDER BY n.created_at, n.id`,
  },
  {
    section: 'emails',
    columns: ['emails.to_address'],
    sql: `SELECT m.id, m.to_address AS "toAddress", m.subject, m.text, m.status, m.created_at AS "createdAt",
                 m.sent_at AS "sentAt"
            FROM emails m WHERE lower(m.to_address) = ${MY_EMAIL} ORDER BY m.created_at, m.id`,
  },
  {
    section: 'calendarSubscriptions',
    columns: ['calendar_subscriptions.user_id'],
    sql: `SELECT s.created_at AS "createdAt", s.last_used_at AS "lastUsedAt"
            FROM calendar_subscriptions s WHERE s.user_id = ${ME} ORDER BY s.created_at`,
  },
  {
    section: 'committeeSessions',
    columns: [
      'committee_sessions.created_by',
      'committee_sessions.recorded_by',
      'committee_sessions.attendees',
    ],
    sql: `SELECT s.id, s.title, ${organizationName('s.organization_id')} AS organization, s.held_on::text AS "heldOn",
                 s.status,
                 array_remove(ARRAY[
                   CASE WHEN s.created_by = ${ME} THEN 'creator' END,
                   CASE WHEN s.recorded_by = ${ME} THEN 'recorder' END,
                   CASE WHEN s.attendees @> jsonb_build_array(jsonb_build_object('name', ${MY_NAME})) THEN 'attendee' END
                 ], NULL) AS roles,
                 s.items, s.attendees, s.recorded_at AS "recordedAt", s.created_at AS "createdAt"
            FROM committee_sessions s
           WHERE s.created_by = ${ME} OR s.recorded_by = ${ME}
              OR s.attendees @> jsonb_build_array(jsonb_build_object('name', ${MY_NAME}))
           ORDER BY s.held_on, s.id`,
  },
  {
    // The documents of the sessions whose minutes the person recorded: what and when, with
    // the fingerprint that identifies the immutable PDF (downloadable from the session).
    section: 'committeeDocuments',
    columns: ['committee_sessions.recorded_by'],
    sql: `SELECT d.id, d.session_id AS "sessionId", s.title, d.kind, d.sha256, d.created_at AS "createdAt"
            FROM committee_documents d JOIN committee_sessions s ON s.id = d.session_id
           WHERE s.recorded_by = ${ME} ORDER BY d.created_at, d.id`,
  },
  {
    section: 'shareLinks',
    columns: ['share_links.created_by', 'share_links.revoked_by', 'share_links.recipient'],
    sql: `SELECT l.id, l.kind, l.recipient,
                 array_remove(ARRAY[
                   CASE WHEN l.created_by = ${ME} THEN 'creator' END,
                   CASE WHEN l.revoked_by = ${ME} THEN 'revoker' END,
                   CASE WHEN lower(l.recipient) = ${MY_EMAIL} THEN 'recipient' END
                 ], NULL) AS roles,
                 l.expires_at AS "expiresAt", l.revoked_at AS "revokedAt", l.open_count AS "openCount",
                 l.created_at AS "createdAt"
            FROM share_links l
           WHERE l.created_by = ${ME} OR l.revoked_by = ${ME} OR lower(l.recipient) = ${MY_EMAIL}
           ORDER BY l.created_at, l.id`,
  },
  {
    section: 'templates',
    columns: ['experiment_templates.created_by'],
    sql: `SELECT t.id, t.name, t.description, (SELECT k.name FROM tracks k WHERE k.id = t.track_id) AS track,
                 t.hypothesis, t.archived_at AS "archivedAt", t.created_at AS "createdAt"
            FROM experiment_templates t WHERE t.created_by = ${ME} ORDER BY t.created_at, t.id`,
  },
  {
    section: 'templateRequirements',
    columns: ['template_requirements.created_by'],
    sql: `SELECT r.id, ${organizationName('r.organization_id')} AS organization,
                 (SELECT k.name FROM tracks k WHERE k.id = r.track_id) AS track, r.created_at AS "createdAt"
            FROM template_requirements r WHERE r.created_by = ${ME} ORDER BY r.created_at, r.id`,
  },
  {
    // The host only: a chat webhook's URL is a secret.
    section: 'webhookEndpoints',
    columns: ['webhook_endpoints.created_by'],
    sql: `SELECT w.id, w.name, w.kind, substring(w.url from '^[a-z]+://[^/?#]+') AS host, w.events,
                 w.disabled_at AS "disabledAt", w.created_at AS "createdAt"
            FROM webhook_endpoints w WHERE w.created_by = ${ME} ORDER BY w.created_at, w.id`,
  },
  {
    // What was sent to the organisation's integrations naming the person (kept 7 days).
    section: 'webhookMessages',
    columns: ['webhook_messages.payload'],
    sql: `SELECT w.id, w.type, w.payload, w.created_at AS "createdAt"
            FROM webhook_messages w WHERE w.payload::text LIKE '%' || ${ME}::text || '%'
           ORDER BY w.created_at, w.id`,
  },
  {
    section: 'serviceAccounts',
    columns: ['service_accounts.created_by', 'service_accounts.revoked_by'],
    sql: `SELECT a.id, a.name, a.scope, a.token_prefix AS "tokenPrefix",
                 array_remove(ARRAY[
                   CASE WHEN a.created_by = ${ME} THEN 'creator' END,
                   CASE WHEN a.revoked_by = ${ME} THEN 'revoker' END
                 ], NULL) AS roles,
                 a.expires_at AS "expiresAt", a.revoked_at AS "revokedAt", a.last_used_at AS "lastUsedAt",
                 a.created_at AS "createdAt"
            FROM service_accounts a WHERE a.created_by = ${ME} OR a.revoked_by = ${ME}
           ORDER BY a.created_at, a.id`,
  },
  {
    section: 'imports',
    columns: ['experiment_imports.created_by'],
    sql: `SELECT i.id, i.file_name AS "fileName", i.status, i.total_rows AS "totalRows",
                 i.created_count AS "createdCount", i.created_at AS "createdAt"
            FROM experiment_imports i WHERE i.created_by = ${ME} ORDER BY i.created_at, i.id`,
  },
  {
    // Metadata only: never the token's hash nor the provider's ID token.
    section: 'sessions',
    columns: ['sessions.user_id'],
    sql: `SELECT s.id, s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
                 s.revoked_at AS "revokedAt", (s.id_token IS NOT NULL) AS "viaProConnect"
            FROM sessions s WHERE s.user_id = ${ME} ORDER BY s.created_at, s.id`,
  },
  {
    section: 'recoveryCodes',
    columns: ['recovery_codes.user_id'],
    sql: `SELECT c.id, c.created_at AS "createdAt", c.used_at AS "usedAt"
            FROM recovery_codes c WHERE c.user_id = ${ME} ORDER BY c.created_at, c.id`,
  },
  {
    section: 'pendingLogins',
    columns: ['pending_logins.user_id'],
    sql: `SELECT p.kind, p.attempts, p.expires_at AS "expiresAt"
            FROM pending_logins p WHERE p.user_id = ${ME} ORDER BY p.expires_at, p.token_hash`,
  },
  {
    // The per-account counter of failed logins is keyed by the address typed.
    section: 'loginAttempts',
    columns: [],
    sql: `SELECT a.window_start AS "windowStart", a.attempts, a.expires_at AS "expiresAt"
            FROM login_attempts a WHERE a.bucket = 'account:' || ${MY_EMAIL} ORDER BY a.window_start`,
  },
  {
    // The person acted, or an act names them in its details (a consent entered for them, a
    // role given, a reassignment, a membership removed…).
    section: 'auditEvents',
    columns: ['audit_events.actor_id', 'audit_events.details'],
    sql: `SELECT a.id, a.occurred_at AS "occurredAt", a.event, ${organizationName('a.organization_id')} AS organization,
                 a.experiment_id AS "experimentId", ${experimentTitle('a.experiment_id')} AS experiment,
                 CASE WHEN a.actor_id = ${ME} THEN 'author' ELSE 'named' END AS relation,
                 ${nameOf('a.actor_id')} AS actor, a.from_state AS "fromState", a.to_state AS "toState",
                 a.reason, a.details
            FROM audit_events a
           WHERE a.actor_id = ${ME} OR a.details::text LIKE '%' || ${ME}::text || '%'
           ORDER BY a.occurred_at, a.id`,
  },
];

/**
 * JSON columns that hold no person (the completeness check lists every JSON column, since
 * introspection cannot see into them): why each is left out of the person's export.
 */
export const NOT_PERSONAL_JSON_COLUMNS: Readonly<Record<string, string>> = {
  'organizations.settings': "the organisation's lifecycle settings",
  'organizations.digest_settings': "the organisation's digest settings (roles, not people)",
  'experiments.criteria': 'criteria of a test (exported with the test)',
  'experiments.exit_plan': 'exit plan of a test, free text (exported with the test)',
  'experiments.settings_snapshot': 'settings frozen at launch',
  'criteria_amendments.criteria': 'the criteria an amendment sets (exported with the amendment)',
  'decisions.handover': 'handover texts (exported with the decision)',
  'evaluations.criterion_results': 'per-criterion results (exported with the evaluation)',
  'evaluations.users_voice': 'sources and counts of the users’ voice, no person',
  'evaluations.criteria_at_launch': 'criteria as launched',
  'questionnaires.questions': 'the questions (exported with the answers)',
  'questionnaire_responses.answers': 'the answers, found by respondent_user_id',
  'experiment_templates.criteria': 'template criteria',
  'experiment_templates.exit_plan': 'template exit plan',
  'experiment_templates.questionnaires': 'template questionnaire skeletons',
  'experiment_imports.rows': "an import's working copy of its rows: the tests it created are exported",
  'experiment_imports.errors': "an import's cell errors",
  'experiment_imports.by_state': "an import's counts",
  'committee_sessions.items': 'agenda items: tests and outcomes, no person',
};

/** Every `table.column` of the mapping: those read by a section, and the JSON ones declared empty. */
export function personalDataMapping(): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const source of SECTION_SOURCES)
    for (const column of source.columns) if (!mapping.has(column)) mapping.set(column, source.section);
  for (const [column, why] of Object.entries(NOT_PERSONAL_JSON_COLUMNS)) mapping.set(column, `none: ${why}`);
  return mapping;
}

/** What the completeness check finds: person columns the export ignores, mapped columns gone. */
export interface PersonalDataCoverage {
  /** `table.column` naming a person (introspected) that no section reads and none is declared empty. */
  unmapped: string[];
  /** `table.column` of the mapping that the schema no longer has. */
  stale: string[];
}

/**
 * Compares the mapping with the schema: `references` are the person columns found by
 * `listUserReferenceColumns(db, { json: true, email: true })`, `existing` every `table.column`
 * of the schema.
 */
export function personalDataCoverage(
  references: readonly { table: string; column: string }[],
  existing: ReadonlySet<string>,
  mapping: ReadonlyMap<string, string> = personalDataMapping(),
): PersonalDataCoverage {
  return {
    unmapped: references.map((r) => `${r.table}.${r.column}`).filter((key) => !mapping.has(key)),
    stale: [...mapping.keys()].filter((key) => !existing.has(key)),
  };
}
