/**
 * The public answer page's words, in French (its readers are usagers and agents in France).
 * Kept apart from the back-office's catalogue: polyglot and react-admin's messages would
 * weigh more than the whole page.
 */
export const fr = {
  loading: 'Chargement du questionnaire…',
  tape: 'Service en test',
  openUntil: 'Questionnaire ouvert jusqu’au %{date}.',
  required: 'obligatoire',
  requiredNote: 'Les questions marquées « obligatoire » demandent une réponse.',
  scaleValue: '%{value} sur 5',
  yes: 'Oui',
  no: 'Non',
  submit: 'Envoyer mes réponses',
  update: 'Enregistrer mes nouvelles réponses',
  sending: 'Envoi…',
  charactersLeft: '%{count} caractères au plus',
  errorsTitle: 'Votre réponse n’a pas été envoyée : %{count} point(s) à corriger',
  errors: {
    required: 'Répondez à cette question.',
    tooLong: 'Votre réponse dépasse %{max} caractères : raccourcissez-la.',
    invalid: 'Cette réponse n’est pas valable : choisissez parmi les propositions.',
    server: 'Cette réponse a été refusée : vérifiez-la.',
  },
  thanks: 'Merci, votre réponse est enregistrée.',
  thanksParticipant:
    'Merci, votre réponse est enregistrée. Vous pouvez la modifier jusqu’à la clôture du questionnaire, le %{date}.',
  changeAnswer: 'Modifier ma réponse',
  alreadyAnswered: 'Vous avez déjà répondu à ce questionnaire depuis ce navigateur. Merci !',
  answeredOn: 'Votre réponse du %{date} est enregistrée. Vous pouvez la modifier jusqu’au %{date2}.',
  notFoundTitle: 'Questionnaire introuvable',
  notFound:
    'Aucun questionnaire ne correspond à cette adresse. Vérifiez le lien ou le QR code, ou demandez-le à la personne qui vous l’a transmis.',
  closedTitle: 'Questionnaire clos',
  closed:
    'Ce questionnaire est clos depuis le %{date} : il n’accepte plus de réponses. Merci de votre intérêt.',
  closedNoDate: 'Ce questionnaire est clos : il n’accepte plus de réponses. Merci de votre intérêt.',
  notOpenTitle: 'Questionnaire pas encore ouvert',
  notOpen: 'Ce questionnaire ouvrira le %{date}. Revenez à partir de cette date.',
  notOpenNoDate: 'Ce questionnaire n’est pas encore ouvert. Revenez plus tard.',
  unavailableTitle: 'Service indisponible',
  loginTitle: 'Connectez-vous pour répondre',
  login:
    'Ce questionnaire s’adresse aux participants du test. Connectez-vous à Capacités : vous reviendrez ensuite sur cette page.',
  loginButton: 'Se connecter',
  notParticipantTitle: 'Questionnaire réservé',
  notParticipant: 'Ce questionnaire s’adresse aux participants du test : votre compte n’en fait pas partie.',
  tooMany: 'Trop de réponses ont été envoyées depuis votre connexion : réessayez dans une minute.',
  network:
    'Le service ne répond pas : vérifiez votre connexion, puis réessayez. Vos réponses sont conservées sur cette page.',
  unavailable: 'Le service est momentanément indisponible : réessayez dans quelques minutes.',
  noticeTitle: 'Vos données',
  participantNotice: [
    'Ce questionnaire fait partie de l’évaluation d’un test auquel vous participez : une organisation essayée pour une durée limitée, puis évaluée avec la voix des personnes concernées.',
    'Vos réponses sont liées à votre compte pour que vous puissiez les modifier jusqu’à la clôture. Les porteurs du test voient qui a répondu, mais pas ce que chacun a répondu, sauf aux questions marquées « réponse nominative ». Les résultats sont présentés de façon globale.',
    'Les réponses servent uniquement à évaluer le test ; elles sont conservées le temps de l’évaluation et de la décision qui la suit. Pour toute question sur vos données, adressez-vous au délégué ou à la déléguée à la protection des données de votre organisation ; vous pouvez aussi saisir la CNIL (cnil.fr).',
  ],
  nominative: 'Réponse nominative : les porteurs du test verront votre nom à côté de cette réponse.',
} as const;

/** Replaces `%{name}` in a message with its value. */
export function format(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/%\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A day in words, in French (le lundi 7 décembre 2026), in the organisation's time zone. */
export function frenchDay(iso: string, timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
}
