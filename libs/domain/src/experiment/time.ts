import { TZDate } from '@date-fns/tz';
import { addDays, endOfDay, set, startOfDay } from 'date-fns';

/** Pure date helpers in an organisation's time zone (usable in workflow code: no I/O). */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** "An expiry given as a date means the end of that day there." */
export function endOfLocalDay(date: string, timeZone: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  const [year, month, day] = date.split('-').map(Number);
  return new Date(endOfDay(new TZDate(year, month - 1, day, timeZone)).getTime());
}

/** The instant `days` days before (negative) or after `instant`, at `hour` local time. */
export function localDayAt(instant: Date, days: number, hour: number, timeZone: string): Date {
  const local = addDays(new TZDate(instant.getTime(), timeZone), days);
  return new Date(set(startOfDay(local), { hours: hour }).getTime());
}

/** Whole days from `from` to `to` (rounded up): "J-12", "dépassé de 5 jours". */
export function daysBetween(from: Date, to: Date): number {
  return Math.ceil((to.getTime() - from.getTime()) / DAY_MS);
}

/** The end of the local day `days` days after `instant` (due dates of evaluation and decision). */
export function endOfLocalDayAfter(instant: Date, days: number, timeZone: string): Date {
  const local = addDays(new TZDate(instant.getTime(), timeZone), days);
  return new Date(endOfDay(local).getTime());
}
