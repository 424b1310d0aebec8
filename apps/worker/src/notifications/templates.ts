import type { NotificationEvent } from '@capacites/workflows';

export interface TemplateContext {
  title: string;
  timeZone: string;
  link: string;
  data: Record<string, string | number | boolean | null>;
}

export interface RenderedMessage {
  subject: string;
  body: string;
}

const OUTCOMES: Record<string, string> = {
  iterate: 'itérer',
  perpetuate: 'pérenniser',
  abandon: 'abandonner',
};
const VERDICTS: Record<string, string> = {
  confirmed: 'confirmée',
  partly_confirmed: 'partiellement confirmée',
  refuted: 'réfutée',
  inconclusive: 'non concluante',
};

/** French messages, with the experiment's name, its dates, what is expected and a link. */
export function renderNotification(event: NotificationEvent, context: TemplateContext): RenderedMessage {
  const { title, data } = context;
  const date = (key: string) => {
    const value = data[key];
    if (typeof value !== 'string') return '—';
    return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: context.timeZone }).format(
      new Date(value),
    );
  };
  const t = `« ${title} »`;
  const messages: Record<NotificationEvent, () => [string, string]> = {
    launched: () => [
      `Test lancé : ${t}`,
      `Le test ${t} est lancé. Il s'arrêtera le ${date('expiresAt')} (date de péremption). Pensez aux points d'étape réguliers.`,
    ],
    cancelled: () => [
      `Test annulé : ${t}`,
      `Le test ${t} a été annulé avant son lancement.${data.reason ? ` Motif : ${data.reason}` : ''}`,
    ],
    preExpiryReminder: () => [
      `J-${data.days} : ${t} s'arrête le ${date('expiresAt')}`,
      `Le test ${t} s'arrêtera dans ${data.days} jour(s), le ${date('expiresAt')}. Préparez l'évaluation : la voix des usager·ères, les critères, les enseignements.`,
    ],
    checkInDue: () => [
      `Point d'étape attendu : ${t}`,
      `Aucun point d'étape n'a été enregistré pour ${t} depuis la dernière échéance (${data.missed} manqué(s) d'affilée). Notez l'avancement, les blocages et la météo du test.`,
    ],
    checkInsMissed: () => [
      `Points d'étape manqués : ${t}`,
      `${data.missed} points d'étape d'affilée ont été manqués pour ${t}. En tant que portage institutionnel, prenez des nouvelles de l'équipe.`,
    ],
    extensionRequested: () => [
      `Demande de prolongation : ${t}`,
      `Une prolongation de ${t} jusqu'au ${date('newExpiresAt')} (au lieu du ${date('expiresAt')}) est demandée. Justification : ${data.justification}. Elle attend votre accord ou votre refus.`,
    ],
    extensionApproved: () => [
      `Prolongation accordée : ${t}`,
      `La prolongation de ${t} est accordée : le test s'arrêtera le ${date('expiresAt')}.`,
    ],
    extensionRefused: () => [
      `Prolongation refusée : ${t}`,
      `La prolongation de ${t} est refusée : le test s'arrêtera comme prévu le ${date('expiresAt')}.${data.reason ? ` Motif : ${data.reason}` : ''}`,
    ],
    stopped: () => [
      `Test arrêté : ${t} — évaluation attendue avant le ${date('evaluationDueAt')}`,
      `${data.kind === 'early' ? `Le test ${t} a été arrêté avant son terme.${data.reason ? ` Motif : ${data.reason}.` : ''}` : `Le test ${t} a atteint sa date de péremption : il est arrêté.`} L'évaluation est attendue avant le ${date('evaluationDueAt')} : verdict sur l'hypothèse, résultat de chaque critère, voix des usager·ères, enseignements.`,
    ],
    evaluationReminder: () => [
      `Évaluation attendue dans ${data.days} jour(s) : ${t}`,
      `L'évaluation de ${t} est attendue avant le ${date('dueAt')}.`,
    ],
    evaluationOverdue: () => [
      `Évaluation en retard : ${t}`,
      `L'évaluation de ${t} était attendue le ${date('dueAt')}. Elle est en retard.`,
    ],
    evaluationAlgeco: () => [
      `Alerte Algeco : l'évaluation de ${t} n'est pas faite`,
      `L'évaluation de ${t}, attendue le ${date('dueAt')}, est en retard de ${data.days} jours. Un test qui n'est ni évalué ni décidé risque de rester en place sans qu'on le sache (effet Algeco).`,
    ],
    evaluationSubmitted: () => [
      `Évaluation remise : ${t} — décision attendue avant le ${date('decisionDueAt')}`,
      `L'évaluation de ${t} est remise : hypothèse ${VERDICTS[String(data.verdict)] ?? data.verdict}. Décidez d'itérer, de pérenniser ou d'abandonner avant le ${date('decisionDueAt')}.`,
    ],
    decisionReminder: () => [
      `Décision attendue dans ${data.days} jour(s) : ${t}`,
      `La décision sur ${t} est attendue avant le ${date('dueAt')}.`,
    ],
    decisionOverdue: () => [
      `Décision en retard : ${t}`,
      `La décision sur ${t} était attendue le ${date('dueAt')}. Elle est en retard.`,
    ],
    decisionAlgeco: () => [
      `Alerte Algeco : aucune décision sur ${t}`,
      `La décision sur ${t}, attendue le ${date('dueAt')}, est en retard de ${data.days} jours (effet Algeco).`,
    ],
    decided: () => [
      `Décision : ${OUTCOMES[String(data.outcome)] ?? data.outcome} — ${t}`,
      `Il a été décidé d'${OUTCOMES[String(data.outcome)] ?? data.outcome} le test ${t}. Motif : ${data.rationale}`,
    ],
    criteriaAmended: () => [
      `Critères modifiés : ${t}`,
      `Les critères d'évaluation de ${t} ont été modifiés après le lancement. Motif : ${data.reason}. La modification sera affichée à côté de l'évaluation.`,
    ],
    consentWithdrawn: () => [
      `Accord retiré : ${t}`,
      `Une personne de l'équipe testeuse de ${t} a retiré son accord de participation. Elle ne reçoit plus les avis du test ; voyez avec l'équipe comment poursuivre sans elle.`,
    ],
    // Launch approval (four-eyes) and the people of a test under way.
    launchApprovalRequested: () => [
      `Lancement à valider : ${t}`,
      `Le lancement du test ${t} est demandé. Il attend la validation du portage institutionnel ou d'un membre du CODIR (la personne qui l'a demandé ne peut pas le valider). Date de péremption prévue : ${date('expiresAt')}. Relisez le cadrage, puis validez ou refusez avec un motif.`,
    ],
    launchApprovalReminder: () => [
      `Rappel : lancement à valider depuis ${data.days} jour(s) — ${t}`,
      `Le lancement du test ${t}, demandé le ${date('requestedAt')}, attend toujours une validation.${data.last ? ' Le CODIR en est informé.' : ''} Validez ou refusez avec un motif.`,
    ],
    launchApproved: () => [
      `Lancement validé : ${t}`,
      `Votre demande de lancement est validée : le test ${t} est lancé. Il s'arrêtera le ${date('expiresAt')} (date de péremption).`,
    ],
    launchRefused: () => [
      `Lancement refusé : ${t}`,
      `Le lancement du test ${t} est refusé. Motif : ${data.reason ?? '—'}. Le test reste en brouillon : reprenez le cadrage, puis demandez à nouveau le lancement.`,
    ],
    launchRequestWithdrawn: () => [
      `Demande de lancement retirée : ${t}`,
      `La demande de lancement du test ${t} a été retirée : plus rien n'attend votre validation.${data.reason ? ` Motif : ${data.reason}` : ''}`,
    ],
    experimentOrphaned: () => [
      `Test sans ${String(data.roles).includes('sponsor') ? 'portage institutionnel' : 'porteur·euse'} actif : ${t}`,
      `${String(data.roles).includes('sponsor') ? 'Le portage institutionnel' : 'Un·e porteur·euse'} du test ${t} ${data.kind === 'disabled' ? "n'a plus de compte actif" : "a quitté l'organisation"}. Le test se poursuit : désignez qui reprend (action « Réassigner » sur la fiche du test), pour que rappels, demandes et décisions arrivent à quelqu'un.`,
    ],
    peopleAssigned: () => [
      `Vous reprenez le test ${t}`,
      `Vous êtes désormais porteur·euse ou portage institutionnel du test ${t}. Motif : ${data.reason}.${data.extensionPending ? ' Une demande de prolongation attend votre décision.' : ''} Vous recevrez ses rappels et ses échéances.`,
    ],
    peopleUnassigned: () => [
      `Vous ne portez plus le test ${t}`,
      `Le test ${t} a été réassigné : vous n'en êtes plus porteur·euse ni portage institutionnel. Motif : ${data.reason}.`,
    ],
    // Questionnaires (issue 14): the link leads to the questionnaire, not to the test.
    questionnaireOpened: () => [
      `Questionnaire à remplir : ${data.questionnaireTitle} (${t})`,
      `Le questionnaire « ${data.questionnaireTitle} » du test ${t} est ouvert${data.closesAt ? ` jusqu'au ${date('closesAt')}` : ''}. Vous faites partie de l'équipe testeuse : votre avis compte pour évaluer le test. Vous pourrez modifier vos réponses tant qu'il est ouvert.`,
    ],
    questionnaireReminder: () => [
      `Rappel : le questionnaire « ${data.questionnaireTitle} » ferme le ${date('closesAt')}`,
      `Vous n'avez pas encore répondu au questionnaire « ${data.questionnaireTitle} » du test ${t}. Il ferme le ${date('closesAt')}.`,
    ],
    questionnaireClosed: () => [
      `Questionnaire fermé : ${data.questionnaireTitle} (${t})`,
      `Le questionnaire « ${data.questionnaireTitle} » du test ${t} est fermé : ${data.respondents} réponse(s). Les résultats sont disponibles pour l'évaluation.`,
    ],
  };
  const [subject, text] = messages[event]();
  const linkLabel = event.startsWith('questionnaire') ? 'Voir le questionnaire' : 'Voir le test';
  return { subject, body: `${text}\n\n${linkLabel} : ${context.link}` };
}
