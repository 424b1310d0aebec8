import type { DigestSettings } from '../organization/digest-settings';
import {
  addCalendarDays,
  isoWeekday,
  previousWorkingDay,
  type LocalDay,
  type WorkingCalendar,
} from './working-days';

/** A Monday, to number weeks for the fortnightly rhythm. */
const WEEK_ANCHOR = Date.UTC(2024, 0, 1);

function isNominalDay(day: LocalDay, settings: Pick<DigestSettings, 'rhythm' | 'weekday'>): boolean {
  if (isoWeekday(day) !== settings.weekday) return false;
  switch (settings.rhythm) {
    case 'weekly':
      return true;
    case 'fortnightly': {
      const weeks = Math.round((Date.parse(`${day}T00:00:00Z`) - WEEK_ANCHOR) / (7 * 86_400_000));
      return weeks % 2 === 0;
    }
    case 'monthly':
      return Number(day.slice(8, 10)) <= 7;
    case 'off':
      return false;
  }
}

/**
 * The digest period sent on `day`, if any: a digest is due on its nominal day (the chosen
 * weekday, every week, every other week or the first of the month), moved to the previous
 * working day when that day is off. The period is named by its nominal day, so the
 * idempotency key (organisation, period, recipient) is the same whichever day it goes out.
 */
export function digestPeriodSentOn(
  day: LocalDay,
  settings: Pick<DigestSettings, 'rhythm' | 'weekday'>,
  calendar: WorkingCalendar | null | undefined,
): LocalDay | null {
  if (settings.rhythm === 'off') return null;
  // A nominal day is at most a couple of weeks after the working day it moves to.
  for (let offset = 0; offset <= 14; offset += 1) {
    const nominal = addCalendarDays(day, offset);
    if (isNominalDay(nominal, settings) && previousWorkingDay(nominal, calendar) === day) return nominal;
  }
  return null;
}

/** The next days digests go out from `from` on (inclusive): the settings screen shows them. */
export function nextDigestDays(
  from: LocalDay,
  count: number,
  settings: Pick<DigestSettings, 'rhythm' | 'weekday'>,
  calendar: WorkingCalendar | null | undefined,
  until: LocalDay = addCalendarDays(from, 400),
): { sentOn: LocalDay; period: LocalDay }[] {
  const result: { sentOn: LocalDay; period: LocalDay }[] = [];
  if (settings.rhythm === 'off') return result;
  for (let day = from; result.length < count && day <= until; day = addCalendarDays(day, 1)) {
    const period = digestPeriodSentOn(day, settings, calendar);
    if (period) result.push({ sentOn: day, period });
  }
  return result;
}
