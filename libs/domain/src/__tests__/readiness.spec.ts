import { DEFAULT_LIFECYCLE_SETTINGS } from '../organization/lifecycle-settings';
import type { ExperimentFraming } from '../experiment/framing';
import { activeParticipants, pilotIsSponsor } from '../experiment/people';
import { readinessChecklist, READINESS_CODES } from '../experiment/readiness';

const NOW = new Date('2026-02-01T10:00:00.000Z');
const ready: ExperimentFraming = {
  title: 'Classeur partagé',
  hypothesis: 'Un classeur partagé rend les auxiliaires autonomes.',
  scope: 'Deux crèches',
  criteria: [{ id: 'errors', name: 'Erreurs', method: '', target: '0', coBuiltWithUsers: false }],
  pilotIds: ['pilot'],
  sponsorId: 'sponsor',
  participants: [{ userId: 'member', consentedAt: '2026-01-30T09:00:00.000Z' }],
  expiresAt: '2026-03-01T22:59:59.999Z',
  checkInCadenceDays: 14,
  exitPlan: { pilotWithdrawal: 'Fin du trimestre', takeover: 'La référente' },
};
const missing = (framing: ExperimentFraming, strict?: boolean) =>
  readinessChecklist(framing, DEFAULT_LIFECYCLE_SETTINGS, NOW, { strict })
    .filter((item) => !item.ok)
    .map((item) => item.code);

describe('the readiness checklist', () => {
  it('holds for a complete framing, each item with its stable code', () => {
    expect(missing(ready)).toEqual([]);
    const items = readinessChecklist(ready, DEFAULT_LIFECYCLE_SETTINGS, NOW);
    expect(items.map((item) => item.code)).toEqual(items.map((item) => READINESS_CODES[item.key]));
  });

  it("refuses an iteration's hypothesis not revised yet, apart from a missing hypothesis", () => {
    expect(missing({ ...ready, hypothesisToRevise: true })).toEqual(['HYPOTHESIS_TO_REVISE']);
    expect(missing({ ...ready, hypothesis: ' ' })).toEqual(['HYPOTHESIS_REQUIRED']);
  });

  it('refuses a sponsor who is one of the pilots', () => {
    expect(missing({ ...ready, pilotIds: ['pilot', 'sponsor'] })).toEqual(['PILOT_IS_SPONSOR']);
    expect(pilotIsSponsor(['pilot'], null)).toBe(false);
  });

  it('leaves the two later items out for workflows that launched before them (not strict)', () => {
    expect(missing({ ...ready, hypothesisToRevise: true, pilotIds: ['sponsor'] }, false)).toEqual([]);
  });
});

describe('the participants who receive notices', () => {
  it('leave out whoever withdrew', () => {
    expect(
      activeParticipants([
        { userId: 'a', consentedAt: null, withdrawnAt: '2026-02-01T10:00:00.000Z' },
        { userId: 'b', consentedAt: '2026-01-30T09:00:00.000Z' },
      ]).map((p) => p.userId),
    ).toEqual(['b']);
  });
});
