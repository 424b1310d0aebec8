import {
  addWorkingDays,
  endOfWorkingDayAfter,
  isWorkingDay,
  localDayAtHour,
  nextWorkingDay,
  onPreviousWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
} from '../working-days';
import { workingCalendar } from '../french-holidays';

const mainland = workingCalendar(null, 2026, 2030);
const moselle = workingCalendar('57', 2026, 2030);
const reunion = workingCalendar('974', 2026, 2030);
const weekendsOnly: WorkingCalendar | null = null;

describe('working days', () => {
  it('are Monday to Friday without the public holidays of the place', () => {
    expect(isWorkingDay('2026-12-04', mainland)).toBe(true); // a Friday
    expect(isWorkingDay('2026-12-05', mainland)).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06', mainland)).toBe(false); // Sunday
    expect(isWorkingDay('2027-03-29', mainland)).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-12-28', moselle)).toBe(true);
    expect(isWorkingDay('2028-12-26', mainland)).toBe(true); // a Tuesday, worked in Paris…
    expect(isWorkingDay('2028-12-26', moselle)).toBe(false); // …not in Metz
    expect(isWorkingDay('2029-12-20', reunion)).toBe(false);
  });

  it('move a day off to the previous working day, across a long weekend', () => {
    // Whit Monday 2028 is 5 June: Sunday, Saturday, then Friday 2 June.
    expect(previousWorkingDay('2028-06-05', mainland)).toBe('2028-06-02');
    // Good Friday and Easter Monday around Easter 2029 in Moselle: back to Thursday 29 March.
    expect(previousWorkingDay('2029-04-02', moselle)).toBe('2029-03-29');
    expect(previousWorkingDay('2029-04-02', mainland)).toBe('2029-03-30');
    expect(previousWorkingDay('2026-12-02', mainland)).toBe('2026-12-02');
    expect(nextWorkingDay('2026-12-25', moselle)).toBe('2026-12-28');
  });

  it('count working days forward and backward, skipping weekends and holidays', () => {
    // Thursday 30 April 2026 + 5 working days: 1 May (Fri) and 8 May (Fri) are holidays.
    expect(addWorkingDays('2026-04-30', 5, mainland)).toBe('2026-05-11');
    expect(addWorkingDays('2026-04-30', 5, weekendsOnly)).toBe('2026-05-07');
    expect(addWorkingDays('2026-05-11', -5, mainland)).toBe('2026-04-30');
    expect(addWorkingDays('2026-12-05', 0, mainland)).toBe('2026-12-05');
    expect(workingDaysBetween('2026-04-30', '2026-05-11', mainland)).toBe(5);
    expect(workingDaysBetween('2026-05-11', '2026-04-30', mainland)).toBe(-5);
    // Twenty working days after the stop on Friday 18 December 2026, in Moselle (25, 26 Dec, 1 Jan off).
    expect(addWorkingDays('2026-12-18', 20, moselle)).toBe('2027-01-19');
    expect(addWorkingDays('2026-12-18', 20, mainland)).toBe('2027-01-19');
    expect(() => addWorkingDays('2026-12-18', 1.5, mainland)).toThrow();
  });

  it('move a reminder to the previous working day at the same local time, across a DST change', () => {
    // Monday 2 April 2029 (Easter Monday) 09:00 in Paris (summer time, UTC+2) → Friday 30 March 09:00 (UTC+2).
    const reminder = localDayAtHour('2029-04-02', 9, 'Europe/Paris');
    expect(reminder.toISOString()).toBe('2029-04-02T07:00:00.000Z');
    expect(onPreviousWorkingDay(reminder, 'Europe/Paris', mainland).toISOString()).toBe(
      '2029-03-30T07:00:00.000Z',
    );
    // Monday 30 March 2026 09:00 (UTC+2) from a Sunday 29 March reminder: back to Friday 27 (UTC+1).
    const sunday = localDayAtHour('2026-03-29', 9, 'Europe/Paris');
    expect(onPreviousWorkingDay(sunday, 'Europe/Paris', mainland).toISOString()).toBe(
      '2026-03-27T08:00:00.000Z',
    );
    // A working day stays as it is, to the millisecond.
    const tuesday = new Date('2026-12-01T13:14:15.678Z');
    expect(onPreviousWorkingDay(tuesday, 'Europe/Paris', mainland)).toEqual(tuesday);
    // Saint-Denis de La Réunion, 20 December 2027 (a Monday): Friday 17 at 10:30 local (UTC+4).
    const reunionReminder = new Date('2027-12-20T06:30:00.000Z');
    expect(onPreviousWorkingDay(reunionReminder, 'Indian/Reunion', reunion).toISOString()).toBe(
      '2027-12-17T06:30:00.000Z',
    );
  });

  it('give the end of the local day for a due date in working days', () => {
    const stoppedAt = new Date('2026-04-30T15:00:00.000Z');
    expect(endOfWorkingDayAfter(stoppedAt, 5, 'Europe/Paris', mainland).toISOString()).toBe(
      '2026-05-11T21:59:59.999Z',
    );
  });
});
