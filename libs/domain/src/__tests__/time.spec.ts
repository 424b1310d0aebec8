import { endOfLocalDay, endOfLocalDayAfter, localDate, localDayAt } from '../experiment/time';

describe('dates in the organisation time zone', () => {
  it('reads an expiry date as the end of that day in Paris, winter and summer', () => {
    expect(endOfLocalDay('2026-12-28', 'Europe/Paris').toISOString()).toBe('2026-12-28T22:59:59.999Z');
    expect(endOfLocalDay('2027-07-14', 'Europe/Paris').toISOString()).toBe('2027-07-14T21:59:59.999Z');
    expect(endOfLocalDay('2027-07-14', 'America/Cayenne').toISOString()).toBe('2027-07-15T02:59:59.999Z');
  });

  it('plans a reminder at 9:00 local time, days before, across a daylight saving change', () => {
    // Expiry on 2 April 2027 (summer time); 7 days before is 26 March (winter time).
    const expiry = endOfLocalDay('2027-04-02', 'Europe/Paris');
    expect(localDayAt(expiry, -7, 9, 'Europe/Paris').toISOString()).toBe('2027-03-26T08:00:00.000Z');
    expect(localDayAt(expiry, -1, 9, 'Europe/Paris').toISOString()).toBe('2027-04-01T07:00:00.000Z');
  });

  it('puts a due date at the end of the local day, counting from the local date of the stop', () => {
    // 22:30Z is 23:30 in Paris on 27 November; an hour later it is already the 28th there.
    const stop = new Date('2026-11-27T22:30:00Z');
    expect(localDate(stop, 'Europe/Paris')).toBe('2026-11-27');
    expect(endOfLocalDayAfter(stop, 30, 'Europe/Paris').toISOString()).toBe('2026-12-27T22:59:59.999Z');
    expect(localDate(new Date('2026-11-27T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-28');
  });

  it('writes a local date with a four-digit year, even before the year 1000', () => {
    expect(localDate(new Date('0999-03-01T12:00:00Z'), 'UTC')).toBe('0999-03-01');
  });

  it('refuses a malformed or impossible date', () => {
    expect(() => endOfLocalDay('28/12/2026', 'Europe/Paris')).toThrow(/not a date/);
    expect(() => endOfLocalDay('2027-02-30', 'Europe/Paris')).toThrow(/not a valid date/);
  });
});
