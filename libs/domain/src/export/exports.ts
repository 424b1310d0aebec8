import type { ExperimentState } from '../experiment/experiment-state';
import type { Outcome, Verdict } from '../experiment/lifecycle-inputs';

/**
 * Spreadsheet exports of the lists (experiments, evaluations, decisions), streamed by the
 * API and offered by the back-office: the one description of their formats and columns.
 */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_RESOURCES = ['experiments', 'evaluations', 'decisions'] as const;
export type ExportResource = (typeof EXPORT_RESOURCES)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The API path of an export, under the API's base URL (`/api`). */
export const exportPath = (resource: ExportResource): string => `/exports/${resource}`;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before
 * them) as a formula: text typed by people is prefixed with an apostrophe to stay text.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const STATE_LABELS_FR: Record<ExperimentState, string> = {
  draft: 'Brouillon',
  running: 'En cours',
  evaluating: 'En évaluation',
  deciding: 'En décision',
  cancelled: 'Annulé',
  perpetuated: 'Pérennisé',
  abandoned: 'Abandonné',
  iterated: 'Itéré',
};

export const VERDICT_LABELS_FR: Record<Verdict, string> = {
  confirmed: 'Hypothèse confirmée',
  partly_confirmed: 'Hypothèse en partie confirmée',
  refuted: 'Hypothèse infirmée',
  inconclusive: 'Résultat non concluant',
};

export const OUTCOME_LABELS_FR: Record<Outcome, string> = {
  iterate: 'Itérer',
  perpetuate: 'Pérenniser',
  abandon: 'Abandonner',
};

/** The columns of each export, in order, with their French headers. */
export const EXPORT_COLUMNS = {
  experiments: {
    title: 'Titre',
    state: 'État',
    track: 'Piste',
    organization: 'Organisation',
    pilots: 'Porteur·euses',
    sponsor: 'Portage institutionnel',
    hypothesis: 'Hypothèse',
    scope: 'Périmètre',
    expiresOn: 'Date de péremption',
    iteration: 'Itération',
    createdOn: 'Créé le',
    id: 'Identifiant',
  },
  evaluations: {
    title: 'Test',
    organization: 'Organisation',
    verdict: 'Verdict',
    criteriaMet: 'Critères atteints',
    criteriaTotal: 'Critères évalués',
    usersVoiceCount: 'Voix des usagers : personnes',
    usersVoiceSources: 'Voix des usagers : sources',
    learnings: 'Enseignements',
    onTime: 'Dans les délais',
    submittedBy: 'Soumise par',
    submittedOn: 'Soumise le',
    shared: 'Enseignements partagés',
    experimentId: 'Identifiant du test',
  },
  decisions: {
    title: 'Test',
    organization: 'Organisation',
    outcome: 'Décision',
    rationale: 'Justification',
    pilotWithdrawal: 'Retrait du porteur',
    takeover: 'Reprise par',
    nextFocus: 'Prochain axe',
    onTime: 'Dans les délais',
    decidedBy: 'Décidée par',
    decidedOn: 'Décidée le',
    experimentId: 'Identifiant du test',
  },
} as const satisfies Record<ExportResource, Record<string, string>>;

export type ExportRow<R extends ExportResource> = Record<
  keyof (typeof EXPORT_COLUMNS)[R],
  string | number | null
>;

/** French file names, dated: `capacites-tests-2026-12-06.csv`. */
export const EXPORT_FILE_STEMS: Record<ExportResource, string> = {
  experiments: 'capacites-tests',
  evaluations: 'capacites-evaluations',
  decisions: 'capacites-decisions',
};
