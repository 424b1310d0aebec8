import type { ExperimentEntity } from '@capacites/persistence';
import { deadlinesOf, toIcs } from '../deadlines';

const experimentStub = (overrides: Partial<ExperimentEntity>): ExperimentEntity =>
  ({
    id: '6f1c1d3e-0000-4000-8000-000000000001',
    title: 'Classeur partagé',
    state: 'running',
    expiresAt: null,
    launchedAt: null,
    lastCheckInAt: null,
    checkInCadenceDays: null,
    evaluationDueAt: null,
    decisionDueAt: null,
    ...overrides,
  }) as ExperimentEntity;

describe('deadlines as a calendar', () => {
  it('gives a running test its expiry and next check-in on their Paris dates', () => {
    const deadlines = deadlinesOf(
      experimentStub({
        // 22:59:59 UTC on 31 Dec is the end of that day in Paris (UTC+1)…
        expiresAt: new Date('2026-12-31T22:59:59.999Z'),
        launchedAt: new Date('2026-11-01T09:00:00Z'),
        lastCheckInAt: new Date('2026-11-20T23:30:00Z'), // 21 Nov, 00:30 in Paris
        checkInCadenceDays: 14,
      }),
      'Europe/Paris',
    );
    expect(deadlines.map((d) => [d.kind, d.date])).toEqual([
      ['check-in', '2026-12-05'],
      ['expiry', '2026-12-31'],
    ]);
  });

  it('pushes the next check-in a cadence further for each one missed, as the workflow does', () => {
    const running = {
      expiresAt: new Date('2027-06-30T21:59:59.999Z'),
      launchedAt: new Date('2026-11-01T09:00:00Z'),
      lastCheckInAt: new Date('2026-11-20T23:30:00Z'), // 21 Nov in Paris
      checkInCadenceDays: 14,
    };
    const nextCheckIn = (missedCheckIns: number) =>
      deadlinesOf(experimentStub({ ...running, missedCheckIns }), 'Europe/Paris').find(
        (d) => d.kind === 'check-in',
      )?.date;
    expect(nextCheckIn(0)).toBe('2026-12-05');
    // Two missed (5 and 19 December): the next one is due 2 January, not a date already past.
    expect(nextCheckIn(2)).toBe('2027-01-02');
  });

  it('gives a stopped test its evaluation or decision due date, and an ended one nothing', () => {
    expect(
      deadlinesOf(
        experimentStub({ state: 'evaluating', evaluationDueAt: new Date('2027-01-30T22:59:59Z') }),
        'Europe/Paris',
      ),
    ).toEqual([expect.objectContaining({ kind: 'evaluation', date: '2027-01-30' })]);
    expect(
      deadlinesOf(
        experimentStub({ state: 'deciding', decisionDueAt: new Date('2027-03-01T10:00:00Z') }),
        'Europe/Paris',
      ),
    ).toEqual([expect.objectContaining({ kind: 'decision', date: '2027-03-01' })]);
    expect(deadlinesOf(experimentStub({ state: 'perpetuated' }), 'Europe/Paris')).toEqual([]);
  });

  it('writes all-day events with stable UIDs, a link to the back-office and reminders before the expiry', () => {
    const ics = toIcs(
      [{ kind: 'expiry', experimentId: 'abc', title: 'Classeur partagé', date: '2026-12-31' }],
      'https://capacites.example.fr/',
      'Capacités',
    );
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('UID:expiry-abc@capacites');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231');
    expect(ics).toContain('DTEND;VALUE=DATE:20270101');
    expect(ics).toContain('SUMMARY:Date de péremption : Classeur partagé');
    expect(ics).toContain('URL:https://capacites.example.fr/#/experiments/abc/show');
    expect(ics.match(/TRIGGER:-PT(\d+)H/g)).toEqual(['TRIGGER:-PT168H', 'TRIGGER:-PT24H']);
  });

  it('writes a valid empty calendar when there is nothing to watch', () => {
    expect(toIcs([], 'https://x.fr', 'Vide')).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Capacites//Deadlines//FR\r\nX-WR-CALNAME:Vide\r\nEND:VCALENDAR\r\n',
    );
  });
});

describe('text in a calendar file', () => {
  it('turns every line break into an escaped one and drops other control characters', () => {
    const ics = toIcs(
      [{ kind: 'expiry', experimentId: 'x', title: 'A\rB\r\nC\u2028D\u0007E', date: '2027-01-01' }],
      'https://capacites.test',
      'Nom; avec, séparateurs\\',
    );
    const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n|\r|\n/);
    expect(lines).toContain('SUMMARY:Date de péremption : A\\nB\\nC\\nDE');
    expect(lines).toContain('X-WR-CALNAME:Nom\\; avec\\, séparateurs\\\\');
  });
});
