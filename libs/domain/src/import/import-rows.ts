import type { ExperimentState } from '../experiment/experiment-state';
import type { Criterion, ConsentMethod } from '../experiment/framing';
import type { Verdict, Weather } from '../experiment/lifecycle-inputs';
import type { LifecycleSettings } from '../organization/lifecycle-settings';
import {
  foldLabel,
  IMPORT_COLUMN_HEADER,
  IMPORT_CONSENT_METHOD_LABELS,
  IMPORT_STATE_LABELS,
  IMPORT_VERDICT_LABELS,
  IMPORT_WEATHER_LABELS,
  type ImportColumnKey,
} from './import-columns';

/** One line of the spreadsheet: its number as the spreadsheet shows it, and its cells as text. */
export interface RawImportRow {
  rowNumber: number;
  cells: Partial<Record<ImportColumnKey, string>>;
}

/** A bad cell: row and column as the spreadsheet shows them, and why, in French. */
export interface ImportCellError {
  row: number;
  column: string;
  field: ImportColumnKey;
  message: string;
}

/** A row that passed every rule: what the import will create. */
export interface ImportedExperiment {
  rowNumber: number;
  reference: string | null;
  title: string;
  state: ExperimentState;
  trackId: string | null;
  hypothesis: string;
  vision: string;
  scope: string;
  criteria: Criterion[];
  pilotIds: string[];
  sponsorId: string | null;
  participantIds: string[];
  consent: { collectedOn: string; method: ConsentMethod } | null;
  launchedOn: string | null;
  expiresOn: string | null;
  checkInCadenceDays: number | null;
  stoppedOn: string | null;
  lastCheckIn: { on: string; weather: Weather; progress: string } | null;
  evaluation: {
    on: string;
    verdict: Verdict;
    criterionResults: string;
    usersVoice: { sources: string[]; count: number; noneReason: string };
    learnings: string;
  } | null;
  decision: {
    on: string;
    rationale: string;
    handover: { pilotWithdrawal: string; takeover: string } | null;
  } | null;
  parentReference: string | null;
  cancelReason: string | null;
}

/** What the rules need to know of the organisation. */
export interface ImportContext {
  /** Members of the organisation by email (lower case). */
  people: ReadonlyMap<string, string>;
  /** Tracks available to the organisation by folded name and slug. */
  tracks: ReadonlyMap<string, string>;
  /** Today in the organisation's time zone (YYYY-MM-DD): nothing imported happens after it. */
  today: string;
  settings: Pick<LifecycleSettings, 'maxDurationDays'>;
  /** References of tests imported earlier into this organisation, with their state. */
  knownReferences: ReadonlyMap<string, ExperimentState>;
}

export interface ImportValidation {
  experiments: ImportedExperiment[];
  errors: ImportCellError[];
}

const LAUNCHED: readonly ExperimentState[] = [
  'running',
  'evaluating',
  'deciding',
  'perpetuated',
  'abandoned',
  'iterated',
];
const STOPPED: readonly ExperimentState[] = [
  'evaluating',
  'deciding',
  'perpetuated',
  'abandoned',
  'iterated',
];
const EVALUATED: readonly ExperimentState[] = ['deciding', 'perpetuated', 'abandoned', 'iterated'];
const DECIDED: readonly ExperimentState[] = ['perpetuated', 'abandoned', 'iterated'];

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

const split = (value: string, separators = /[;\n]/) =>
  value
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** A day written jj/mm/aaaa (or aaaa-mm-jj, as a spreadsheet may give it), as YYYY-MM-DD; null if not one. */
export function parseImportDay(value: string): string | null {
  const text = value.trim();
  let y: number, m: number, d: number;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  if (fr) [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 2000 || y > 2999) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const frenchDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const daysFrom = (a: string, b: string) =>
  (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

/** The text a row is known by when it has no reference: every cell, in column order. */
export function importRowContent(row: RawImportRow): string {
  return JSON.stringify(
    Object.keys(IMPORT_COLUMN_HEADER).map((key) => (row.cells[key as ImportColumnKey] ?? '').trim()),
  );
}

/**
 * Checks every row against the lifecycle's rules, as the dry run shows them: each bad cell
 * named by row and column, in French. Rows with an error are not imported; the real run
 * refuses a file that still has any.
 */
export function validateImportRows(rows: readonly RawImportRow[], context: ImportContext): ImportValidation {
  const errors: ImportCellError[] = [];
  const experiments: ImportedExperiment[] = [];
  const referencesInFile = new Map<string, { row: number; state: ExperimentState | null }>();

  for (const row of rows) {
    const rowErrors: ImportCellError[] = [];
    const fail = (field: ImportColumnKey, message: string) =>
      rowErrors.push({ row: row.rowNumber, column: IMPORT_COLUMN_HEADER[field], field, message });
    const cell = (field: ImportColumnKey) => (row.cells[field] ?? '').trim();
    const tooLong = (field: ImportColumnKey, max: number) => {
      if (cell(field).length > max) fail(field, `${max} caractères au plus (${cell(field).length} ici).`);
    };
    const day = (field: ImportColumnKey, required: boolean): string | null => {
      const text = cell(field);
      if (!text) {
        if (required) fail(field, 'Date obligatoire pour cet état (jj/mm/aaaa).');
        return null;
      }
      const parsed = parseImportDay(text);
      if (!parsed) {
        fail(field, `« ${text} » n'est pas une date (jj/mm/aaaa).`);
        return null;
      }
      return parsed;
    };
    const email = (field: ImportColumnKey, value: string): string | null => {
      if (!EMAIL.test(value)) {
        fail(field, `« ${value} » n'est pas une adresse électronique.`);
        return null;
      }
      const id = context.people.get(value.toLowerCase());
      if (!id) fail(field, `${value} n'est pas membre de l'organisation.`);
      return id ?? null;
    };
    const label = <T>(field: ImportColumnKey, labels: Record<string, T>, expected: string): T | null => {
      const text = cell(field);
      if (!text) return null;
      const found = labels[foldLabel(text)];
      if (found === undefined) fail(field, `« ${text} » n'est pas une valeur admise : ${expected}.`);
      return found ?? null;
    };

    // --- what it is ----------------------------------------------------------------
    const reference = cell('reference') || null;
    tooLong('reference', 100);
    if (reference) {
      const earlier = referencesInFile.get(reference);
      if (earlier) fail('reference', `Référence déjà utilisée ligne ${earlier.row}.`);
    }
    const title = cell('title');
    if (title.length < 3) fail('title', title ? 'Au moins 3 caractères.' : 'Titre obligatoire.');
    tooLong('title', 200);
    let state: ExperimentState | null = null;
    if (!cell('state')) fail('state', 'État obligatoire.');
    else
      state = label(
        'state',
        IMPORT_STATE_LABELS,
        'brouillon, en cours, en évaluation, en décision, pérennisé, abandonné, itéré, annulé',
      );
    if (reference) referencesInFile.set(reference, { row: row.rowNumber, state });
    let trackId: string | null = null;
    if (cell('track')) {
      trackId = context.tracks.get(foldLabel(cell('track'))) ?? null;
      if (!trackId) fail('track', `Piste « ${cell('track')} » inconnue de l'organisation.`);
    }
    for (const field of ['hypothesis', 'vision', 'scope'] as const) tooLong(field, 4000);
    const launched = state !== null && LAUNCHED.includes(state);
    if (!cell('hypothesis') && state !== null && state !== 'draft' && state !== 'cancelled')
      fail('hypothesis', 'Hypothèse obligatoire : pas d’hypothèse, pas de test.');
    if (!cell('scope') && launched) fail('scope', 'Périmètre obligatoire pour un test lancé.');

    const criteria: Criterion[] = split(cell('criteria')).map((text, index) => {
      const at = text.indexOf(':');
      const name = (at >= 0 ? text.slice(0, at) : text).trim();
      const target = at >= 0 ? text.slice(at + 1).trim() : '';
      if (!name || name.length > 300)
        fail('criteria', `Critère ${index + 1} : un nom de 1 à 300 caractères.`);
      return { id: `c${index + 1}`, name, method: '', target: target.slice(0, 500), coBuiltWithUsers: false };
    });
    if (criteria.length > 50) fail('criteria', '50 critères au plus.');
    if (launched && criteria.length === 0) fail('criteria', 'Au moins un critère pour un test lancé.');

    // --- who ---------------------------------------------------------------------------
    const pilotIds = split(cell('pilots'), /[;,\n]/)
      .map((value) => email('pilots', value))
      .filter((id): id is string => id !== null);
    if (launched && split(cell('pilots'), /[;,\n]/).length === 0)
      fail('pilots', 'Au moins un·e porteur·euse pour un test lancé.');
    const sponsorText = cell('sponsor');
    const sponsorId = sponsorText ? email('sponsor', sponsorText) : null;
    if (launched && !sponsorText) fail('sponsor', 'Portage institutionnel obligatoire pour un test lancé.');
    if (sponsorId && pilotIds.includes(sponsorId))
      fail('sponsor', 'Le portage institutionnel ne peut pas être aussi porteur·euse du test.');
    const participantIds = split(cell('participants'), /[;,\n]/)
      .map((value) => email('participants', value))
      .filter((id): id is string => id !== null);
    const consentOn = day('consentOn', false);
    const consentMethod = label('consentMethod', IMPORT_CONSENT_METHOD_LABELS, 'papier, courriel, réunion');
    if (launched && participantIds.length > 0 && !consentOn)
      fail(
        'consentOn',
        "L'accord de l'équipe testeuse d'un test lancé doit avoir été recueilli : indiquez la date.",
      );
    if (consentOn && !consentMethod && !cell('consentMethod'))
      fail('consentMethod', 'Mode de recueil obligatoire avec la date (papier, courriel, réunion).');

    // --- when --------------------------------------------------------------------------
    const launchedOn = day('launchedOn', launched);
    const expiresOn = day('expiresOn', launched);
    const stopped = state !== null && STOPPED.includes(state);
    const stoppedOn = day('stoppedOn', stopped);
    const future = (field: ImportColumnKey, value: string | null) => {
      if (value && value > context.today)
        fail(field, `Date future (${frenchDay(value)}) : un import reprend le passé.`);
    };
    future('launchedOn', launchedOn);
    future('stoppedOn', stoppedOn);
    if (launchedOn && expiresOn && expiresOn <= launchedOn)
      fail('expiresOn', 'La date de péremption doit suivre la date de lancement.');
    if (
      state === 'running' &&
      launchedOn &&
      expiresOn &&
      daysFrom(launchedOn, expiresOn) > context.settings.maxDurationDays
    )
      fail(
        'expiresOn',
        `Un test dure au plus ${context.settings.maxDurationDays} jours dans votre organisation (ici ${daysFrom(launchedOn, expiresOn)}).`,
      );
    if (stoppedOn && launchedOn && stoppedOn < launchedOn)
      fail('stoppedOn', "La date d'arrêt précède le lancement.");
    if (state === 'running' && cell('stoppedOn'))
      fail('stoppedOn', "Un test en cours n'a pas de date d'arrêt.");
    let checkInCadenceDays: number | null = null;
    if (cell('checkInCadenceDays')) {
      const n = Number(cell('checkInCadenceDays'));
      if (!Number.isInteger(n) || n < 1 || n > 90)
        fail('checkInCadenceDays', 'Un nombre entier de jours, de 1 à 90.');
      else checkInCadenceDays = n;
    }

    let lastCheckIn: ImportedExperiment['lastCheckIn'] = null;
    const checkInOn = day('lastCheckInOn', false);
    const weather = label('lastWeather', IMPORT_WEATHER_LABELS, 'ensoleillé, nuageux, orageux');
    tooLong('lastProgress', 4000);
    if (checkInOn || cell('lastWeather')) {
      if (!launched) fail('lastCheckInOn', "Un point d'étape suppose un test lancé.");
      if (!checkInOn && !cell('lastCheckInOn'))
        fail('lastCheckInOn', 'Date du point d’étape obligatoire avec sa météo.');
      if (!cell('lastWeather')) fail('lastWeather', 'Météo obligatoire avec la date du point d’étape.');
      future('lastCheckInOn', checkInOn);
      if (checkInOn && launchedOn && checkInOn < launchedOn)
        fail('lastCheckInOn', 'Le point d’étape précède le lancement.');
      if (checkInOn && stoppedOn && checkInOn > stoppedOn)
        fail('lastCheckInOn', "Le point d'étape suit l'arrêt du test.");
      if (checkInOn && weather)
        lastCheckIn = {
          on: checkInOn,
          weather,
          progress: cell('lastProgress') || "Point d'étape repris à l'import.",
        };
    }

    // --- evaluation and decision ---------------------------------------------------------
    const evaluated = state !== null && EVALUATED.includes(state);
    let evaluation: ImportedExperiment['evaluation'] = null;
    const verdict = label(
      'verdict',
      IMPORT_VERDICT_LABELS,
      'confirmée, partiellement confirmée, réfutée, non concluante',
    );
    const evaluatedOn = day('evaluatedOn', evaluated);
    if (evaluated && !cell('verdict')) fail('verdict', 'Verdict obligatoire pour un test évalué.');
    if (evaluated && !cell('learnings')) fail('learnings', 'Enseignements obligatoires pour un test évalué.');
    if (!evaluated && (cell('verdict') || cell('evaluatedOn')))
      fail(
        cell('verdict') ? 'verdict' : 'evaluatedOn',
        'Seul un test en décision ou clos après décision a une évaluation.',
      );
    tooLong('learnings', 8000);
    future('evaluatedOn', evaluatedOn);
    if (evaluatedOn && stoppedOn && evaluatedOn < stoppedOn)
      fail('evaluatedOn', "L'évaluation précède l'arrêt du test.");
    let count = 0;
    if (cell('usersVoiceCount')) {
      count = Number(cell('usersVoiceCount'));
      if (!Number.isInteger(count) || count < 0 || count > 100000) {
        fail('usersVoiceCount', 'Un nombre entier de personnes, de 0 à 100 000.');
        count = 0;
      }
    }
    if (evaluated && count === 0 && !cell('usersVoiceNoneReason'))
      fail(
        'usersVoiceCount',
        'La voix des usagers est requise : un nombre de personnes entendues, ou la raison de leur absence.',
      );
    if (evaluated && verdict && evaluatedOn)
      evaluation = {
        on: evaluatedOn,
        verdict,
        criterionResults: cell('criterionResults'),
        usersVoice: {
          sources: split(cell('usersVoiceSources')).slice(0, 20),
          count,
          noneReason: count > 0 ? '' : cell('usersVoiceNoneReason'),
        },
        learnings: cell('learnings'),
      };

    const decided = state !== null && DECIDED.includes(state);
    const decidedOn = day('decidedOn', decided);
    future('decidedOn', decidedOn);
    if (decidedOn && evaluatedOn && decidedOn < evaluatedOn)
      fail('decidedOn', "La décision précède l'évaluation.");
    if (decided && !cell('rationale')) fail('rationale', 'Justification obligatoire pour une décision.');
    if (!decided && cell('decidedOn'))
      fail('decidedOn', 'Seul un test pérennisé, abandonné ou itéré a une décision.');
    const handover =
      cell('handoverWithdrawal') || cell('handoverTakeover')
        ? { pilotWithdrawal: cell('handoverWithdrawal'), takeover: cell('handoverTakeover') }
        : null;
    if (state === 'perpetuated') {
      if (!cell('handoverWithdrawal'))
        fail('handoverWithdrawal', 'Pérenniser suppose une passation : quand le porteur se retire.');
      if (!cell('handoverTakeover'))
        fail('handoverTakeover', 'Pérenniser suppose une passation : qui reprend.');
    }
    const decision = decided && decidedOn ? { on: decidedOn, rationale: cell('rationale'), handover } : null;

    // --- lineage -------------------------------------------------------------------------
    const parentReference = cell('parentReference') || null;
    if (parentReference) {
      const inFile = referencesInFile.get(parentReference);
      const parentState =
        inFile && inFile.row !== row.rowNumber ? inFile.state : context.knownReferences.get(parentReference);
      if (inFile?.row === row.rowNumber)
        fail('parentReference', 'Un test ne peut pas être son propre parent.');
      else if (parentState === undefined)
        fail(
          'parentReference',
          `Aucun test de référence « ${parentReference} » plus haut dans le fichier ni déjà importé.`,
        );
      else if (parentState !== null && parentState !== 'iterated')
        fail(
          'parentReference',
          `Le test « ${parentReference} » n'est pas itéré : il ne peut pas avoir d'itération.`,
        );
    }

    if (rowErrors.length > 0 || state === null) {
      errors.push(...rowErrors);
      continue;
    }
    experiments.push({
      rowNumber: row.rowNumber,
      reference,
      title,
      state,
      trackId,
      hypothesis: cell('hypothesis'),
      vision: cell('vision'),
      scope: cell('scope'),
      criteria,
      pilotIds,
      sponsorId,
      participantIds,
      consent: consentOn && consentMethod ? { collectedOn: consentOn, method: consentMethod } : null,
      launchedOn,
      expiresOn,
      checkInCadenceDays,
      stoppedOn: stopped ? stoppedOn : null,
      lastCheckIn,
      evaluation,
      decision,
      parentReference,
      cancelReason: state === 'cancelled' ? cell('cancelReason') || null : null,
    });
  }
  return { experiments, errors };
}

/** What the dry run and the progress screen show (the API answers it, the back-office reads it). */
export interface ImportReport {
  id: string;
  organizationId: string;
  fileName: string;
  status: 'validated' | 'invalid' | 'running' | 'completed' | 'failed';
  totalRows: number;
  /** Rows that pass every rule, by state (what will be created). */
  byState: Partial<Record<ExperimentState, number>>;
  /** Valid rows already imported earlier (same reference or same content): not created again. */
  alreadyImported: number;
  errors: ImportCellError[];
  /** Rows handled so far by the real run, and what they gave. */
  processed: number;
  created: number;
  skipped: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
