// The information notice a participant reads before giving consent (RGPD articles 13–14), in
// force from its version's date. Each consent records the version it was given under
// (`Participant.noticeVersion`). A new text is a new entry with a new version: the old ones
// stay, so that what a person read can always be shown again. The DPO adapts the text
// (docs/rgpd.md); the placeholders in brackets are the organisation's to fill in.

export interface ParticipantNotice {
  /** The day it came into force (YYYY-MM-DD): its version. */
  version: string;
  title: string;
  sections: readonly { heading: string; text: string }[];
}

export const PARTICIPANT_NOTICES: readonly ParticipantNotice[] = [
  {
    version: '2026-12-06',
    title: 'Notice d’information : votre participation à un test',
    sections: [
      {
        heading: 'Pourquoi ces données',
        text: 'Votre collectivité conduit un test d’organisation limité dans le temps (une hypothèse, une date de fin, une évaluation, une décision). Pour le conduire, l’application Capacités enregistre votre participation, votre accord, vos points d’étape et témoignages éventuels, et vos réponses aux questionnaires. N’écrivez dans les textes libres aucune donnée sensible (santé, opinions, vie privée).',
      },
      {
        heading: 'Base légale',
        text: 'Mission d’intérêt public de gestion des ressources humaines de votre employeur (article 6.1.e du RGPD). Votre participation à un test repose sur votre accord : sans lui, le test n’est pas lancé avec vous, et vous pouvez le retirer à tout moment pendant le test, sans conséquence pour vous.',
      },
      {
        heading: 'Qui y a accès',
        text: 'Les pilotes et le commanditaire du test, les ressources humaines et la direction générale de votre organisation. Les enseignements partagés avec d’autres collectivités ne vous nomment pas. Les données transmises au moteur de workflows (Temporal) sont chiffrées.',
      },
      {
        heading: 'Combien de temps',
        text: 'Pendant le test, puis pendant la durée de conservation fixée par votre organisation après sa clôture ; au-delà, les noms sont remplacés et les textes individuels supprimés, seuls les chiffres et la décision sont gardés.',
      },
      {
        heading: 'Vos droits',
        text: 'Vous pouvez accéder à vos données, les faire rectifier, vous opposer à leur traitement ou en demander l’effacement, auprès de [service RH] ou du délégué à la protection des données de votre organisation ([adresse du DPO]). Vous pouvez aussi saisir la CNIL (www.cnil.fr).',
      },
    ],
  },
];

/** The notice in force: the one a participant reads before consenting today. */
export const CURRENT_PARTICIPANT_NOTICE: ParticipantNotice =
  PARTICIPANT_NOTICES[PARTICIPANT_NOTICES.length - 1];

/** The notice of a given version (the one a consent was given under), if it exists. */
export function participantNotice(version: string): ParticipantNotice | undefined {
  return PARTICIPANT_NOTICES.find((notice) => notice.version === version);
}
