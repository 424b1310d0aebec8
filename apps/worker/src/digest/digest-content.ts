import { daysBetween } from '@capacites/domain';

/** What one person's digest holds, read from PostgreSQL by DigestService. */
export interface DigestItem {
  id: string;
  title: string;
  state: string;
  expiresAt: Date | null;
  evaluationDueAt: Date | null;
  decisionDueAt: Date | null;
  algeco: boolean;
}

export interface DecidedItem {
  id: string;
  title: string;
  outcome: string;
  decidedAt: Date;
}

export interface DigestContent {
  organizationName: string;
  recipientName: string;
  /** Why this person receives it: CODIR, RH, portage (sponsor). */
  roles: string[];
  /** The sponsor-only recipient sees their tests; CODIR and HR the whole organisation. */
  scope: 'organization' | 'sponsored';
  now: Date;
  timeZone: string;
  publicUrl: string;
  toDecide: DigestItem[];
  overdue: DigestItem[];
  expiringSoon: DigestItem[];
  decidedSince: DecidedItem[];
  since: Date | null;
  figures: { draft: number; running: number; evaluating: number; deciding: number; algeco: number };
}

const ROLE_LABELS: Record<string, string> = {
  codir: 'membre du CODIR',
  hr: 'équipe RH',
  sponsor: 'portage institutionnel',
};
const OUTCOME_LABELS: Record<string, string> = {
  iterate: 'itéré',
  perpetuate: 'pérennisé',
  abandon: 'abandonné',
};

/**
 * The digest as a French plain-text email (issue 15, item 1): what needs a decision, what is
 * overdue ("effet Algeco"), what expires in the next four weeks, what was decided since the
 * last one, the portfolio's figures, and links. Text only: titles are people's words, never HTML.
 */
export function renderDigest(content: DigestContent): { subject: string; body: string } {
  const date = (value: Date) =>
    new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: content.timeZone }).format(value);
  const base = content.publicUrl.replace(/\/$/, '');
  const link = (id: string) => `${base}/#/experiments/${id}/show`;
  const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  const section = (heading: string, lines: string[], empty: string) => [
    `${heading} (${lines.length})`,
    ...(lines.length ? lines : [`  ${empty}`]),
    '',
  ];

  const toDecide = content.toDecide.map(
    (e) => `  - « ${e.title} » : décision attendue le ${date(e.decisionDueAt as Date)}\n    ${link(e.id)}`,
  );
  const overdue = content.overdue.map((e) => {
    const evaluating = e.state === 'evaluating';
    const due = (evaluating ? e.evaluationDueAt : e.decisionDueAt) as Date;
    const late = daysBetween(due, content.now);
    return `  - « ${e.title} » : ${evaluating ? 'évaluation' : 'décision'} attendue depuis le ${date(due)} (${plural(late, 'jour', 'jours')} de retard)${e.algeco ? ' — alerte Algeco' : ''}\n    ${link(e.id)}`;
  });
  const expiring = content.expiringSoon.map(
    (e) => `  - « ${e.title} » : s'arrête le ${date(e.expiresAt as Date)}\n    ${link(e.id)}`,
  );
  const decided = content.decidedSince.map(
    (d) =>
      `  - « ${d.title} » : ${OUTCOME_LABELS[d.outcome] ?? d.outcome} le ${date(d.decidedAt)}\n    ${link(d.id)}`,
  );
  const f = content.figures;
  const subject = `Lettre du portefeuille de tests — ${content.organizationName} — ${date(content.now)}`;
  const body = [
    `Bonjour ${content.recipientName},`,
    '',
    `Voici la lettre du portefeuille de tests de ${content.organizationName}, au ${date(content.now)}${
      content.scope === 'sponsored' ? ', pour les tests dont vous assurez le portage' : ''
    }.`,
    '',
    ...section('À décider', toDecide, 'Aucune décision attendue.'),
    ...section('En retard — effet Algeco', overdue, 'Aucune évaluation ni décision en retard.'),
    ...section(
      'Arrivent à péremption dans les quatre semaines',
      expiring,
      'Aucun test ne s’arrête dans les quatre semaines.',
    ),
    ...section(
      content.since
        ? `Décidé depuis la dernière lettre (${date(content.since)})`
        : 'Décidé ces sept derniers jours',
      decided,
      'Aucune décision.',
    ),
    'Le portefeuille en chiffres',
    `  - en cadrage : ${f.draft}`,
    `  - en cours : ${f.running}`,
    `  - en évaluation : ${f.evaluating}`,
    `  - en attente de décision : ${f.deciding}`,
    `  - alertes Algeco : ${f.algeco}`,
    '',
    'Liens',
    ...(content.scope === 'organization' ? [`  - Tableau de bord du CODIR : ${base}/#/dashboard`] : []),
    `  - Mes tâches : ${base}/#/tasks`,
    `  - Tous les tests : ${base}/#/experiments`,
    '',
    `Vous recevez cette lettre en tant que ${content.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}.`,
    `Pour ne plus la recevoir : ${base}/#/profile (« Lettre du portefeuille »).`,
  ].join('\n');
  return { subject, body };
}
