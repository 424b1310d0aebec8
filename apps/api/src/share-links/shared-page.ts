import { createHash } from 'node:crypto';
import type { AgendaItem } from '@capacites/domain';
import { ASK_FR, dayFr, KIND_FR, STATE_FR, VERDICT_FR } from '../committee-sessions/committee-labels.fr';
import type { FicheFacts } from '../committee-sessions/committee-sessions.repository';
import type { DashboardResponse } from '../dashboard/dto/dashboard.response';

// Plain server-rendered pages for a reader without an account (an élue, a partner): French,
// no script, semantic HTML (landmarks, headings, captioned tables) so that a screen reader and
// a phone read them as they are. Every text from the database goes through `esc`.

const esc = (value: unknown): string =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1a1a1a;
         background: #fff; margin: 0; }
  header, main, footer { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem; }
  header { border-bottom: 4px solid #000091; }
  .kicker { font-size: .85rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; color: #3a3a3a; margin: 0; }
  h1 { font-size: 1.75rem; margin: .25rem 0; }
  h2 { font-size: 1.35rem; margin-top: 2rem; }
  h3 { font-size: 1.1rem; margin-bottom: .25rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
  caption { text-align: left; font-weight: 700; padding: .25rem 0; }
  th, td { border: 1px solid #929292; padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #eeeeee; }
  article { border-top: 1px solid #929292; padding-top: .5rem; }
  a { color: #000091; }
  a:focus, a:hover { outline: 3px solid #0a76f6; outline-offset: 2px; }
  .notice { background: #fff4e5; border-left: 4px solid #b34000; padding: .75rem 1rem; }
  footer { color: #3a3a3a; font-size: .9rem; border-top: 1px solid #929292; }
`;

/**
 * The pages' Content-Security-Policy: nothing may load or run but their one inline style
 * (allowed by its hash), no form, no frame around them. Stricter than the API's default, since
 * these pages are opened from a link anyone may have forwarded.
 */
export const SHARED_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function htmlPage(title: string, body: string, footerText: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)} · Capacités</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<footer><p>${esc(footerText)}</p></footer>
</body>
</html>`;
}

/** An expired, revoked or unknown link says so plainly. */
export function statusPage(
  status: 'expired' | 'revoked' | 'unknown' | 'rateLimited',
  link?: { expiresAt: Date; revokedAt: Date | null },
): string {
  const zone = 'Europe/Paris';
  const [title, text] =
    status === 'expired'
      ? [
          'Ce lien a expiré',
          `Ce lien de consultation a expiré le ${dayFr(link?.expiresAt ?? null, zone)}. Demandez un nouveau lien à la personne qui vous l’a envoyé.`,
        ]
      : status === 'revoked'
        ? [
            'Ce lien a été révoqué',
            `Ce lien de consultation a été révoqué le ${dayFr(link?.revokedAt ?? null, zone)} : il ne donne plus accès au document. Demandez un nouveau lien à la personne qui vous l’a envoyé.`,
          ]
        : status === 'rateLimited'
          ? [
              'Trop de demandes',
              'Ce lien a été ouvert trop souvent en peu de temps. Réessayez dans une minute.',
            ]
          : ['Lien inconnu', 'Ce lien de consultation n’existe pas. Vérifiez qu’il a été copié en entier.'];
  return htmlPage(
    title,
    `<header><p class="kicker">Capacités · lien de consultation</p><h1>${esc(title)}</h1></header>
<main><p class="notice" role="status">${esc(text)}</p></main>`,
    'Capacités : les tests organisationnels des administrations publiques.',
  );
}

export interface SharedPackView {
  organizationName: string;
  timeZone: string;
  title: string;
  heldOn: string;
  items: AgendaItem[];
  fiches: Map<string, FicheFacts>;
  expiresAt: Date;
  /** Where the same pack is served as a PDF (relative to the page). */
  pdfHref: string;
}

/** The pack as a page: agenda, then one section per test (names of pilots and sponsor only). */
export function packPage(view: SharedPackView): string {
  const zone = view.timeZone;
  const rows = view.items
    .map((item, i) => {
      const fiche = view.fiches.get(item.experimentId);
      return `<tr><td>${i + 1}</td><td><a href="#point-${i + 1}">${esc(fiche?.title ?? '—')}</a></td><td>${esc(KIND_FR[item.kind])}</td></tr>`;
    })
    .join('\n');
  const sections = view.items
    .map((item, i) => {
      const fiche = view.fiches.get(item.experimentId);
      if (!fiche)
        return `<article id="point-${i + 1}"><h3>${i + 1}. Test retiré du portefeuille</h3></article>`;
      const evaluation = fiche.evaluation;
      const criteria = (evaluation?.criteriaAtLaunch?.length ? evaluation.criteriaAtLaunch : fiche.criteria)
        .map((c) => {
          const r = evaluation?.criterionResults.find((x) => x.criterionId === c.id);
          return `<tr><th scope="row">${esc(c.name)}</th><td>${esc(c.method)}</td><td>${esc(c.target)}</td><td>${esc(r?.result ?? '—')}</td></tr>`;
        })
        .join('');
      const voice = evaluation?.usersVoice;
      return `<article id="point-${i + 1}" aria-labelledby="titre-${i + 1}">
<p class="kicker">Point ${i + 1} · ${esc(KIND_FR[item.kind])}</p>
<h3 id="titre-${i + 1}">${esc(fiche.title)}</h3>
<p>${esc(STATE_FR[fiche.state])} · péremption : ${esc(dayFr(fiche.expiresAt, zone))}</p>
<p>Porteur·euses : ${esc(fiche.pilotNames.join(', ') || '—')} · Portage institutionnel : ${esc(fiche.sponsorName ?? '—')}</p>
<h4>Hypothèse</h4><p>${esc(fiche.hypothesis || '—')}</p>
${criteria ? `<table><caption>Critères d’évaluation</caption><thead><tr><th scope="col">Critère</th><th scope="col">Mesure</th><th scope="col">Cible</th><th scope="col">Résultat</th></tr></thead><tbody>${criteria}</tbody></table>` : ''}
<h4>Synthèse de l’évaluation</h4><p>${evaluation ? `${esc(VERDICT_FR[evaluation.verdict] ?? evaluation.verdict)} : ${esc(evaluation.learnings)}` : 'Pas encore évalué.'}</p>
<h4>Voix des usagers</h4><p>${voice ? (voice.count > 0 ? `${voice.count} personne(s) entendue(s) : ${esc(voice.sources.join(', '))}` : `Aucune : ${esc(voice.noneReason)}`) : `${fiche.testimonyCount} témoignage(s) recueilli(s)`}</p>
${fiche.quotes.map((q) => `<blockquote><p>« ${esc(q)} »</p></blockquote>`).join('')}
<h4>Ce qui est demandé au comité</h4><p>${esc(ASK_FR[item.kind])}</p>
${item.note ? `<p>Note : ${esc(item.note)}</p>` : ''}
</article>`;
    })
    .join('\n');
  return htmlPage(
    `Dossier de séance : ${view.title}`,
    `<header><p class="kicker">Dossier de séance · consultation</p><h1>${esc(view.title)}</h1>
<p>${esc(view.organizationName)} · séance du ${esc(dayFr(view.heldOn, zone))}</p></header>
<main>
<p><a href="${esc(view.pdfHref)}">Télécharger le dossier de séance (PDF)</a></p>
<h2>Ordre du jour</h2>
${view.items.length ? `<table><caption>Points à l’ordre du jour</caption><thead><tr><th scope="col">N°</th><th scope="col">Test</th><th scope="col">Motif</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>Aucun point à l’ordre du jour.</p>'}
<h2>Fiches des tests</h2>
${sections}
</main>`,
    `Lien de consultation en lecture seule, valable jusqu’au ${dayFr(view.expiresAt, zone)}. Chaque consultation est enregistrée.`,
  );
}

/** The organisation's dashboard as a page: figures and lists, tables only (no chart to describe). */
export function dashboardPage(
  organizationName: string,
  dashboard: DashboardResponse,
  expiresAt: Date,
): string {
  const zone = 'Europe/Paris';
  const states = Object.entries(dashboard.byState)
    .map(
      ([state, n]) =>
        `<tr><th scope="row">${esc(STATE_FR[state as keyof typeof STATE_FR] ?? state)}</th><td>${n}</td></tr>`,
    )
    .join('');
  const expiring = dashboard.expiringSoon.items
    .map(
      (e) =>
        `<tr><th scope="row">${esc(e.title)}</th><td>${esc(dayFr(e.expiresAt, zone))}</td><td>J-${e.daysLeft}</td></tr>`,
    )
    .join('');
  const overdue = dashboard.overdue.items
    .map(
      (o) =>
        `<tr><th scope="row">${esc(o.title)}</th><td>${o.kind === 'evaluation' ? 'Évaluation' : 'Décision'}</td><td>${o.daysOverdue} jour(s)</td><td>${o.algeco ? 'Oui' : 'Non'}</td></tr>`,
    )
    .join('');
  const outcomes = dashboard.outcomesByMonth
    .map(
      (m) =>
        `<tr><th scope="row">${esc(m.month)}</th><td>${m.iterated}</td><td>${m.perpetuated}</td><td>${m.abandoned}</td></tr>`,
    )
    .join('');
  const onTime = dashboard.evaluationsOnTime;
  return htmlPage(
    `Tableau de bord : ${organizationName}`,
    `<header><p class="kicker">Tableau de bord · consultation</p><h1>${esc(organizationName)}</h1>
<p>Situation au ${esc(dayFr(dashboard.generatedAt, zone))}</p></header>
<main>
<h2>Le portefeuille</h2>
<table><caption>Tests par état</caption><thead><tr><th scope="col">État</th><th scope="col">Nombre</th></tr></thead><tbody>${states}</tbody></table>
<p>Évaluations rendues à temps : ${onTime.total ? `${onTime.onTime} sur ${onTime.total}` : 'aucune évaluation encore'}.</p>
<h2>Arrivent à péremption dans les 30 jours</h2>
${expiring ? `<table><caption>Tests arrivant à péremption</caption><thead><tr><th scope="col">Test</th><th scope="col">Date</th><th scope="col">Reste</th></tr></thead><tbody>${expiring}</tbody></table>` : '<p>Aucun.</p>'}
<h2>En retard</h2>
${overdue ? `<table><caption>Évaluations et décisions en retard</caption><thead><tr><th scope="col">Test</th><th scope="col">Attendu</th><th scope="col">Retard</th><th scope="col">Alerte « Algeco »</th></tr></thead><tbody>${overdue}</tbody></table>` : '<p>Aucun retard.</p>'}
<h2>Décisions par mois</h2>
${outcomes ? `<table><caption>Issues des tests par mois</caption><thead><tr><th scope="col">Mois</th><th scope="col">Itérés</th><th scope="col">Pérennisés</th><th scope="col">Abandonnés</th></tr></thead><tbody>${outcomes}</tbody></table>` : '<p>Aucune décision encore.</p>'}
</main>`,
    `Lien de consultation en lecture seule, valable jusqu’au ${dayFr(expiresAt, zone)}. Chaque consultation est enregistrée.`,
  );
}
