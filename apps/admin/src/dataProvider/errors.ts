import { HttpError } from 'react-admin';

/** The error codes of the API that the back-office explains in the user's language. */
const EXPLAINED = new Set([
  'TRACK_IN_USE',
  'SELF_LOCKOUT',
  'EMAIL_TAKEN',
  'SLUG_TAKEN',
  'NOT_STARTED',
  'WORKFLOW_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'PILOT_IS_SPONSOR',
  'APPROVER_IS_PILOT',
  'CONSENT_NOT_OWN',
  'CONSENT_ALREADY_GIVEN',
  // The launch checklist's items (libs/domain readiness.ts, READINESS_CODES).
  'HYPOTHESIS_TO_REVISE',
  'HYPOTHESIS_REQUIRED',
  'SCOPE_REQUIRED',
  'CRITERIA_REQUIRED',
  'PILOT_REQUIRED',
  'SPONSOR_REQUIRED',
  'EXPIRY_INVALID',
  'CONSENT_MISSING',
  'EXIT_PLAN_REQUIRED',
]);

/** The API's error code (`{ statusCode, code, message, requestId }`), when the error carries one. */
export function apiErrorCode(error: unknown): string | undefined {
  if (!(error instanceof HttpError)) return undefined;
  const body = error.body as { code?: unknown } | undefined;
  return typeof body?.code === 'string' ? body.code : undefined;
}

/**
 * What to tell the user of a refused request: our own words for the codes we know
 * (`app.errors.<CODE>`), else the server's message, which names the reason.
 */
export function apiErrorMessage(
  error: unknown,
  translate: (key: string, options?: object) => string,
): string {
  const code = apiErrorCode(error);
  const serverMessage = error instanceof Error && error.message ? error.message : String(error);
  if (code && EXPLAINED.has(code)) return translate(`app.errors.${code}`, { _: serverMessage });
  return serverMessage;
}
