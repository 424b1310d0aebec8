// The one declaration of the reasons a request or a transition is refused: every error answer
// of the API carries one of these codes with its parameters (`{ code, params }`), and the
// back-office translates each (app.errors.<CODE>, French first). The English text here is the
// API's `message`, for logs and scripts; a person reads the back-office's translation.
// No zod and nothing else heavy: the workflow sandbox imports it.

import { LIFECYCLE_ACTIONS } from '../experiment/actions';
import { QUESTIONNAIRE_ERROR_MESSAGES, QUESTIONNAIRE_FORBIDDEN_ACTIONS } from '../questionnaire/questionnaire-errors';
import { RETENTION_ERROR_MESSAGES } from '../privacy/retention-errors';

/** What a 403 names as refused (FORBIDDEN's `action`): the lifecycle actions and these. */
export const FORBIDDEN_ACTIONS = [
  ...LIFECYCLE_ACTIONS,
  'createExperiment',
  'editFraming',
  'giveConsent',
  'recordConsent',
  'shareLearnings',
  'collectTestimony',
  'editTestimony',
  'manageAccounts',
  'manageTracks',
  'manageOrganizations',
  'readOutbox',
  'readDashboard',
  'decodeWorkflowPayloads',
  ...QUESTIONNAIRE_FORBIDDEN_ACTIONS,
  // Templates and replication (issue 16).
  'manageTemplates',
  'replicateExperiment',
  // Integrations (issue 16): webhooks, chat alerts, service accounts.
  'manageIntegrations',
  // Spreadsheet import (issue 16, item 3).
  'importExperiments',
  // Committee sessions and share links (issue 15).
  'manageCommitteeSessions',
  'recordMinutes',
  'manageShareLinks',
  // Personal data (issue 17, item 2): the right of access for a request received by mail.
  'exportPersonalData',
  // Retention and erasure of personal data (issue 17, item 3).
  'manageRetention',
  'eraseAccount',
] as const;
export type ForbiddenAction = (typeof FORBIDDEN_ACTIONS)[number];

/** Who may do it (FORBIDDEN's `roles`): the roles, plus the people a record names. */
export const FORBIDDEN_ROLES = [
  'admin',
  'hr',
  'pilot',
  'sponsor',
  'codir',
  'member',
  'participant',
  'author',
] as const;
export type ForbiddenRole = (typeof FORBIDDEN_ROLES)[number];

/** A parameter of a refusal: what the translation needs to say it precisely. */
export type ErrorParamValue = string | number | boolean | null | readonly string[];
export type ErrorParams = Readonly<Record<string, ErrorParamValue>>;

/** A list parameter in words (a plain string passes through: see error-codes tests). */
const list = (value: readonly string[] | string | undefined, separator = ', '): string =>
  typeof value === 'string' ? value : (value ?? []).join(separator);

type State = { state: string };

/** A launch refused for one item of the readiness checklist (its code), naming every missing one. */
type NotReady = { missing?: readonly string[]; problems?: readonly string[] };
const notReady = (item: string) => (p: NotReady) =>
  `The experiment is not ready to launch: ${p.problems ? list(p.problems, '; ') : item}.`;

/**
 * Every error code, with the English message built from its parameters. Parameter names are
 * part of the contract: the back-office's translations use them (`%{maxDays}`).
 */
export const ERROR_MESSAGES = {
  // --- the lifecycle's rules (workflow Update validators and handlers) -------------------------
  TRANSITION_NOT_ALLOWED: (p: { transition: string; state: string }) =>
    `"${p.transition}" is not allowed while the experiment is ${p.state}`,
  NOT_READY_TO_LAUNCH: (p: { missing: readonly string[]; problems: readonly string[] }) =>
    `The experiment is not ready to launch (${list(p.missing)}): ${list(p.problems, '; ')}.`,
  // The readiness checklist's items, each its own code (libs/domain readiness.ts).
  HYPOTHESIS_REQUIRED: notReady('a hypothesis is required: no hypothesis, no test'),
  HYPOTHESIS_TO_REVISE: notReady('the hypothesis copied from the previous iteration must be revised'),
  SCOPE_REQUIRED: notReady('the scope (services, sites, people concerned) is required'),
  PILOT_REQUIRED: notReady('at least one pilot is required'),
  SPONSOR_REQUIRED: notReady('an institutional sponsor is required'),
  EXPIRY_INVALID: notReady('the expiry date is missing, past or beyond the maximum duration'),
  CONSENT_MISSING: notReady('every participant must have consented'),
  EXIT_PLAN_REQUIRED: notReady('an exit plan is required: when the pilot withdraws and who takes over'),
  PILOT_IS_SPONSOR: () =>
    'The sponsor must not be one of the pilots: pilot and sponsor of a test are different people.',
  APPROVER_IS_PILOT: () => 'A pilot of the test cannot approve its extension.',
  CONSENT_NOT_OWN: () => 'Only a participant gives or withdraws their own consent.',
  CONSENT_ALREADY_GIVEN: () => 'Consent is already recorded.',
  INPUT_RULES: (p: { fields: readonly string[] }) =>
    `The request breaks a rule between its fields (${list(p.fields)}): the document describes each field alone.`,
  NOTICE_OUTDATED: (p: { current: string }) =>
    `The information notice changed (version ${p.current}): read it again before consenting.`,
  CONSENT_WITHDRAWAL_NOT_RUNNING: (p: State) =>
    `consent is withdrawn through the workflow while the test runs, not while it is ${p.state}`,
  CONSENT_ALREADY_WITHDRAWN: () => 'this participant has already withdrawn their consent',
  CHECK_IN_NOT_RUNNING: (p: State) =>
    `check-ins are recorded while the experiment runs, not while it is ${p.state}`,
  EXTENSION_NOT_RUNNING: (p: State) =>
    `only a running experiment can be extended, not one that is ${p.state}`,
  EXTENSION_PENDING: () => 'an extension request is already waiting for the sponsor',
  NO_EXTENSION_LEFT: (p: { maxExtensions: number }) =>
    `no extension left: at most ${p.maxExtensions} per experiment`,
  EXTENSION_JUSTIFICATION_REQUIRED: () => 'an extension needs a justification',
  EXTENSION_DATE_INVALID: () => 'the new expiry date is not a valid date',
  EXTENSION_NOT_LATER: (p: { expiresAt: string }) =>
    `the new expiry date must be after the current one (${p.expiresAt})`,
  EXTENSION_TOO_LONG: (p: { maxDays: number }) =>
    `the new expiry date must stay within the maximum duration of ${p.maxDays} days from launch`,
  NO_EXTENSION_REQUEST: () => 'there is no extension request to decide on',
  SPONSOR_DECIDES_EXTENSION: () => "only the experiment's sponsor decides on an extension",
  STOP_REASON_REQUIRED: () => 'an early stop needs a reason',
  AMENDMENT_NOT_ALLOWED: (p: State) =>
    `criteria can be amended while running or evaluating, not while ${p.state}`,
  AMENDMENT_REASON_REQUIRED: () => 'an amendment of the criteria needs a reason',
  CRITERIA_REQUIRED: () => 'at least one criterion is required',
  USERS_VOICE_REQUIRED: () =>
    "usersVoice: the users' voice is required: its sources and how many were heard, or why none was",
  CRITERION_RESULTS_MISSING: (p: { criteria: readonly string[] }) =>
    `a result is required for every criterion; missing: ${list(p.criteria)}`,
  CRITERIA_UNKNOWN: (p: { criterionIds: readonly string[] }) => `unknown criteria: ${list(p.criterionIds)}`,
  HANDOVER_REQUIRED: () =>
    'handover: perpetuating needs a handover: when the pilot withdraws and who takes over',
  OUTCOME_UNKNOWN: (p: { outcome: string }) => `unknown outcome "${p.outcome}"`,
  // --- launch approval (four-eyes) and reassignment of pilots and sponsor ----------------------
  LAUNCH_APPROVAL_REQUIRED: () =>
    "This organisation's launches are approved by the sponsor or the CODIR: request the launch instead.",
  LAUNCH_APPROVAL_NOT_REQUIRED: () =>
    'This organisation launches its tests without an approval: launch it directly.',
  LAUNCH_REQUEST_PENDING: () =>
    'A launch request is waiting for its approval: withdraw it first to change or launch the test.',
  NO_LAUNCH_REQUEST: () => 'There is no launch request waiting for an approval.',
  LAUNCH_APPROVER_IS_REQUESTER: () =>
    'Whoever requested the launch cannot approve or refuse it: another person must (four-eyes rule).',
  LAUNCH_APPROVER_IS_PILOT: () => 'A pilot of the test cannot approve its launch.',
  LAUNCH_REFUSAL_REASON_REQUIRED: () => 'A refused launch needs a reason, for the requester.',
  REASSIGNMENT_NOT_ALLOWED: (p: State) =>
    `pilots and sponsor are reassigned while the test runs, is evaluated or decided, not while it is ${p.state}`,
  REASSIGNMENT_UNCHANGED: () => 'The pilots and the sponsor are already these people.',
  REASSIGNMENT_PEOPLE_REQUIRED: () => 'A test under way keeps at least one pilot and a sponsor.',
  PERSON_DISABLED: (p: { field: string }) =>
    `${p.field}: this person's account is disabled: choose someone active in the organisation.`,
  NOT_LAUNCHED: () => 'the experiment has not been launched',
  EXPERIMENT_CLOSED: () => 'The experiment is closed: its lifecycle has ended.',

  // --- experiments (API) ------------------------------------------------------------------------
  EXPERIMENT_NOT_FOUND: () => 'This experiment does not exist.',
  ORGANIZATION_NOT_FOUND: () => 'This organization does not exist.',
  TRACK_NOT_FOUND: () => 'This track does not exist for the organization.',
  WORKFLOW_UNAVAILABLE: () =>
    'The lifecycle engine (Temporal) is unavailable; nothing was changed. Try again shortly.',
  FRAMING_LOCKED: (p: { state: string; fields: readonly string[] }) =>
    `The framing is fixed once the experiment is launched. The experiment is ${p.state}; these fields can no longer change: ${list(p.fields)}.`,
  STATE_CHANGED: () => 'The experiment changed state meanwhile; reload it.',
  CONSENT_CLOSED: (p: State) =>
    p.state === 'running'
      ? 'Consent is given before launch; while the test runs it can only be withdrawn.'
      : `The experiment is ${p.state}: consent no longer changes.`,

  // --- spreadsheet import (API, issue 16 item 3) ------------------------------------------------
  IMPORT_FILE_REQUIRED: () => 'file: send the spreadsheet (XLSX or CSV) as the multipart field "file".',
  IMPORT_FILE_UNREADABLE: (p: { format: string }) =>
    `file: this ${p.format} file cannot be read; use the model file (XLSX or CSV, UTF-8, ";" or "," separated).`,
  IMPORT_FORMAT_UNSUPPORTED: () => 'file: only XLSX and CSV files can be imported.',
  IMPORT_COLUMNS_MISSING: (p: { columns: readonly string[] }) =>
    `file: columns missing from the first line: ${list(p.columns)}.`,
  IMPORT_COLUMNS_UNKNOWN: (p: { columns: readonly string[] }) =>
    `file: unknown columns in the first line: ${list(p.columns)} (the model file lists the columns).`,
  IMPORT_EMPTY: () => 'file: the spreadsheet has no row under its headers.',
  IMPORT_TOO_MANY_ROWS: (p: { max: number }) => `file: at most ${p.max} rows per import.`,
  IMPORT_NOT_FOUND: () => 'This import does not exist.',
  IMPORT_HAS_ERRORS: (p: { errors: number }) =>
    `The dry run found ${p.errors} bad cells: correct the file and send it again; nothing was written.`,

  // --- resources (API) --------------------------------------------------------------------------
  NOT_FOUND: (p: { resource: string }) => `This ${p.resource} does not exist.`,
  SLUG_TAKEN: (p: { slug: string }) => `The slug "${p.slug}" is already taken.`,
  EMAIL_TAKEN: (p: { email: string }) => `A user with the email "${p.email}" already exists.`,
  SELF_LOCKOUT: (p: { change: 'disable' | 'adminRole' }) =>
    p.change === 'disable'
      ? 'You cannot disable your own account.'
      : 'You cannot remove your own admin role.',
  TRACK_IN_USE: (p: { count: number }) =>
    `${p.count} experiment(s) use this track: archive it instead (PUT with "archived": true).`,
  // --- templates and replication (API, issue 16) ------------------------------------------------
  TEMPLATE_REQUIRED: (p: { trackId: string }) =>
    `The organization requires a template for tests of this track (${p.trackId}): start from one of its templates.`,
  TEMPLATE_TRACK_MISMATCH: (p: { trackId: string; templateTrackId: string }) =>
    `The template is for another track (${p.templateTrackId}) than the one given (${p.trackId}).`,
  TEMPLATE_ARCHIVED: () => 'This template is archived: it is offered no more to new tests.',
  TEMPLATE_REQUIREMENT_EXISTS: (p: { trackId: string }) =>
    `The organization already requires a template for the track ${p.trackId}.`,
  REPLICATION_SAME_ORGANIZATION: () =>
    'A test is replicated into another organization; within its own organization, iterate it instead.',
  NOT_STARTED: (p: State) => `Testimonies are collected once the test has started; this one is "${p.state}".`,

  // --- access (API) -----------------------------------------------------------------------------
  UNAUTHENTICATED: () => 'Please log in: no valid session.',
  BAD_CREDENTIALS: () => 'Wrong email or password.',
  WRONG_PASSWORD: () => 'The current password is wrong.',
  TOO_MANY_ATTEMPTS: (p: { retryAfterSeconds: number }) =>
    `Too many login attempts. Try again in ${p.retryAfterSeconds} seconds.`,
  TOTP_INVALID: () => 'Wrong or already used code.',
  PAYLOAD_ENCRYPTION_OFF: () =>
    'Workflow payloads are not encrypted here (no TEMPORAL_PAYLOAD_KEYS): there is nothing to decode.',
  TOTP_ENROLMENT_REQUIRED: () => 'Platform admins must set up a second factor (TOTP) before anything else.',
  TOTP_REQUIRED_FOR_ADMIN: () => 'A platform admin cannot turn off the second factor.',
  TOTP_ALREADY_ENABLED: () => 'The second factor is already on.',
  TOTP_NOT_ENABLED: () => 'The second factor is not on: start the enrolment first.',
  LOGIN_EXPIRED: () => 'This login has expired or used all its attempts: start again with your password.',
  CSRF_REFUSED: () =>
    'Cross-site request refused: send JSON or the X-Capacites-Csrf header, from the back-office origin.',
  FORBIDDEN: (p: { action: ForbiddenAction; roles: readonly ForbiddenRole[] }) =>
    `Your role does not allow this action: "${p.action}" is for ${list(p.roles, ' or ')}.`,

  // --- integrations (API): webhooks, chat alerts, service accounts -----------------------------
  URL_NOT_PUBLIC: (p: { host: string; address: string; range: string }) =>
    `url: ${p.host} is ${p.address} (${p.range}), not a public address: refused unless the platform allows that network.`,
  URL_UNRESOLVABLE: (p: { host: string }) => `url: the name ${p.host} does not resolve.`,
  URL_NOT_HTTPS: (p: { host: string }) =>
    `url: ${p.host} is reached over the internet: use https:// (plain http only towards a network the platform allows).`,
  DELIVERY_IN_PROGRESS: () =>
    'This delivery is still being attempted: resend it once it has succeeded or failed.',
  SERVICE_ACCOUNT_SCOPE: (p: { scope: string }) =>
    `This service account's token (scope "${p.scope}") does not allow this request.`,
  SERVICE_ACCOUNT_EXPIRY_INVALID: (p: { maxDays: number }) =>
    `expiresOn: a service account expires from tomorrow and within ${p.maxDays} days.`,
  SERVICE_ACCOUNT_REVOKED: () => 'This service account is already revoked.',
  ENDPOINT_DISABLED: () => 'This endpoint is disabled: enable it before resending.',
  ENDPOINT_SECRET_NOT_APPLICABLE: () => 'Only a webhook endpoint has a signing secret to rotate.',
  // --- committee sessions (issue 15) -----------------------------------------------------------
  COMMITTEE_SESSION_RECORDED: () =>
    'The minutes of this session are recorded: the session can no longer change.',
  COMMITTEE_MINUTES_IN_PROGRESS: () =>
    'The minutes of this session are being recorded by someone else: wait and reload.',
  SHARE_LINK_EXPIRED: (p: { expiresAt: string }) => `This read-only link expired on ${p.expiresAt}.`,
  SHARE_LINK_REVOKED: (p: { revokedAt: string }) => `This read-only link was revoked on ${p.revokedAt}.`,

  // --- any request (API) ------------------------------------------------------------------------
  VALIDATION_FAILED: (p: { fields: readonly string[] }) => `Invalid input: ${list(p.fields)}.`,
  DATABASE_UNAVAILABLE: () => 'The database is unavailable for now; nothing was changed. Try again shortly.',
  PAYLOAD_TOO_LARGE: (p: { limit: string }) => `The request body is larger than the ${p.limit} limit.`,
  MALFORMED_JSON: () => 'The request body is not valid JSON.',
  UNSUPPORTED_MEDIA_TYPE: () => 'Send the request body as JSON (application/json) in UTF-8.',
  REQUEST_ABORTED: () => 'The request was aborted before its body was received.',
  REQUEST_HEADER_FIELDS_TOO_LARGE: () => 'The request headers are larger than the server accepts.',
  REQUEST_TIMEOUT: () => 'The request was not received in time.',
  TOO_MANY_REQUESTS: () => 'Too Many Requests: try again in a minute.',
  // --- personal data export (RGPD article 15) ---------------------------------------------------
  PERSONAL_DATA_PDF_TOO_LARGE: (p: { records: number; maxRecords: number }) =>
    `This person has more than ${p.maxRecords} records (${p.records} or more): the PDF would take too long to lay out; download the HTML page or the JSON file, which hold the same content.`,
  PERSONAL_DATA_PDF_BUSY: (p: { waiting: number }) =>
    `${p.waiting} PDF exports are already waiting: try again in a few minutes, or download the HTML page or the JSON file.`,
  METHOD_NOT_ALLOWED: () => 'This method is not allowed here.',
  BAD_REQUEST: () => 'The request is malformed.',
  INTERNAL_ERROR: () => 'An unexpected error occurred; it has been logged.',
  HTTP_ERROR: () => 'The request failed.',

  // --- questionnaires (issue 14), declared in questionnaire/questionnaire-errors.ts --------------
  ...QUESTIONNAIRE_ERROR_MESSAGES,
  // --- retention and erasure (issue 17, item 3), declared in privacy/retention-errors.ts -------
  ...RETENTION_ERROR_MESSAGES,
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** The parameters a code takes (an empty object for those that take none). */
export type ErrorParamsOf<C extends ErrorCode> =
  Parameters<(typeof ERROR_MESSAGES)[C]> extends [infer P] ? P : Record<string, never>;

/** A refusal as it travels: its code and parameters (workflow failure details, API error body). */
export interface Refusal<C extends ErrorCode = ErrorCode> {
  code: C;
  params: ErrorParams;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

/** The English message of a refusal (the API's `message`). */
export function errorMessage<C extends ErrorCode>(code: C, params: ErrorParamsOf<C>): string {
  return (ERROR_MESSAGES[code] as (p: ErrorParamsOf<C>) => string)(params);
}
