import { dirname, join } from 'node:path';
import * as pdfmakeModule from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AgendaItem, Criterion } from '@capacites/domain';
import {
  ACTION_FR,
  ASK_FR,
  DECISION_FR,
  dayFr,
  KIND_FR,
  OUTCOME_FR,
  refusalFr,
  STATE_FR,
  VERDICT_FR,
  WEATHER_FR,
} from './committee-labels.fr';
import type { FicheFacts } from './committee-sessions.repository';

// pdfmake 0.3 exports one instance whose methods live on its prototype: with esModuleInterop the
// namespace import copies own properties only, so the instance itself is under `default`.
export const pdfmake = (pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ?? pdfmakeModule;
const FONTS_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(FONTS_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONTS_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONTS_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONTS_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
// A document holds only what we write in it: no URL is fetched, no file read but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONTS_DIR));

export interface PackInput {
  organizationName: string;
  timeZone: string;
  title: string;
  heldOn: string;
  items: (AgendaItem & { experimentTitle: string })[];
  fiches: Map<string, FicheFacts>;
  stateCounts: Record<string, number>;
  generatedAt: Date;
}

export interface MinutesInput {
  organizationName: string;
  timeZone: string;
  title: string;
  heldOn: string;
  attendees: { name: string; role?: string }[];
  items: (AgendaItem & { experimentTitle: string })[];
  recordedAt: Date;
  recordedByName: string;
}

const STYLES: TDocumentDefinitions['styles'] = {
  kicker: { fontSize: 10, color: '#3a3a3a', bold: true, characterSpacing: 1 },
  h1: { fontSize: 20, bold: true, margin: [0, 4, 0, 8] },
  h2: { fontSize: 14, bold: true, margin: [0, 10, 0, 4] },
  h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
  small: { fontSize: 8, color: '#3a3a3a' },
  th: { bold: true, fillColor: '#eeeeee' },
};

function render(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(definition).getBuffer();
}

const footer =
  (label: string) =>
  (currentPage: number, pageCount: number): Content => ({
    text: `${label} · page ${currentPage} / ${pageCount}`,
    style: 'small',
    alignment: 'center',
    margin: [0, 10, 0, 0],
  });

/** The dossier de séance: a cover with the agenda and the figures, then one page per test. */
export function renderPack(input: PackInput): Promise<Buffer> {
  const zone = input.timeZone;
  const counts = (kind: AgendaItem['kind']) => input.items.filter((i) => i.kind === kind).length;
  const figures: [string, string][] = [
    ['Tests en cours', String(input.stateCounts.running ?? 0)],
    ['En évaluation', String(input.stateCounts.evaluating ?? 0)],
    ['En décision', String(input.stateCounts.deciding ?? 0)],
    ['Décisions à prendre', String(counts('decision'))],
    ['Prolongations demandées', String(counts('extensionRequest'))],
    ['Évaluations en retard', String(counts('evaluationOverdue'))],
    ['Péremptions avant la prochaine séance', String(counts('expiringSoon'))],
    [
      'Alertes « Algeco »',
      String(input.items.filter((i) => input.fiches.get(i.experimentId)?.algeco).length),
    ],
  ];
  const cover: Content[] = [
    { text: 'DOSSIER DE SÉANCE', style: 'kicker' },
    { text: input.title, style: 'h1' },
    { text: `${input.organizationName} · séance du ${dayFr(input.heldOn, zone)}` },
    { text: 'Le portefeuille en chiffres', style: 'h2' },
    {
      table: {
        widths: ['*', 60],
        body: figures.map(([label, value]) => [label, { text: value, alignment: 'right' }]),
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Ordre du jour', style: 'h2' },
    input.items.length === 0
      ? { text: "Aucun point à l'ordre du jour." }
      : {
          table: {
            headerRows: 1,
            widths: [18, '*', 150],
            body: [
              [
                { text: 'N°', style: 'th' },
                { text: 'Test', style: 'th' },
                { text: 'Motif', style: 'th' },
              ],
              ...input.items.map((item, i) => [String(i + 1), item.experimentTitle, KIND_FR[item.kind]]),
            ],
          },
          layout: 'lightHorizontalLines',
        },
    { text: `Document généré le ${dayFr(input.generatedAt, zone)}.`, style: 'small', margin: [0, 12, 0, 0] },
  ];
  const pages = input.items.map((item, i) =>
    fichePage(item, i + 1, input.fiches.get(item.experimentId), zone),
  );
  return render({
    info: { title: `Dossier de séance : ${input.title}`, subject: input.organizationName },
    language: 'fr-FR',
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: STYLES,
    footer: footer(`Dossier de séance · ${input.title}`),
    content: [...cover, ...pages],
  });
}

function criteriaTable(criteria: Criterion[], results: FicheFacts['evaluation']): Content {
  const resultOf = new Map((results?.criterionResults ?? []).map((r) => [r.criterionId, r]));
  return {
    table: {
      headerRows: 1,
      widths: ['*', '*', 70, '*'],
      body: [
        [
          { text: 'Critère', style: 'th' },
          { text: 'Mesure', style: 'th' },
          { text: 'Cible', style: 'th' },
          { text: 'Résultat', style: 'th' },
        ],
        ...criteria.map((c) => {
          const r = resultOf.get(c.id);
          const met = r?.met === true ? ' (atteint)' : r?.met === false ? ' (non atteint)' : '';
          return [c.name, c.method, c.target, r ? `${r.result}${met}` : '—'];
        }),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

/** The "fiche test": one page per test of the agenda. */
function fichePage(
  item: AgendaItem & { experimentTitle: string },
  n: number,
  fiche: FicheFacts | undefined,
  zone: string,
): Content {
  if (!fiche) {
    return {
      pageBreak: 'before',
      stack: [
        { text: `${n}. ${item.experimentTitle}`, style: 'h1' },
        { text: "Ce test n'est plus dans le portefeuille de l'organisation." },
      ],
    };
  }
  const evaluation = fiche.evaluation;
  const criteria = evaluation?.criteriaAtLaunch?.length ? evaluation.criteriaAtLaunch : fiche.criteria;
  const voice = evaluation?.usersVoice;
  const dates: string[] = [
    `Lancé le ${dayFr(fiche.launchedAt, zone)}`,
    `péremption ${dayFr(fiche.expiresAt, zone)}`,
    ...(fiche.stoppedAt ? [`arrêté le ${dayFr(fiche.stoppedAt, zone)}`] : []),
    ...(fiche.evaluationDueAt && fiche.state === 'evaluating'
      ? [`évaluation due le ${dayFr(fiche.evaluationDueAt, zone)}`]
      : []),
    ...(fiche.decisionDueAt && fiche.state === 'deciding'
      ? [`décision due le ${dayFr(fiche.decisionDueAt, zone)}`]
      : []),
  ];
  const asked: Content[] = [{ text: ASK_FR[item.kind] }];
  if (item.kind === 'extensionRequest' && fiche.pendingExtension) {
    asked.push({
      text: `Nouvelle date demandée : ${dayFr(fiche.pendingExtension.newExpiresAt, zone)}. Justification : ${fiche.pendingExtension.justification ?? '—'}`,
    });
  }
  if (item.note) asked.push({ text: `Note de l'ordre du jour : ${item.note}`, italics: true });
  return {
    pageBreak: 'before',
    stack: [
      { text: `FICHE TEST · POINT ${n} · ${KIND_FR[item.kind].toUpperCase()}`, style: 'kicker' },
      { text: fiche.title, style: 'h1' },
      {
        text: [
          `${STATE_FR[fiche.state]}${fiche.trackName ? ` · piste « ${fiche.trackName} »` : ''}`,
          fiche.algeco ? ' · alerte « Algeco »' : '',
          fiche.lastWeather ? ` · météo : ${WEATHER_FR[fiche.lastWeather] ?? fiche.lastWeather}` : '',
        ],
      },
      { text: dates.join(' · '), style: 'small' },
      {
        text: `Porteur·euses : ${fiche.pilotNames.join(', ') || '—'} · Portage : ${fiche.sponsorName ?? '—'}`,
        margin: [0, 4, 0, 0],
      },
      { text: 'Hypothèse', style: 'h3' },
      { text: fiche.hypothesis || '—' },
      ...(fiche.scope ? [{ text: 'Périmètre', style: 'h3' }, { text: fiche.scope }] : []),
      { text: 'Critères', style: 'h3' },
      criteria.length ? criteriaTable(criteria, evaluation) : { text: '—' },
      { text: "Synthèse de l'évaluation", style: 'h3' },
      evaluation
        ? {
            stack: [
              { text: VERDICT_FR[evaluation.verdict] ?? evaluation.verdict, bold: true },
              { text: evaluation.learnings },
            ],
          }
        : { text: 'Pas encore évalué.' },
      { text: 'Voix des usagers', style: 'h3' },
      {
        text: voice
          ? voice.count > 0
            ? `${voice.count} personne(s) entendue(s) : ${voice.sources.join(', ')}`
            : `Aucune : ${voice.noneReason}`
          : `${fiche.testimonyCount} témoignage(s) recueilli(s)`,
      },
      ...fiche.quotes.map((quote): Content => ({
        text: `« ${quote} »`,
        italics: true,
        margin: [10, 2, 0, 0],
      })),
      { text: 'Ce qui est demandé au comité', style: 'h3' },
      ...asked,
    ],
  };
}

function minutesLine(item: AgendaItem): Content[] {
  const lines: Content[] = [];
  if (item.action === 'decide' && item.decision) {
    lines.push({ text: [{ text: 'Décision : ', bold: true }, DECISION_FR[item.decision.outcome]] });
    lines.push({ text: `Justification : ${item.decision.rationale}` });
    if (item.decision.handover)
      lines.push({
        text: `Passation : ${item.decision.handover.pilotWithdrawal} ; reprise : ${item.decision.handover.takeover}`,
      });
    if (item.decision.nextFocus) lines.push({ text: `Prochaine itération : ${item.decision.nextFocus}` });
  } else if (item.action) {
    lines.push({ text: [{ text: `${ACTION_FR[item.action]}`, bold: true }] });
  } else {
    lines.push({ text: "Pas de décision à ce point de l'ordre du jour." });
  }
  if (item.comment) lines.push({ text: `Commentaire : ${item.comment}` });
  lines.push({
    text: [
      { text: 'Suite : ', bold: true },
      OUTCOME_FR[item.outcome],
      item.refusal
        ? ` (${refusalFr(item.refusal as { code: string; params: Record<string, unknown> })})`
        : '',
    ],
  });
  return lines;
}

/** The relevé de décisions: who was present, then per agenda item what was decided and its effect. */
export function renderMinutes(input: MinutesInput): Promise<Buffer> {
  const zone = input.timeZone;
  return render({
    info: { title: `Relevé de décisions : ${input.title}`, subject: input.organizationName },
    language: 'fr-FR',
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: STYLES,
    footer: footer(`Relevé de décisions · ${input.title}`),
    content: [
      { text: 'RELEVÉ DE DÉCISIONS', style: 'kicker' },
      { text: input.title, style: 'h1' },
      { text: `${input.organizationName} · séance du ${dayFr(input.heldOn, zone)}` },
      { text: 'Présent·es', style: 'h2' },
      { ul: input.attendees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)) },
      { text: 'Décisions', style: 'h2' },
      ...input.items.map((item, i): Content => ({
        stack: [
          { text: `${i + 1}. ${item.experimentTitle} · ${KIND_FR[item.kind]}`, style: 'h3' },
          ...minutesLine(item),
        ],
        unbreakable: true,
      })),
      {
        text: `Relevé enregistré le ${dayFr(input.recordedAt, zone)} par ${input.recordedByName}.`,
        style: 'small',
        margin: [0, 16, 0, 0],
      },
    ],
  });
}
