import { experimentStub } from '../../../testing/experimentStub';
import { asCsvText, toCsvRow } from '../exporter';
import { toApiExperimentFilter } from '../filters';

describe('the experiments export', () => {
  it('keeps a cell that a spreadsheet would run as a formula as text', () => {
    expect(asCsvText('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(asCsvText('-1+2')).toBe("'-1+2");
    expect(asCsvText('Classeur médical')).toBe('Classeur médical');
  });

  it('writes names instead of ids, and dates as days', () => {
    const experiment = experimentStub.running('2026-03-12T22:59:59.999Z');
    const [pilot] = experiment.pilotIds ?? [];
    const row = toCsvRow(
      experiment,
      {
        organizations: {
          [experiment.organizationId]: { id: experiment.organizationId, name: 'Ville de Nantes' },
        },
        tracks: {},
        users: { [pilot]: { id: pilot, displayName: 'Nadège Frey' } },
      },
      () => 'En cours',
    );
    expect(row).toMatchObject({
      state: 'En cours',
      organization: 'Ville de Nantes',
      pilots: 'Nadège Frey',
      expiresAt: '2026-03-12',
    });
  });
});

describe('the list filters sent to the API', () => {
  const now = new Date('2026-02-01T10:00:00.000Z');

  it('turns "expiring soon" into running tests expiring within 30 days', () => {
    expect(toApiExperimentFilter({ expiringSoon: true }, now)).toEqual({
      expiresBefore: '2026-03-03',
      state: 'running',
    });
  });

  it('sends overdue only when ticked, and nothing for unticked toggles', () => {
    expect(toApiExperimentFilter({ overdue: true, q: 'classeur' }, now)).toEqual({
      overdue: true,
      q: 'classeur',
    });
    expect(toApiExperimentFilter({ overdue: false, expiringSoon: false }, now)).toEqual({});
  });
});
