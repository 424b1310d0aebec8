import { localDate, type ImportColumnKey, type RawImportRow } from '@capacites/domain';
import type { DemoOrganization } from './demo-data';

/**
 * Two years of tests per demo organisation (issue 16, item 4), written as the rows of an
 * import spreadsheet and brought in through the import path: every state, check-ins of every
 * weather, evaluations, decisions, iterations, some overdue. The references make it
 * idempotent: a second start finds every row already imported.
 */

const THEMES: { title: string; track: string; hypothesis: string; criterion: string }[] = [
  {
    title: 'Missions temporaires d’appui',
    track: 'initiatives-spontanees',
    hypothesis: 'Des missions courtes entre services décloisonnent les compétences.',
    criterion: 'Missions réalisées : 10',
  },
  {
    title: 'Bourse aux idées des agent·es',
    track: 'initiatives-spontanees',
    hypothesis: 'Un temps dédié aux idées des agent·es fait émerger des projets portés par elles et eux.',
    criterion: 'Idées testées : 5',
  },
  {
    title: 'Vis ma vie entre directions',
    track: 'micro-mobilite',
    hypothesis: 'Une journée dans un autre service donne envie de mobilité interne.',
    criterion: 'Candidatures internes : en hausse',
  },
  {
    title: 'Binômes de mobilité',
    track: 'micro-mobilite',
    hypothesis: 'Un binôme d’accueil sécurise la prise de poste après une mobilité.',
    criterion: 'Satisfaction des arrivant·es : 4/5',
  },
  {
    title: 'Délégation de signature aux gestionnaires',
    track: 'management-subsidiarite',
    hypothesis: 'Signer soi-même les actes courants raccourcit les circuits.',
    criterion: 'Délai moyen : -30 %',
  },
  {
    title: 'Réunions d’équipe sans manager',
    track: 'management-subsidiarite',
    hypothesis: 'Des réunions animées à tour de rôle renforcent l’autonomie de l’équipe.',
    criterion: 'Décisions prises en équipe : 8',
  },
  {
    title: 'Tiers-lieu pour les agent·es itinérant·es',
    track: 'initiatives-spontanees',
    hypothesis: 'Un lieu partagé réduit l’isolement des agent·es de terrain.',
    criterion: 'Fréquentation hebdomadaire : 20',
  },
  {
    title: 'Parcours d’accueil des apprenti·es',
    track: 'micro-mobilite',
    hypothesis: 'Un parcours écrit avec les apprenti·es réduit les abandons.',
    criterion: 'Abandons : aucun',
  },
  {
    title: 'Planning construit par l’équipe',
    track: 'management-subsidiarite',
    hypothesis: 'Un planning décidé par l’équipe améliore la conciliation des temps.',
    criterion: 'Demandes de modification : en baisse',
  },
  {
    title: 'Café des usagers au guichet',
    track: 'initiatives-spontanees',
    hypothesis: 'Écouter les usagers autour d’un café améliore l’accueil.',
    criterion: 'Suggestions recueillies : 30',
  },
];
const SERVICES = [
  'DRH',
  'petite enfance',
  'voirie',
  'médiathèques',
  'état civil',
  'action sociale',
  'espaces verts',
  'finances',
];
const WEATHERS = ['ensoleillé', 'nuageux', 'orageux'];
const VERDICTS = ['confirmée', 'partiellement confirmée', 'réfutée', 'non concluante'];

/** The life each demo test had: its state and, in days before today, when it started and ran. */
type Plan = { state: string; overdue?: boolean; parent?: number };
const PLANS: Plan[] = [
  ...Array.from({ length: 7 }, () => ({ state: 'en cours' })),
  { state: 'en cours', overdue: true },
  ...Array.from({ length: 3 }, () => ({ state: 'en évaluation' })),
  { state: 'en évaluation', overdue: true },
  { state: 'en évaluation', overdue: true },
  ...Array.from({ length: 2 }, () => ({ state: 'en décision' })),
  { state: 'en décision', overdue: true },
  ...Array.from({ length: 8 }, () => ({ state: 'pérennisé' })),
  ...Array.from({ length: 6 }, () => ({ state: 'abandonné' })),
  ...Array.from({ length: 4 }, () => ({ state: 'itéré' })),
  // The iterations of the four iterated tests (indexes 30–33 of the plan).
  { state: 'en cours', parent: 30 },
  { state: 'pérennisé', parent: 31 },
  { state: 'brouillon', parent: 32 },
  { state: 'en évaluation', parent: 33 },
  { state: 'annulé' },
  { state: 'annulé' },
  { state: 'brouillon' },
  { state: 'brouillon' },
];

/** A small deterministic generator: the same organisation gets the same history. */
function generator(seed: number) {
  let x = seed * 2654435761 + 1;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

export function demoHistoryRows(
  organization: DemoOrganization,
  index: number,
  now = new Date(),
): RawImportRow[] {
  const random = generator(index + 1);
  const day = (daysAgo: number) => localDate(new Date(now.getTime() - daysAgo * 86_400_000), 'Europe/Paris');
  const people = (role: string) => `${role}@${organization.slug}.demo`;
  const reference = (n: number) => `DEMO-${organization.slug}-${String(n + 1).padStart(3, '0')}`;
  const decidedOf = new Map<number, number>();
  return PLANS.map((plan, n): RawImportRow => {
    const theme = THEMES[(n + index * 3) % THEMES.length];
    const service = SERVICES[(n + index) % SERVICES.length];
    const cells: Partial<Record<ImportColumnKey, string>> = {
      reference: reference(n),
      title: `${theme.title} (${service})${plan.parent !== undefined ? ' — itération 2' : ''}`,
      state: plan.state,
      track: theme.track,
      hypothesis: theme.hypothesis,
      scope: `Service ${service}, équipes volontaires`,
      criteria: `${theme.criterion} ; Voix des agent·es : recueillie`,
    };
    const closedAfterDecision = ['pérennisé', 'abandonné', 'itéré'].includes(plan.state);
    if (plan.state === 'brouillon' || plan.state === 'annulé') {
      if (plan.parent !== undefined) cells.parentReference = reference(plan.parent);
      if (plan.state === 'annulé') cells.cancelReason = 'Le service a été réorganisé avant le lancement.';
      return { rowNumber: n + 2, cells };
    }
    // When it started: closed tests over the two years, running ones recently; an iteration
    // after its parent's decision. Days are counted back from today.
    let duration = 60 + random(120);
    let launchedAgo: number;
    if (plan.parent !== undefined) {
      const after = (decidedOf.get(plan.parent) ?? 200) - 10;
      if (plan.state === 'en cours') {
        launchedAgo = Math.min(after, 300);
        duration = launchedAgo + 20 + random(30);
      } else {
        launchedAgo = after;
        duration = Math.max(30, Math.min(duration, launchedAgo - 70));
      }
      cells.parentReference = reference(plan.parent);
    } else if (plan.state === 'en cours')
      launchedAgo = plan.overdue ? duration + 3 : 10 + random(duration - 20);
    else if (plan.state === 'en évaluation') launchedAgo = duration + (plan.overdue ? 60 : 5) + random(10);
    else if (plan.state === 'en décision') launchedAgo = duration + (plan.overdue ? 90 : 25) + random(5);
    else if (plan.state === 'itéré') launchedAgo = 400 + random(160);
    else launchedAgo = duration + 60 + random(730 - duration - 60);
    const expiresAgo = launchedAgo - duration;
    const early = closedAfterDecision && random(4) === 0;
    const stoppedAgo = early ? expiresAgo + 10 : expiresAgo;
    Object.assign(cells, {
      pilots: people('pilot'),
      sponsor: people('sponsor'),
      participants: people('member'),
      consentOn: day(launchedAgo + 7),
      consentMethod: ['papier', 'courriel', 'réunion'][n % 3],
      launchedOn: day(launchedAgo),
      expiresOn: day(expiresAgo),
      checkInCadenceDays: String([14, 21, 30][n % 3]),
    });
    const checkInAgo =
      plan.state === 'en cours' ? Math.max(1, Math.min(launchedAgo - 1, 5 + random(20))) : stoppedAgo + 5;
    if (checkInAgo < launchedAgo) {
      cells.lastCheckInOn = day(checkInAgo);
      cells.lastWeather = WEATHERS[(n + index) % 3];
      cells.lastProgress = [
        'Les équipes testeuses sont lancées.',
        'Des difficultés de planning, en cours de résolution.',
        'Blocage : le service support manque de temps.',
      ][(n + index) % 3];
    }
    if (plan.state === 'en cours') return { rowNumber: n + 2, cells };
    cells.stoppedOn = day(stoppedAgo);
    if (plan.state === 'en évaluation') return { rowNumber: n + 2, cells };
    const evaluatedAgo =
      plan.state === 'en décision' ? (plan.overdue ? stoppedAgo - 20 : 10) : stoppedAgo - 15 - random(40);
    Object.assign(cells, {
      verdict: plan.state === 'abandonné' ? VERDICTS[2 + (n % 2)] : VERDICTS[n % 2],
      evaluatedOn: day(Math.max(1, evaluatedAgo)),
      criterionResults: 'Atteint en partie ; retours des agent·es recueillis en entretien',
      usersVoiceCount: String(6 + random(30)),
      usersVoiceSources: 'entretiens ; questionnaire',
      learnings:
        'Des outils simples, conçus avec les agent·es et réadaptés au fil de l’eau, valent mieux qu’un dispositif lourd.',
    });
    if (plan.state === 'en décision') return { rowNumber: n + 2, cells };
    const decidedAgo = Math.max(1, evaluatedAgo - 10 - random(20));
    decidedOf.set(n, decidedAgo);
    Object.assign(cells, {
      decidedOn: day(decidedAgo),
      rationale:
        plan.state === 'pérennisé'
          ? 'Les équipes en redemandent : le dispositif devient une pratique du service.'
          : plan.state === 'itéré'
            ? 'Prometteur : on teste un autre aspect dans un autre service.'
            : 'L’hypothèse n’est pas vérifiée ; on en garde les enseignements.',
    });
    if (plan.state === 'pérennisé')
      Object.assign(cells, {
        handoverWithdrawal: 'À la fin du trimestre suivant',
        handoverTakeover: `L'encadrement du service ${service}`,
      });
    return { rowNumber: n + 2, cells };
  });
}

/**
 * The demo's replications (issue 16 item 2): a perpetuated test of one organisation's history
 * copied as a draft into another, provenance kept (SeedService.replicateDemoTests, once each).
 */
export const DEMO_REPLICATIONS: { from: string; fromReference: string; to: string }[] = [
  { from: 'nantes', fromReference: 'DEMO-nantes-017', to: 'gironde' },
  { from: 'cu-dunkerque', fromReference: 'DEMO-cu-dunkerque-018', to: 'caluire-et-cuire' },
  { from: 'gironde', fromReference: 'DEMO-gironde-019', to: 'cergy-pontoise' },
];
