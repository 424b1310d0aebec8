import { recordLines, scalarText } from '../personal-data-format';
import { SECTION_SOURCES } from '../personal-data.sources';
import { PERSONAL_DATA_SECTIONS } from '@capacites/domain';

describe('the readable renderings of a personal data export', () => {
  it('shows instants in the organisation’s time zone, in French, whether Date or ISO text', () => {
    const instant = '2026-03-29T00:30:00.000Z'; // 01:30 in Paris (just before the change to summer time), 20:30 the day before in Guadeloupe
    expect(scalarText('createdAt', new Date(instant), 'Europe/Paris')).toBe('29 mars 2026 à 01:30');
    expect(scalarText('consentedAt', instant, 'America/Guadeloupe')).toBe('28 mars 2026 à 20:30');
    expect(scalarText('collectedAt', '2026-03-12', 'Pacific/Tahiti')).toBe('12 mars 2026');
  });

  it('names roles, states and verdicts in French and keeps long texts whole', () => {
    expect(scalarText('roles', ['pilot', 'creator'], 'Europe/Paris')).toBe('porteur·euse, créateur·rice');
    expect(scalarText('state', 'evaluating', 'Europe/Paris')).toMatch(/évaluation/i);
    const long = 'Un texte. '.repeat(2000);
    expect(scalarText('progress', long, 'Europe/Paris')).toBe(long);
  });

  it('lays nested values out as indented lines under their French label', () => {
    const lines = recordLines(
      { onBehalf: { method: 'paper', recordedBy: 'RH' }, criteria: [{ name: 'Erreurs' }] },
      'Europe/Paris',
    );
    expect(lines).toEqual([
      { label: 'Accord saisi pour vous', value: '', depth: 0 },
      { label: 'Méthode', value: 'sur papier', depth: 1 },
      { label: 'Saisi par', value: 'RH', depth: 1 },
      { label: 'Critères', value: '', depth: 0 },
      { label: '1', value: '', depth: 1 },
      { label: 'Nom', value: 'Erreurs', depth: 2 },
    ]);
  });

  it('reads the sections in the order of the document, each once', () => {
    expect(SECTION_SOURCES.map((s) => s.section)).toEqual([...PERSONAL_DATA_SECTIONS]);
  });
});
