import { endOfLocalDay, localDate, localDayAt } from '../experiment/time';

/**
 * Working days: Monday to Friday, minus the public holidays of a table. Pure and
 * deterministic (calendar arithmetic on `YYYY-MM-DD` strings through `Date.UTC` only, no
 * clock, no I/O), so that workflow code can use it. The holiday table is built outside the
 * workflow sandbox by `workingCalendar` (french-holidays.ts) and handed in: the holiday
 * package depends on moment-timezone, which has no place in workflow code.
 */

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDay = string;

/** The public holidays of one place over a span of years. */
export interface WorkingCalendar {
  /** The département the table is for (null: metropolitan France without local holidays). */
  departement: string | null;
  /** First and last year the table covers; outside, only weekends are known. */
  firstYear: number;
  lastYear: number;
  /** Public holidays in the span, sorted. */
  holidays: LocalDay[];
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function toUtc(day: LocalDay): number {
  if (!DAY_RE.test(day)) throw new Error(`"${day}" is not a date (YYYY-MM-DD)`);
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date);
}

function fromUtc(ms: number): LocalDay {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(
    d.getUTCDate(),
  ).padStart(2, '0')}`;
}

/** The calendar day `days` after `day` (negative: before). */
export function addCalendarDays(day: LocalDay, days: number): LocalDay {
  const [year, month, date] = fromUtc(toUtc(day)).split('-').map(Number);
  return fromUtc(Date.UTC(year, month - 1, date + days));
}

/** ISO day of the week: 1 Monday … 7 Sunday. */
export function isoWeekday(day: LocalDay): number {
  const d = new Date(toUtc(day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isWeekend(day: LocalDay): boolean {
  return isoWeekday(day) >= 6;
}

export function isPublicHoliday(day: LocalDay, calendar: WorkingCalendar | null | undefined): boolean {
  if (!calendar) return false;
  // Binary search: the table is sorted and the agenda asks often.
  let low = 0;
  let high = calendar.holidays.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = calendar.holidays[mid];
    if (value === day) return true;
    if (value < day) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

export function isWorkingDay(day: LocalDay, calendar: WorkingCalendar | null | undefined): boolean {
  return !isWeekend(day) && !isPublicHoliday(day, calendar);
}

/** `day` itself when it is a working day, otherwise the last working day before it. */
export function previousWorkingDay(day: LocalDay, calendar: WorkingCalendar | null | undefined): LocalDay {
  let current = day;
  while (!isWorkingDay(current, calendar)) current = addCalendarDays(current, -1);
  return current;
}

/** `day` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(day: LocalDay, calendar: WorkingCalendar | null | undefined): LocalDay {
  let current = day;
  while (!isWorkingDay(current, calendar)) current = addCalendarDays(current, 1);
  return current;
}

/**
 * The day `count` working days after `day` (negative: before), counting as people do:
 * "5 jours ouvrés après le vendredi 1er mai" is the following Friday 8 May… unless 8 May
 * is a holiday too. Zero gives `day` itself, working or not.
 */
export function addWorkingDays(
  day: LocalDay,
  count: number,
  calendar: WorkingCalendar | null | undefined,
): LocalDay {
  if (!Number.isInteger(count)) throw new Error(`${count} is not a whole number of working days`);
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  let current = day;
  while (left > 0) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to` (negative when `to` is before). */
export function workingDaysBetween(
  from: LocalDay,
  to: LocalDay,
  calendar: WorkingCalendar | null | undefined,
): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let current = addCalendarDays(from, 1); current <= to; current = addCalendarDays(current, 1))
    if (isWorkingDay(current, calendar)) count += 1;
  return count;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();
function clockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * A reminder's instant moved to the previous working day at the same local time, in the
 * organisation's time zone: "reminders never fall on a weekend or a public holiday".
 */
export function onPreviousWorkingDay(
  instant: Date,
  timeZone: string,
  calendar: WorkingCalendar | null | undefined,
): Date {
  const day = localDate(instant, timeZone);
  const target = previousWorkingDay(day, calendar);
  if (target === day) return instant;
  // Same wall-clock time on the target day (DST-safe: rebuilt from the local day).
  const shift = -Math.round((toUtc(day) - toUtc(target)) / 86_400_000);
  const parts = clockFormatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const atHour = localDayAt(instant, shift, get('hour'), timeZone);
  return new Date(
    atHour.getTime() + (get('minute') * 60 + get('second')) * 1000 + (instant.getTime() % 1000),
  );
}

/** `hour`:00 local time on a local day. */
export function localDayAtHour(day: LocalDay, hour: number, timeZone: string): Date {
  return localDayAt(endOfLocalDay(day, timeZone), 0, hour, timeZone);
}

/**
 * The end (23:59:59.999 local) of the day `count` working days after the local day of
 * `instant`: due dates counted in working days ("évaluation attendue sous 20 jours ouvrés").
 */
export function endOfWorkingDayAfter(
  instant: Date,
  count: number,
  timeZone: string,
  calendar: WorkingCalendar | null | undefined,
): Date {
  return endOfLocalDay(addWorkingDays(localDate(instant, timeZone), count, calendar), timeZone);
}

/** The years a calendar must cover for a span of instants (inclusive). */
export function yearsSpanned(from: Date, to: Date, timeZone: string): [number, number] {
  return [Number(localDate(from, timeZone).slice(0, 4)), Number(localDate(to, timeZone).slice(0, 4))];
}
