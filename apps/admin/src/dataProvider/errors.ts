import type { ErrorCode, ErrorParams, ErrorParamValue } from '@capacites/domain';
import { HttpError } from 'react-admin';

type Translate = (key: string, options?: object) => string;

/** The API's one error shape: `{ statusCode, code, message, params?, fields?, requestId }`. */
interface ErrorBody {
  code?: unknown;
  params?: unknown;
  requestId?: unknown;
}

const bodyOf = (error: unknown): ErrorBody | undefined =>
  error instanceof HttpError ? (error.body as ErrorBody | undefined) : undefined;

/** The API's error code, when the error carries one. */
export function apiErrorCode(error: unknown): ErrorCode | undefined {
  const code = bodyOf(error)?.code;
  return typeof code === 'string' ? (code as ErrorCode) : undefined;
}

const asList = (value: ErrorParamValue): string[] =>
  Array.isArray(value) ? value.map(String) : value === null ? [] : [String(value)];

function dayInWords(v: ErrorParamValue, locale: string): string {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v))
    ? new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Paris',
      }).format(new Date(v))
    : String(v);
}

/**
 * How a parameter is said (by its name, the same in every code of the shared declaration):
 * names of states, roles, actions, fields and readiness items are translated, dates are
 * formatted; the rest (numbers, names people typed) is shown as it is.
 */
const PARAM_WORDS: Record<string, (value: ErrorParamValue, translate: Translate, locale: string) => string> =
  {
    state: (v, t) => t(`resources.experiments.states.${String(v)}`, { _: t('app.errors.noState') }),
    transition: (v, t) => t(`app.events.${String(v)}`, { _: String(v) }),
    action: (v, t) => t(`app.refusals.actions.${String(v)}`, { _: String(v) }),
    roles: (v, t) =>
      asList(v)
        .map((role) => t(`app.refusals.roles.${role}`, { _: role }))
        .join(t('app.refusals.or')),
    missing: (v, t) =>
      asList(v)
        .map((key) => t(`app.readiness.problems.${key}`, { _: key }))
        .join(' '),
    fields: (v, t) =>
      asList(v)
        .map((path) => {
          const field = path.split('.')[0];
          return field === 'exitPlan'
            ? t('app.sections.exitPlan')
            : t(`resources.experiments.fields.${field}`, { _: path });
        })
        .join(', '),
    expiresAt: (v, _t, locale) => dayInWords(v, locale),
    // Questionnaires (issue 14): their status and audience in words, their instants as days.
    status: (v, t) => t(`resources.questionnaires.statuses.${String(v)}`, { _: String(v) }),
    audience: (v, t) => t(`resources.questionnaires.audiences.${String(v)}`, { _: String(v) }),
    opensAt: (v, t, locale) => (v === null ? t('app.errors.noDate', { _: '—' }) : dayInWords(v, locale)),
    closesAt: (v, _t, locale) => dayInWords(v, locale),
    closedAt: (v, t, locale) => (v === null ? t('app.errors.noDate', { _: '—' }) : dayInWords(v, locale)),
  };

/** The parameters as the translation interpolates them (`%{maxDays}`): all in words. */
export function refusalParams(
  params: ErrorParams,
  translate: Translate,
  locale = 'fr',
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      PARAM_WORDS[name]?.(value, translate, locale) ?? asList(value).join(', '),
    ]),
  );
}

/**
 * What to tell the user of a refused request, in their language, from its code and
 * parameters (`app.errors.<CODE>`). The server's English `message` is never shown: a code
 * the back-office does not know yet is named in a translated sentence instead.
 */
export function apiErrorMessage(error: unknown, translate: Translate, locale = 'fr'): string {
  const body = bodyOf(error);
  const code = apiErrorCode(error);
  if (!code) {
    return error instanceof HttpError
      ? translate('app.errors.status', { status: error.status })
      : translate('app.errors.network');
  }
  const params =
    body?.params && typeof body.params === 'object'
      ? refusalParams(body.params as ErrorParams, translate, locale)
      : {};
  const unknown = translate('app.errors.unknown', { code });
  return translate(`app.errors.${code}`, { ...params, _: unknown });
}
