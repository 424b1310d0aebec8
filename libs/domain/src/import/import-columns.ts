import type { ExperimentState } from '../experiment/experiment-state';
import type { Verdict, Weather } from '../experiment/lifecycle-inputs';
import type { ConsentMethod } from '../experiment/framing';

/**
 * The columns of the import spreadsheet (French headers, as HR writes them), in the order
 * of the model file. `help` is the notice sheet's line; `example` its sample row.
 */
export const IMPORT_COLUMNS = [
  {
    key: 'reference',
    header: 'Référence',
    help: "Identifiant du test dans votre suivi (facultatif). Sert à relier une itération à son test parent et à reconnaître la ligne lors d'un nouvel import.",
    example: 'RH-2024-07',
  },
  {
    key: 'title',
    header: 'Titre',
    help: 'Obligatoire, 3 à 200 caractères.',
    example: 'Missions temporaires d’appui',
  },
  {
    key: 'state',
    header: 'État',
    help: 'Obligatoire : brouillon, en cours, en évaluation, en décision, pérennisé, abandonné, itéré ou annulé.',
    example: 'pérennisé',
  },
  { key: 'track', header: 'Piste', help: 'Nom de la piste (facultatif).', example: 'Initiatives spontanées' },
  {
    key: 'hypothesis',
    header: 'Hypothèse',
    help: 'Obligatoire sauf pour un brouillon ou un test annulé.',
    example: 'Des missions courtes décloisonnent les compétences.',
  },
  { key: 'vision', header: 'Vision', help: 'Facultatif.', example: '' },
  {
    key: 'scope',
    header: 'Périmètre',
    help: 'Obligatoire pour un test lancé.',
    example: 'Direction des ressources humaines',
  },
  {
    key: 'criteria',
    header: 'Critères',
    help: 'Un critère par ligne (ou séparés par « ; ») ; la cible après « : ». Au moins un pour un test lancé.',
    example: 'Missions proposées : 10 ; Satisfaction des agents : 4/5',
  },
  {
    key: 'pilots',
    header: 'Porteur·euses (courriels)',
    help: 'Courriels de comptes de votre organisation, séparés par « ; ». Obligatoire pour un test lancé.',
    example: 'pilote@exemple.fr',
  },
  {
    key: 'sponsor',
    header: 'Portage institutionnel (courriel)',
    help: 'Courriel d’un compte de votre organisation, différent des porteur·euses. Obligatoire pour un test lancé.',
    example: 'dga@exemple.fr',
  },
  {
    key: 'participants',
    header: 'Équipe testeuse (courriels)',
    help: 'Courriels séparés par « ; » (facultatif).',
    example: 'agent@exemple.fr',
  },
  {
    key: 'consentOn',
    header: 'Accord recueilli le',
    help: 'Date à laquelle l’accord de l’équipe testeuse a été recueilli hors de l’application ; obligatoire si un test lancé a une équipe testeuse.',
    example: '02/01/2024',
  },
  {
    key: 'consentMethod',
    header: "Mode de recueil de l'accord",
    help: 'papier, courriel ou réunion (avec la date ci-dessus).',
    example: 'papier',
  },
  {
    key: 'launchedOn',
    header: 'Date de lancement',
    help: 'jj/mm/aaaa. Obligatoire pour un test lancé.',
    example: '08/01/2024',
  },
  {
    key: 'expiresOn',
    header: 'Date de péremption',
    help: 'jj/mm/aaaa, après le lancement. Obligatoire pour un test lancé. Un test en cours dont la date est passée s’arrête dès l’import et son évaluation devient due.',
    example: '30/06/2024',
  },
  {
    key: 'checkInCadenceDays',
    header: "Rythme des points d'étape (jours)",
    help: 'Nombre de jours entre deux points d’étape, de 1 à 90 (facultatif).',
    example: '14',
  },
  {
    key: 'stoppedOn',
    header: "Date d'arrêt",
    help: 'jj/mm/aaaa. Obligatoire pour un test arrêté (évaluation, décision, clos).',
    example: '30/06/2024',
  },
  {
    key: 'lastCheckInOn',
    header: "Dernier point d'étape",
    help: 'jj/mm/aaaa (facultatif).',
    example: '15/06/2024',
  },
  {
    key: 'lastWeather',
    header: 'Météo',
    help: 'Météo du dernier point d’étape : ensoleillé, nuageux ou orageux (avec la date ci-dessus).',
    example: 'ensoleillé',
  },
  {
    key: 'lastProgress',
    header: 'Avancement',
    help: 'Texte du dernier point d’étape (facultatif).',
    example: 'Dix missions réalisées.',
  },
  {
    key: 'verdict',
    header: 'Verdict',
    help: 'confirmée, partiellement confirmée, réfutée ou non concluante. Obligatoire à partir de « en décision ».',
    example: 'confirmée',
  },
  {
    key: 'evaluatedOn',
    header: "Date d'évaluation",
    help: 'jj/mm/aaaa, avec le verdict.',
    example: '15/07/2024',
  },
  {
    key: 'criterionResults',
    header: 'Résultats des critères',
    help: 'Ce que chaque critère a donné (facultatif ; repris pour chaque critère).',
    example: '12 missions ; 4,3/5',
  },
  {
    key: 'usersVoiceCount',
    header: 'Voix des usagers (nombre)',
    help: 'Nombre de personnes entendues. Avec le verdict : ce nombre ou la raison ci-dessous.',
    example: '24',
  },
  {
    key: 'usersVoiceSources',
    header: 'Voix des usagers (sources)',
    help: 'Entretiens, questionnaires… séparés par « ; ».',
    example: 'entretiens ; questionnaire',
  },
  {
    key: 'usersVoiceNoneReason',
    header: "Pourquoi aucun usager n'a été entendu",
    help: 'Si le nombre est 0 ou vide.',
    example: '',
  },
  {
    key: 'learnings',
    header: 'Enseignements',
    help: 'Obligatoire avec le verdict.',
    example: 'Mieux vaut des outils simples, co-construits.',
  },
  {
    key: 'decidedOn',
    header: 'Date de décision',
    help: 'jj/mm/aaaa. Obligatoire pour un test pérennisé, abandonné ou itéré.',
    example: '15/09/2024',
  },
  {
    key: 'rationale',
    header: 'Justification de la décision',
    help: 'Obligatoire avec la décision.',
    example: 'Les agents en redemandent.',
  },
  {
    key: 'handoverWithdrawal',
    header: 'Passation : retrait du porteur',
    help: 'Pour un test pérennisé : quand le porteur se retire.',
    example: 'Fin 2024',
  },
  {
    key: 'handoverTakeover',
    header: 'Passation : reprise par',
    help: 'Pour un test pérennisé : qui reprend.',
    example: 'Service formation',
  },
  {
    key: 'parentReference',
    header: 'Test parent (référence)',
    help: 'Pour une itération : la référence du test itéré, plus haut dans le fichier ou déjà importé.',
    example: '',
  },
  {
    key: 'cancelReason',
    header: "Motif d'annulation",
    help: 'Pour un test annulé (facultatif).',
    example: '',
  },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export const IMPORT_COLUMN_HEADER = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c.key, c.header]),
) as Record<ImportColumnKey, string>;

/** Most rows one file may hold (the benchmark imports 10,000). */
export const IMPORT_MAX_ROWS = 20_000;

/** Spelling of each state in the spreadsheet (compared without case nor accents). */
export const IMPORT_STATE_LABELS: Record<string, ExperimentState> = {
  brouillon: 'draft',
  'en cours': 'running',
  'en evaluation': 'evaluating',
  'en decision': 'deciding',
  'a decider': 'deciding',
  perennise: 'perpetuated',
  abandonne: 'abandoned',
  itere: 'iterated',
  annule: 'cancelled',
};

export const IMPORT_WEATHER_LABELS: Record<string, Weather> = {
  ensoleille: 'sunny',
  soleil: 'sunny',
  nuageux: 'cloudy',
  orageux: 'stormy',
  orage: 'stormy',
};

export const IMPORT_VERDICT_LABELS: Record<string, Verdict> = {
  confirmee: 'confirmed',
  'partiellement confirmee': 'partly_confirmed',
  refutee: 'refuted',
  'non concluante': 'inconclusive',
};

export const IMPORT_CONSENT_METHOD_LABELS: Record<string, ConsentMethod> = {
  papier: 'paper',
  courriel: 'email',
  reunion: 'meeting',
};

/** Lower case, no accents, single spaces: how labels and headers are compared. */
export function foldLabel(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The column a header names (case, accents and spacing ignored), or undefined. */
export function importColumnForHeader(header: string): ImportColumnKey | undefined {
  const folded = foldLabel(header);
  return IMPORT_COLUMNS.find((c) => foldLabel(c.header) === folded)?.key;
}
