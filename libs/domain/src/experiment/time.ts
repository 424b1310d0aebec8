/**
 * Pure date helpers in an organisation's time zone, on Intl alone. They run inside
 * workflow code too: @date-fns/tz's TZDate computes UTC instead of local time in
 * Temporal's workflow sandbox (seen with SDK 1.24), so no Date subclass is used here.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: number, timeZone: string): LocalParts {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Minutes the zone is ahead of UTC at this instant (60 for Paris in winter). */
function offsetMinutes(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/** The instant at which the local clock of the zone shows this date and time. */
function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const first = wall - offsetMinutes(wall, timeZone) * 60000;
  // Around a DST change the offset at the result may differ from the first guess.
  const second_ = wall - offsetMinutes(first, timeZone) * 60000;
  return new Date(second_);
}

function parseDay(date: string): [number, number, number] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  const [year, month, day] = date.split('-').map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw new Error(`"${date}" is not a valid date`);
  return [year, month, day];
}

/** The local calendar day `days` after the one of `instant` (negative: before). */
function shiftedLocalDay(instant: Date, days: number, timeZone: string): [number, number, number] {
  const p = localParts(instant.getTime(), timeZone);
  const shifted = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
}

/** "An expiry given as a date means the end of that day there." */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = parseDay(date);
  return zonedInstant(year, month, day, 23, 59, 59, 999, timeZone);
}

/** The instant `days` days before (negative) or after `instant`, at `hour` local time. */
export function localDayAt(instant: Date, days: number, hour: number, timeZone: string): Date {
  const [year, month, day] = shiftedLocalDay(instant, days, timeZone);
  return zonedInstant(year, month, day, hour, 0, 0, 0, timeZone);
}

/** The end of the local day `days` days after `instant` (due dates of evaluation and decision). */
export function endOfLocalDayAfter(instant: Date, days: number, timeZone: string): Date {
  const [year, month, day] = shiftedLocalDay(instant, days, timeZone);
  return zonedInstant(year, month, day, 23, 59, 59, 999, timeZone);
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant.getTime(), timeZone);
  // Four digits for the year too: "0689-12-28", a date the API's schemas read back (not "689-12-28").
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (rounded up): "J-12", "dépassé de 5 jours". */
export function daysBetween(from: Date, to: Date): number {
  return Math.ceil((to.getTime() - from.getTime()) / DAY_MS);
}
