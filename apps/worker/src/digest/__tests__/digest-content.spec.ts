import { renderDigest, type DigestContent } from '../digest-content';

const now = new Date('2027-03-26T08:00:00.000Z'); // Friday 26 March 2027, 9:00 in Paris

const digestStub = (overrides: Partial<DigestContent> = {}): DigestContent => ({
  organizationName: 'Ville de Nantes',
  recipientName: 'Camille',
  roles: ['codir'],
  scope: 'organization',
  now,
  timeZone: 'Europe/Paris',
  publicUrl: 'https://capacites.nantes.fr/',
  toDecide: [],
  overdue: [],
  expiringSoon: [],
  decidedSince: [],
  since: null,
  figures: { draft: 0, running: 0, evaluating: 0, deciding: 0, algeco: 0 },
  ...overrides,
});

describe('the digest email', () => {
  it('says in French that each section is empty rather than leaving it out', () => {
    const { subject, body } = renderDigest(digestStub());
    expect(subject).toBe('Lettre du portefeuille de tests — Ville de Nantes — vendredi 26 mars 2027');
    expect(body).toContain('À décider (0)\n  Aucune décision attendue.');
    expect(body).toContain('En retard — effet Algeco (0)\n  Aucune évaluation ni décision en retard.');
    expect(body).toContain('Décidé ces sept derniers jours (0)\n  Aucune décision.');
    expect(body).toContain('Tableau de bord du CODIR : https://capacites.nantes.fr/#/dashboard');
    expect(body).toContain('Vous recevez cette lettre en tant que membre du CODIR.');
  });

  it('dates the decisions since the last digest, counts days late and keeps titles as plain text', () => {
    const { body } = renderDigest(
      digestStub({
        since: new Date('2027-03-19T08:00:00.000Z'),
        overdue: [
          {
            id: 'a',
            title: '<b>Binômes</b>',
            state: 'deciding',
            expiresAt: null,
            evaluationDueAt: null,
            decisionDueAt: new Date('2027-03-24T22:59:59.999Z'),
            algeco: false,
          },
        ],
        decidedSince: [
          {
            id: 'b',
            title: 'Horaires libres',
            outcome: 'perpetuate',
            decidedAt: new Date('2027-03-22T10:00:00Z'),
          },
        ],
      }),
    );
    expect(body).toContain(
      '« <b>Binômes</b> » : décision attendue depuis le mercredi 24 mars 2027 (2 jours de retard)',
    );
    expect(body).toContain('Décidé depuis la dernière lettre (vendredi 19 mars 2027) (1)');
    expect(body).toContain('« Horaires libres » : pérennisé le lundi 22 mars 2027');
  });

  it('tells a sponsor that it covers their tests only, without the CODIR dashboard', () => {
    const { body } = renderDigest(digestStub({ scope: 'sponsored', roles: ['sponsor'] }));
    expect(body).toContain('au vendredi 26 mars 2027, pour les tests dont vous assurez le portage.');
    expect(body).not.toContain('#/dashboard');
    expect(body).toContain('en tant que portage institutionnel');
  });
});
