import type { AgendaItemKind, ExperimentState, ItemOutcome, MinutesAction } from '@capacites/domain';

// The pack, the minutes and the shared pages are documents in French (the committee's language);
// the back-office's catalogues are not reachable from the API (apps never import apps).

export const STATE_FR: Record<ExperimentState, string> = {
  draft: 'Brouillon',
  running: 'En cours',
  evaluating: 'En évaluation',
  deciding: 'En décision',
  cancelled: 'Annulé',
  perpetuated: 'Pérennisé',
  abandoned: 'Abandonné',
  iterated: 'Itéré',
};

export const KIND_FR: Record<AgendaItemKind, string> = {
  decision: 'Décision à prendre',
  evaluationOverdue: 'Évaluation en retard',
  extensionRequest: 'Demande de prolongation',
  expiringSoon: 'Arrive à péremption avant la prochaine séance',
};

/** What is asked of the committee, by kind. */
export const ASK_FR: Record<AgendaItemKind, string> = {
  decision:
    'Décider : itérer, pérenniser ou abandonner, avec la justification (et la passation pour pérenniser).',
  evaluationOverdue: "Prendre acte du retard de l'évaluation et relancer les porteur·euses.",
  extensionRequest: 'Accorder ou refuser la prolongation demandée.',
  expiringSoon: "Prendre acte de la fin prochaine du test : il s'arrêtera à sa date, puis sera évalué.",
};

export const ACTION_FR: Record<MinutesAction, string> = {
  decide: 'Décision',
  approveExtension: 'Prolongation accordée',
  refuseExtension: 'Prolongation refusée',
  noted: 'Pris acte',
};

export const OUTCOME_FR: Record<ItemOutcome, string> = {
  open: 'Reste ouvert',
  applied: 'Appliqué',
  refused: 'Refusé : reste ouvert',
  noted: 'Pris acte',
};

export const DECISION_FR: Record<'iterate' | 'perpetuate' | 'abandon', string> = {
  iterate: 'Itérer',
  perpetuate: 'Pérenniser',
  abandon: 'Abandonner',
};

export const VERDICT_FR: Record<string, string> = {
  confirmed: 'Hypothèse confirmée',
  partly_confirmed: 'Hypothèse en partie confirmée',
  refuted: 'Hypothèse infirmée',
  inconclusive: 'Résultat non concluant',
};

export const WEATHER_FR: Record<string, string> = {
  sunny: 'Ensoleillé',
  cloudy: 'Nuageux',
  stormy: 'Orageux',
};

/** The refusals a recorded item may meet, in French; others are named by their code. */
const REFUSAL_FR: Record<string, (p: Record<string, unknown>) => string> = {
  TRANSITION_NOT_ALLOWED: (p) =>
    `l'action n'est pas possible dans l'état « ${STATE_FR[p.state as ExperimentState] ?? String(p.state)} »`,
  FORBIDDEN: (p) =>
    `votre rôle ne le permet pas (réservé à : ${((p.roles as string[]) ?? []).map((r) => ROLE_FR[r] ?? r).join(' ou ')})`,
  APPROVER_IS_PILOT: () => 'un·e porteur·euse du test ne peut pas accorder sa prolongation',
  HANDOVER_REQUIRED: () => 'pérenniser demande une passation : quand le porteur se retire et qui reprend',
  EXPERIMENT_CLOSED: () => 'le test est clos',
  EXPERIMENT_NOT_FOUND: () => 'le test est introuvable',
  WORKFLOW_UNAVAILABLE: () => 'le moteur des tests est indisponible : réessayez à la prochaine séance',
  STATE_CHANGED: () => "l'état du test a changé entre-temps",
};

const ROLE_FR: Record<string, string> = {
  admin: 'administration',
  hr: 'RH',
  pilot: 'porteur·euse',
  sponsor: 'portage institutionnel',
  codir: 'CODIR',
  member: 'membre',
};

export function refusalFr(refusal: { code: string; params: Record<string, unknown> }): string {
  const say = REFUSAL_FR[refusal.code];
  return say ? say(refusal.params) : `refus ${refusal.code}`;
}

const dayFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone });

export function dayFr(value: Date | string | null, timeZone: string): string {
  if (!value) return '—';
  // A bare day (YYYY-MM-DD) is that day wherever the reader is.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return dayFormat('UTC').format(new Date(`${value}T12:00:00Z`));
  return dayFormat(timeZone).format(typeof value === 'string' ? new Date(value) : value);
}
