import Holidays from 'date-holidays';
import { localDate } from '../experiment/time';
import type { LifecycleSettings } from '../organization/lifecycle-settings';
import type { LocalDay, WorkingCalendar } from './working-days';

/**
 * French public holidays from `date-holidays` (maintained, offline): the eleven national
 * ones, plus Good Friday and 26 December in Alsace-Moselle (57, 67, 68) and the
 * abolition-of-slavery day of each overseas département (971 Guadeloupe 27 May,
 * 972 Martinique 22 May, 973 Guyane 10 June, 974 La Réunion 20 December, 976 Mayotte
 * 27 April; Good Friday is a holiday in Guadeloupe and Martinique too).
 * `@socialgouv/jours-feries` knows Alsace-Moselle only, and builds its dates with the
 * process's local time zone: not used.
 *
 * Not for workflow code (the package pulls moment-timezone): the API and the worker build
 * a `WorkingCalendar` with `workingCalendar()` and hand it to the workflow.
 */

/** Départements whose public holidays differ from the national ones, with the package's code. */
const LOCAL_HOLIDAY_REGIONS: Record<string, string> = {
  '57': '57',
  '67': '67',
  '68': '68',
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '976': 'YT',
};

export interface PublicHoliday {
  date: LocalDay;
  /** French name, as the package gives it ("Lundi de Pentecôte", "Abolition de l’esclavage"). */
  name: string;
}

const byYear = new Map<string, PublicHoliday[]>();

/** The public holidays of a year where the organisation is (null: national ones only). */
export function frenchPublicHolidays(year: number, departement: string | null | undefined): PublicHoliday[] {
  const region = departement ? LOCAL_HOLIDAY_REGIONS[departement] : undefined;
  const cacheKey = `${year}:${region ?? ''}`;
  const cached = byYear.get(cacheKey);
  if (cached) return cached;
  const holidays = region ? new Holidays('FR', region) : new Holidays('FR');
  // The package's `date` is the local day there ("2026-05-25 00:00:00"), independent of
  // the process's time zone; "observance" (Pentecost Sunday, Mother's Day) and "optional"
  // days are not days off.
  const list = holidays
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  byYear.set(cacheKey, list);
  return list;
}

/** A holiday table for the workflow, the digest and the calendars, over whole years. */
export function workingCalendar(
  departement: string | null | undefined,
  firstYear: number,
  lastYear: number,
): WorkingCalendar {
  const holidays: LocalDay[] = [];
  for (let year = firstYear; year <= lastYear; year += 1)
    holidays.push(...frenchPublicHolidays(year, departement).map((holiday) => holiday.date));
  return { departement: departement ?? null, firstYear, lastYear, holidays: [...new Set(holidays)].sort() };
}

/**
 * The holiday table a test takes at launch: from the launch year to beyond the latest date
 * its workflow may plan (longest duration, evaluation and decision due, escalation), counted
 * generously since working days stretch durations by 7/5 and more around holidays.
 */
export function calendarForLaunch(
  settings: Pick<
    LifecycleSettings,
    | 'departement'
    | 'timeZone'
    | 'maxDurationDays'
    | 'evaluationDueDays'
    | 'decisionDueDays'
    | 'codirEscalationDays'
  >,
  launchedAt: Date,
): WorkingCalendar {
  const firstYear = Number(localDate(launchedAt, settings.timeZone).slice(0, 4));
  const spanDays =
    settings.maxDurationDays +
    1.5 * (settings.evaluationDueDays + settings.decisionDueDays) +
    settings.codirEscalationDays;
  const lastYear = firstYear + Math.ceil(spanDays / 365) + 1;
  return workingCalendar(settings.departement, firstYear, lastYear);
}
