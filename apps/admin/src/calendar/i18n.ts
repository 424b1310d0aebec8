/**
 * Texts of the CODIR's cycle (issue 15): working days, digest, calendar subscription.
 * One block per language, merged under `app.codirCycle` by the catalogues.
 */
export const codirCycleFr = {
  sections: {
    calendar: 'Jours ouvrés et jours fériés',
    digest: 'Lettre du portefeuille',
  },
  helpers: {
    calendar:
      'Les rappels ne tombent jamais un week-end ni un jour férié : ils partent le jour ouvré précédent. Le département choisit les jours fériés (Alsace-Moselle : Vendredi saint et 26 décembre ; outre-mer : jour de l’abolition de l’esclavage).',
    departement: 'Code INSEE : 44, 2A, 57, 974… Vide : jours fériés nationaux seulement.',
    workingDayDurations: 'Les durées cochées se comptent en jours ouvrés au lieu de jours calendaires.',
    digest:
      'Une lettre par personne, en français : ce qui attend une décision, les retards (effet Algeco), les tests qui arrivent à péremption dans les quatre semaines, les décisions prises depuis la dernière lettre, les chiffres du portefeuille. Jamais un jour férié : elle part alors le jour ouvré précédent.',
  },
  fields: {
    departement: 'Département',
    workingDayDurations: 'Compter en jours ouvrés',
    rhythm: 'Rythme',
    weekday: 'Jour d’envoi',
    hour: 'Heure locale d’envoi (6 à 20)',
    recipients: 'Destinataires',
  },
  durations: {
    evaluationDue: "Délai de l'évaluation",
    decisionDue: 'Délai de la décision',
    reminders: 'Rappels avant une échéance',
  },
  rhythms: {
    weekly: 'Chaque semaine',
    fortnightly: 'Toutes les deux semaines',
    monthly: 'Chaque mois (premier jour choisi du mois)',
    off: 'Pas de lettre',
  },
  weekdays: { 1: 'Lundi', 2: 'Mardi', 3: 'Mercredi', 4: 'Jeudi', 5: 'Vendredi' },
  recipients: { codir: 'CODIR', hr: 'Équipe RH', sponsor: 'Portage institutionnel (ses tests)' },
  digest: {
    title: 'Lettre du portefeuille',
    intro:
      'Votre organisation envoie une lettre périodique sur son portefeuille de tests au CODIR, à l’équipe RH ou au portage institutionnel.',
    receive: 'Recevoir la lettre du portefeuille par courriel',
    optedOut: 'Vous ne recevez plus la lettre.',
    optedIn: 'Vous recevez la lettre si votre rôle en fait partie.',
    saved: 'Votre choix est enregistré.',
  },
  subscription: {
    title: 'Abonnement à mon calendrier',
    intro:
      'Une adresse secrète, en lecture seule, pour suivre vos échéances (péremption, prochain point d’étape, évaluation, décision) dans Outlook, Thunderbird ou votre téléphone : le calendrier se met à jour de lui-même.',
    inactive: 'Aucun abonnement actif.',
    activeSince: 'Abonnement actif depuis le %{date}.',
    lastUsed: 'Dernière lecture par votre calendrier : %{date}.',
    neverUsed: 'Pas encore lu par un calendrier.',
    create: 'Créer mon adresse d’abonnement',
    renew: 'Renouveler l’adresse',
    revoke: 'Révoquer l’abonnement',
    shownOnce:
      'Copiez cette adresse maintenant : elle ne sera plus affichée. Gardez-la pour vous : quiconque la connaît voit vos échéances. Renouvelez-la si elle a circulé.',
    webcal: 'Adresse webcal (ouvre votre application de calendrier)',
    https: 'Adresse https (« Ajouter un calendrier à partir d’une URL »)',
    open: 'Ouvrir dans mon calendrier',
    renewed: 'Nouvelle adresse créée : l’ancienne ne fonctionne plus.',
    revoked: 'Abonnement révoqué : l’adresse ne fonctionne plus.',
    failed: 'La demande a échoué : réessayez.',
  },
};

export const codirCycleEn: typeof codirCycleFr = {
  sections: { calendar: 'Working days and public holidays', digest: 'Portfolio digest' },
  helpers: {
    calendar:
      'Reminders never fall on a weekend or a public holiday: they go out on the previous working day. The département sets the holidays (Alsace-Moselle: Good Friday and 26 December; overseas: the abolition-of-slavery day).',
    departement: 'INSEE code: 44, 2A, 57, 974… Empty: national holidays only.',
    workingDayDurations: 'The ticked durations count working days instead of calendar days.',
    digest:
      'One email per person, in French: what needs a decision, what is overdue (Algeco), tests expiring in the next four weeks, decisions since the last one, portfolio figures. Never on a holiday: it then goes out on the previous working day.',
  },
  fields: {
    departement: 'Département',
    workingDayDurations: 'Count in working days',
    rhythm: 'Rhythm',
    weekday: 'Sending day',
    hour: 'Local sending hour (6 to 20)',
    recipients: 'Recipients',
  },
  durations: {
    evaluationDue: 'Evaluation due',
    decisionDue: 'Decision due',
    reminders: 'Reminders before a deadline',
  },
  rhythms: {
    weekly: 'Every week',
    fortnightly: 'Every other week',
    monthly: 'Every month (first chosen weekday)',
    off: 'No digest',
  },
  weekdays: { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday' },
  recipients: { codir: 'CODIR', hr: 'HR team', sponsor: 'Sponsors (their tests)' },
  digest: {
    title: 'Portfolio digest',
    intro: 'Your organisation sends a periodic digest of its portfolio to the CODIR, HR or sponsors.',
    receive: 'Receive the portfolio digest by email',
    optedOut: 'You no longer receive the digest.',
    optedIn: 'You receive the digest if your role is among its recipients.',
    saved: 'Your choice is saved.',
  },
  subscription: {
    title: 'My calendar subscription',
    intro:
      'A secret, read-only address to follow your deadlines (expiry, next check-in, evaluation, decision) in Outlook, Thunderbird or your phone: the calendar updates itself.',
    inactive: 'No active subscription.',
    activeSince: 'Subscription active since %{date}.',
    lastUsed: 'Last read by your calendar: %{date}.',
    neverUsed: 'Not read by a calendar yet.',
    create: 'Create my subscription address',
    renew: 'Renew the address',
    revoke: 'Revoke the subscription',
    shownOnce:
      'Copy this address now: it will not be shown again. Keep it to yourself: anyone who knows it sees your deadlines. Renew it if it leaked.',
    webcal: 'webcal address (opens your calendar application)',
    https: 'https address ("Add calendar from URL")',
    open: 'Open in my calendar',
    renewed: 'New address created: the old one no longer works.',
    revoked: 'Subscription revoked: the address no longer works.',
    failed: 'The request failed: try again.',
  },
};
