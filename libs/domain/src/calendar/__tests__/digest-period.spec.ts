import { digestPeriodSentOn, nextDigestDays } from '../digest-period';
import { workingCalendar } from '../french-holidays';

const mainland = workingCalendar(null, 2026, 2030);
const moselle = workingCalendar('57', 2026, 2030);

describe('digest days', () => {
  it('go out weekly on the chosen weekday, moved to the previous working day when it is off', () => {
    const weekly = { rhythm: 'weekly' as const, weekday: 1 };
    // Easter Monday 6 April 2026 → Friday 3 April (period named by the Monday); in Moselle, Good Friday too → Thursday 2.
    expect(digestPeriodSentOn('2026-04-03', weekly, mainland)).toBe('2026-04-06');
    expect(digestPeriodSentOn('2026-04-06', weekly, mainland)).toBeNull();
    expect(digestPeriodSentOn('2026-04-02', weekly, moselle)).toBe('2026-04-06');
    expect(digestPeriodSentOn('2026-04-03', weekly, moselle)).toBeNull();
    expect(nextDigestDays('2026-03-30', 4, weekly, mainland)).toEqual([
      { sentOn: '2026-03-30', period: '2026-03-30' },
      { sentOn: '2026-04-03', period: '2026-04-06' },
      { sentOn: '2026-04-13', period: '2026-04-13' },
      { sentOn: '2026-04-20', period: '2026-04-20' },
    ]);
  });

  it('never go out on a weekend or a public holiday, over five years', () => {
    for (const settings of [
      { rhythm: 'weekly' as const, weekday: 1 },
      { rhythm: 'fortnightly' as const, weekday: 5 },
      { rhythm: 'monthly' as const, weekday: 4 },
    ]) {
      const days = nextDigestDays('2026-01-01', 1000, settings, moselle, '2030-12-31');
      expect(days.length).toBeGreaterThanOrEqual(59);
      for (const { sentOn } of days) {
        expect(moselle.holidays).not.toContain(sentOn);
        expect([0, 6]).not.toContain(new Date(`${sentOn}T00:00:00Z`).getUTCDay());
      }
      // One send per period.
      expect(new Set(days.map((d) => d.period)).size).toBe(days.length);
    }
  });

  it('go out every other week, or on the first chosen weekday of the month', () => {
    const fortnightly = nextDigestDays('2026-01-05', 3, { rhythm: 'fortnightly', weekday: 2 }, mainland);
    expect(fortnightly.map((d) => d.sentOn)).toEqual(['2026-01-13', '2026-01-27', '2026-02-10']);
    // Thursday 1 January 2026 is a holiday: the January digest goes out on Wednesday 31 December 2025.
    const monthly = nextDigestDays(
      '2025-12-29',
      3,
      { rhythm: 'monthly', weekday: 4 },
      workingCalendar(null, 2025, 2026),
    );
    expect(monthly).toEqual([
      { sentOn: '2025-12-31', period: '2026-01-01' },
      { sentOn: '2026-02-05', period: '2026-02-05' },
      { sentOn: '2026-03-05', period: '2026-03-05' },
    ]);
    expect(nextDigestDays('2026-01-01', 3, { rhythm: 'off', weekday: 1 }, mainland)).toEqual([]);
  });
});
