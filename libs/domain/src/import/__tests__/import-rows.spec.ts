import {
  importColumnForHeader,
  importRowContent,
  importTimeline,
  parseImportDay,
  resolveLifecycleSettings,
  validateImportRows,
  type ImportContext,
  type RawImportRow,
} from '../../index';

const context: ImportContext = {
  people: new Map([
    ['pilote@ville.fr', 'u-pilot'],
    ['dga@ville.fr', 'u-sponsor'],
    ['agent@ville.fr', 'u-member'],
  ]),
  tracks: new Map([['initiatives spontanees', 't-1']]),
  today: '2026-06-15',
  settings: { maxDurationDays: 365 },
  knownReferences: new Map([['OLD-1', 'iterated']]),
};

/** A running test as HR writes it, every required cell filled. */
const running = (cells: RawImportRow['cells'] = {}, rowNumber = 2): RawImportRow => ({
  rowNumber,
  cells: {
    reference: `R-${rowNumber}`,
    title: 'Missions temporaires',
    state: 'En cours',
    track: 'Initiatives spontanées',
    hypothesis: 'Des missions courtes décloisonnent.',
    scope: 'DRH',
    criteria: 'Missions : 10 ; Satisfaction',
    pilots: 'Pilote@ville.fr',
    sponsor: 'dga@ville.fr',
    participants: 'agent@ville.fr',
    consentOn: '02/01/2026',
    consentMethod: 'papier',
    launchedOn: '05/01/2026',
    expiresOn: '30/09/2026',
    ...cells,
  },
});

/** A perpetuated test with its whole history. */
const perpetuated = (cells: RawImportRow['cells'] = {}, rowNumber = 3): RawImportRow =>
  running(
    {
      state: 'pérennisé',
      launchedOn: '05/01/2025',
      expiresOn: '30/06/2025',
      stoppedOn: '30/06/2025',
      lastCheckInOn: '15/06/2025',
      lastWeather: 'orageux',
      verdict: 'partiellement confirmée',
      evaluatedOn: '15/07/2025',
      usersVoiceCount: '12',
      learnings: 'Des outils simples.',
      decidedOn: '15/09/2025',
      rationale: 'Les agents en redemandent.',
      handoverWithdrawal: 'Fin 2025',
      handoverTakeover: 'Service formation',
      ...cells,
    },
    rowNumber,
  );

const errorsOf = (rows: RawImportRow[]) =>
  validateImportRows(rows, context).errors.map((e) => `${e.row}/${e.column}: ${e.message}`);

describe('import rows', () => {
  it('reads French state, weather and verdict labels whatever their case and accents, and people by email', () => {
    const { experiments, errors } = validateImportRows([running(), perpetuated()], context);
    expect(errors).toEqual([]);
    expect(experiments[0]).toMatchObject({
      state: 'running',
      trackId: 't-1',
      pilotIds: ['u-pilot'],
      sponsorId: 'u-sponsor',
      participantIds: ['u-member'],
      consent: { collectedOn: '2026-01-02', method: 'paper' },
      launchedOn: '2026-01-05',
      expiresOn: '2026-09-30',
      criteria: [
        { id: 'c1', name: 'Missions', target: '10' },
        { id: 'c2', name: 'Satisfaction', target: '' },
      ],
    });
    expect(experiments[1]).toMatchObject({
      state: 'perpetuated',
      stoppedOn: '2025-06-30',
      lastCheckIn: { on: '2025-06-15', weather: 'stormy' },
      evaluation: { verdict: 'partly_confirmed', usersVoice: { count: 12 } },
      decision: {
        on: '2025-09-15',
        handover: { pilotWithdrawal: 'Fin 2025', takeover: 'Service formation' },
      },
    });
  });

  it('names every bad cell by row and column, in French, and keeps the rows that have one out', () => {
    const rows = [
      running({ title: 'ab', state: 'lancé', launchedOn: '31/02/2026', sponsor: 'inconnu@ville.fr' }, 2),
      running(
        {
          pilots: 'dga@ville.fr',
          expiresOn: '01/01/2026',
          launchedOn: '05/01/2026',
          lastWeather: 'pluvieux',
          lastCheckInOn: '10/01/2026',
        },
        3,
      ),
      perpetuated({ handoverTakeover: '', usersVoiceCount: '', verdict: '' }, 4),
    ];
    const { experiments } = validateImportRows(rows, context);
    expect(experiments).toEqual([]);
    expect(errorsOf(rows)).toEqual([
      '2/Titre: Au moins 3 caractères.',
      "2/État: « lancé » n'est pas une valeur admise : brouillon, en cours, en évaluation, en décision, pérennisé, abandonné, itéré, annulé.",
      "2/Portage institutionnel (courriel): inconnu@ville.fr n'est pas membre de l'organisation.",
      "2/Date de lancement: « 31/02/2026 » n'est pas une date (jj/mm/aaaa).",
      '3/Portage institutionnel (courriel): Le portage institutionnel ne peut pas être aussi porteur·euse du test.',
      '3/Date de péremption: La date de péremption doit suivre la date de lancement.',
      "3/Météo: « pluvieux » n'est pas une valeur admise : ensoleillé, nuageux, orageux.",
      '4/Verdict: Verdict obligatoire pour un test évalué.',
      '4/Voix des usagers (nombre): La voix des usagers est requise : un nombre de personnes entendues, ou la raison de leur absence.',
      '4/Passation : reprise par: Pérenniser suppose une passation : qui reprend.',
    ]);
  });

  it('requires what each state implies: a launched test its people and dates, a stopped one its stop, an evaluated one its verdict', () => {
    expect(errorsOf([{ rowNumber: 2, cells: { title: 'Un brouillon', state: 'brouillon' } }])).toEqual([]);
    expect(errorsOf([{ rowNumber: 2, cells: { title: 'Un test annulé', state: 'annulé' } }])).toEqual([]);
    expect(errorsOf([{ rowNumber: 5, cells: { title: 'En évaluation', state: 'en évaluation' } }])).toEqual([
      '5/Hypothèse: Hypothèse obligatoire : pas d’hypothèse, pas de test.',
      '5/Périmètre: Périmètre obligatoire pour un test lancé.',
      '5/Critères: Au moins un critère pour un test lancé.',
      '5/Porteur·euses (courriels): Au moins un·e porteur·euse pour un test lancé.',
      '5/Portage institutionnel (courriel): Portage institutionnel obligatoire pour un test lancé.',
      '5/Date de lancement: Date obligatoire pour cet état (jj/mm/aaaa).',
      '5/Date de péremption: Date obligatoire pour cet état (jj/mm/aaaa).',
      "5/Date d'arrêt: Date obligatoire pour cet état (jj/mm/aaaa).",
    ]);
    expect(errorsOf([running({ consentOn: '' })])).toEqual([
      "2/Accord recueilli le: L'accord de l'équipe testeuse d'un test lancé doit avoir été recueilli : indiquez la date.",
    ]);
  });

  it('refuses dates after today and tests longer than the organisation allows', () => {
    expect(errorsOf([running({ launchedOn: '20/06/2026', expiresOn: '30/09/2026' })])).toEqual(
      ['Date de lancement: Date future (20/06/2026) : un import reprend le passé.'].map((m) => `2/${m}`),
    );
    expect(errorsOf([running({ launchedOn: '05/01/2026', expiresOn: '30/06/2027' })])).toEqual([
      '2/Date de péremption: Un test dure au plus 365 jours dans votre organisation (ici 541).',
    ]);
  });

  it('takes a running test whose expiry has passed (the lifecycle stops it at once)', () => {
    expect(errorsOf([running({ launchedOn: '05/01/2026', expiresOn: '01/06/2026' })])).toEqual([]);
  });

  it('links an iteration to an iterated parent above it or imported before, and refuses any other', () => {
    const parent = perpetuated(
      { reference: 'P-1', state: 'itéré', handoverTakeover: '', handoverWithdrawal: '' },
      2,
    );
    const child = running({ reference: 'C-1', parentReference: 'P-1' }, 3);
    expect(errorsOf([parent, child])).toEqual([]);
    expect(errorsOf([running({ parentReference: 'OLD-1' })])).toEqual([]);
    expect(errorsOf([running({ parentReference: 'NOPE' })])).toEqual([
      '2/Test parent (référence): Aucun test de référence « NOPE » plus haut dans le fichier ni déjà importé.',
    ]);
    expect(errorsOf([perpetuated({ reference: 'P-2' }, 2), running({ parentReference: 'P-2' }, 3)])).toEqual([
      "3/Test parent (référence): Le test « P-2 » n'est pas itéré : il ne peut pas avoir d'itération.",
    ]);
    expect(errorsOf([running({ reference: 'X' }, 2), running({ reference: 'X' }, 3)])).toEqual([
      '3/Référence: Référence déjà utilisée ligne 2.',
    ]);
  });

  it('reads days as jj/mm/aaaa or as a spreadsheet gives them, and headers without case or accents', () => {
    expect(parseImportDay('5/1/2026')).toBe('2026-01-05');
    expect(parseImportDay('2026-01-05')).toBe('2026-01-05');
    expect(parseImportDay('29/02/2025')).toBeNull();
    expect(parseImportDay('demain')).toBeNull();
    expect(importColumnForHeader('  DATE DE PEREMPTION ')).toBe('expiresOn');
    expect(importColumnForHeader('Commentaire')).toBeUndefined();
  });

  it('gives a row without reference the same content key whatever the spaces around its cells', () => {
    const a = importRowContent({ rowNumber: 2, cells: { title: 'Test', state: 'brouillon' } });
    const b = importRowContent({ rowNumber: 9, cells: { title: ' Test ', state: 'brouillon ' } });
    expect(a).toBe(b);
    expect(importRowContent({ rowNumber: 2, cells: { title: 'Test 2', state: 'brouillon' } })).not.toBe(a);
  });

  it('dates an imported test in the organisation’s zone: acts at the reminder hour, the expiry at the end of its day', () => {
    const [row] = validateImportRows([perpetuated({ stoppedOn: '20/06/2025' })], context).experiments;
    const t = importTimeline(row, resolveLifecycleSettings({}, 'Europe/Paris'));
    expect(t.launchedAt?.toISOString()).toBe('2025-01-05T08:00:00.000Z');
    expect(t.expiresAt?.toISOString()).toBe('2025-06-30T21:59:59.999Z');
    expect(t.stopKind).toBe('early');
    expect(t.stoppedAt?.toISOString()).toBe('2025-06-20T07:00:00.000Z');
    // Evaluated on 15/07, within the 30 days after the stop; decided on 15/09, more than 30 days after it.
    expect(t.evaluationOnTime).toBe(true);
    expect(t.decisionOnTime).toBe(false);
  });
});
