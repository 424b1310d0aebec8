import { DEFAULT_LIFECYCLE_SETTINGS, type LifecycleSettings } from '@capacites/domain';

type Values = Record<string, unknown>;

/** Every lifecycle setting an organisation may change (the time zone is its own field). */
export const SETTING_KEYS = [
  'maxDurationDays',
  'maxExtensions',
  'preExpiryReminderDays',
  'evaluationDueDays',
  'dueReminderDays',
  'codirEscalationDays',
  'decisionDueDays',
  'defaultCheckInCadenceDays',
  'missedCheckInsBeforeAlert',
  'reminderHour',
  'launchApproval',
  'launchApprovalReminderDays',
] as const satisfies readonly Exclude<keyof LifecycleSettings, 'timeZone'>[];

export type SettingKey = (typeof SETTING_KEYS)[number];

/** The calendar's settings (issue 15), edited by CodirCycleSettings, sent with the others. */
export const CALENDAR_SETTING_KEYS = ['departement', 'workingDayDurations'] as const;
/** The digest's settings, sent as `digest`. */
export const DIGEST_KEYS = ['rhythm', 'weekday', 'hour', 'recipients'] as const;

/** Settings that are lists of days, typed as "14, 7, 1". */
export const LIST_SETTINGS: readonly SettingKey[] = [
  'preExpiryReminderDays',
  'dueReminderDays',
  'launchApprovalReminderDays',
];

/** Settings that are on or off. */
export const BOOLEAN_SETTINGS: readonly SettingKey[] = ['launchApproval'];

/** Time zones of French administrations, mainland and overseas. */
export const FRENCH_TIME_ZONES = [
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'America/Miquelon',
  'Indian/Reunion',
  'Indian/Mayotte',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'Pacific/Wallis',
] as const;

export const formatDays = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : '');

/** "14, 7, 1" → [14, 7, 1]; empty → null (the default applies). A typo stays NaN and is refused. */
export const parseDays = (text: string): number[] | null => {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length === 0 ? null : parts.map(Number);
};

/** The custom settings to store: the fields left empty take the defaults. */
export function customSettingsBody(custom: unknown): Values {
  const values = (custom ?? {}) as Values;
  return Object.fromEntries(
    [...SETTING_KEYS, ...CALENDAR_SETTING_KEYS]
      .filter((key) => values[key] !== null && values[key] !== undefined && values[key] !== '')
      // A switch always has a value: at its default it is "left empty" (the default applies).
      .filter(
        (key) =>
          !(
            (BOOLEAN_SETTINGS as readonly string[]).includes(key) &&
            values[key] === DEFAULT_LIFECYCLE_SETTINGS[key as keyof typeof DEFAULT_LIFECYCLE_SETTINGS]
          ),
      )
      .map((key) => [key, values[key]]),
  );
}

/** The digest settings to store: an empty field, or an empty list of recipients, takes the default. */
export function customDigestBody(custom: unknown): Values {
  const values = (custom ?? {}) as Values;
  return Object.fromEntries(
    DIGEST_KEYS.filter((key) => {
      const value = values[key];
      return (
        value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)
      );
    }).map((key) => [key, values[key]]),
  );
}

/**
 * The POST or PUT body from the form (whose settings inputs are `customSettings.*`): the
 * API rejects unknown fields, and the slug never changes after creation.
 */
export function organizationBody(values: Values, mode: 'create' | 'update'): Values {
  const body: Values = {
    name: values.name,
    kind: values.kind,
    timeZone: values.timeZone || undefined,
    settings: customSettingsBody(values.customSettings),
    digest: customDigestBody(values.customDigest),
  };
  if (mode === 'create') body.slug = values.slug;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** The schema names `settings.<key>`; the form's input is `customSettings.<key>`. */
export const SETTINGS_ALIASES: Record<string, string> = Object.fromEntries([
  ...[...SETTING_KEYS, ...CALENDAR_SETTING_KEYS].map((key) => [`settings.${key}`, `customSettings.${key}`]),
  ...DIGEST_KEYS.map((key) => [`digest.${key}`, `customDigest.${key}`]),
]);
