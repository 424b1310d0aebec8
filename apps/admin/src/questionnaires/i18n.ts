// The questionnaires' messages ("la voix des usagers", issue 14), French first. Spread into the
// catalogues in one line each (i18n/fr.ts, i18n/en.ts), so that merges stay easy; en is typed
// by fr, so a missing English message fails compilation.

export const frQuestionnaireErrors = {
  QUESTIONNAIRE_NOT_DRAFT:
    'Ce questionnaire est « %{status} » : ses questions, son public et ses dates ne changent plus une fois publié.',
  QUESTIONNAIRE_EXPERIMENT_STATE:
    'On ne crée de questionnaire que sur un test en préparation, en cours ou en évaluation ; celui-ci est « %{state} ».',
  QUESTIONNAIRE_WINDOW_PAST: 'La période de réponse se terminerait le %{closesAt}, date déjà passée.',
  QUESTIONNAIRE_NOT_OPEN: 'Ce questionnaire n’est pas encore ouvert (ouverture : %{opensAt}).',
  QUESTIONNAIRE_CLOSED: 'Ce questionnaire est clos (%{closedAt}) : il n’accepte plus de réponses.',
  QUESTIONNAIRE_ALREADY_ANSWERED: 'Une réponse a déjà été enregistrée depuis ce navigateur.',
  QUESTIONNAIRE_WRONG_AUDIENCE: 'Ce questionnaire s’adresse à un autre public (%{audience}).',
  TOO_MANY_ANSWERS: 'Trop de réponses depuis cette connexion : réessayez dans %{retryAfterSeconds} secondes.',
};

export const enQuestionnaireErrors: typeof frQuestionnaireErrors = {
  QUESTIONNAIRE_NOT_DRAFT:
    'This questionnaire is “%{status}”: its questions, audience and dates no longer change once published.',
  QUESTIONNAIRE_EXPERIMENT_STATE:
    'Questionnaires are built on an experiment in draft, running or being evaluated; this one is “%{state}”.',
  QUESTIONNAIRE_WINDOW_PAST: 'The answering period would end on %{closesAt}, which is already past.',
  QUESTIONNAIRE_NOT_OPEN: 'This questionnaire is not open yet (opens: %{opensAt}).',
  QUESTIONNAIRE_CLOSED: 'This questionnaire is closed (%{closedAt}): it no longer takes answers.',
  QUESTIONNAIRE_ALREADY_ANSWERED: 'An answer was already recorded from this browser.',
  QUESTIONNAIRE_WRONG_AUDIENCE: 'This questionnaire is for another audience (%{audience}).',
  TOO_MANY_ANSWERS: 'Too many answers from this connection: try again in %{retryAfterSeconds} seconds.',
};

export const frQuestionnaireActions = {
  manageQuestionnaires: 'préparer les questionnaires du test',
  answerQuestionnaire: 'répondre à ce questionnaire',
  readQuestionnaireResults: 'consulter les résultats des questionnaires',
};

export const enQuestionnaireActions: typeof frQuestionnaireActions = {
  manageQuestionnaires: 'build the experiment’s questionnaires',
  answerQuestionnaire: 'answer this questionnaire',
  readQuestionnaireResults: 'read the questionnaires’ results',
};

/** The experiment's timeline: the questionnaires' audited events (app.events). */
export const frQuestionnaireEvents = {
  questionnaireCreated: 'Questionnaire créé',
  questionnaireUpdated: 'Questionnaire modifié',
  questionnaireDeleted: 'Questionnaire supprimé',
  questionnairePublished: 'Questionnaire publié',
  questionnaireOpened: 'Questionnaire ouvert aux réponses',
  questionnaireReminded: 'Relance des participants sans réponse',
  questionnaireClosed: 'Questionnaire clos',
  // Exports are audited under export.<resource>.
  export: {
    experiments: 'Export de la liste des tests',
    evaluations: 'Export des évaluations',
    decisions: 'Export des décisions',
    'questionnaire-responses': 'Export des réponses à un questionnaire',
  },
};

export const enQuestionnaireEvents: typeof frQuestionnaireEvents = {
  questionnaireCreated: 'Questionnaire created',
  questionnaireUpdated: 'Questionnaire changed',
  questionnaireDeleted: 'Questionnaire deleted',
  questionnairePublished: 'Questionnaire published',
  questionnaireOpened: 'Questionnaire open for answers',
  questionnaireReminded: 'Participants without an answer reminded',
  questionnaireClosed: 'Questionnaire closed',
  export: {
    experiments: 'Export of the experiments list',
    evaluations: 'Export of the evaluations',
    decisions: 'Export of the decisions',
    'questionnaire-responses': 'Export of a questionnaire’s answers',
  },
};

/** The notices sent, in the timeline (app.notices.events). */
export const frQuestionnaireNotices = {
  questionnaireOpened: 'Invitation à répondre au questionnaire',
  questionnaireReminder: 'Relance : questionnaire sans réponse',
  questionnaireClosed: 'Annonce de la clôture du questionnaire',
};

export const enQuestionnaireNotices: typeof frQuestionnaireNotices = {
  questionnaireOpened: 'Invitation to answer the questionnaire',
  questionnaireReminder: 'Reminder: questionnaire not answered',
  questionnaireClosed: 'Questionnaire closing announced',
};

export const frQuestionnaires = {
  name: 'Questionnaire |||| Questionnaires',
  title: 'Questionnaires',
  empty: 'Aucun questionnaire sur ce test pour l’instant.',
  createOn: 'Nouveau questionnaire — %{title}',
  noExperiment:
    'Ouvrez un test, puis « Nouveau questionnaire » : un questionnaire appartient toujours à un test.',
  backToTest: 'Retour au test',
  noCriterion: 'Aucun critère',
  requiredMark: 'obligatoire',
  nominative: 'réponse nominative',
  fields: {
    title: 'Titre',
    intro: 'Introduction',
    audience: 'Public',
    window: 'Période de réponse',
    opensOn: 'Ouvre le',
    closesOn: 'Ferme le (inclus)',
    questions: 'Questions',
    kind: 'Type de question',
    label: 'Question',
    help: 'Aide',
    required: 'Réponse obligatoire',
    criterionId: 'Critère évalué',
    anonymous: 'Réponses anonymes',
    options: 'Propositions (une par ligne)',
    minLabel: 'Libellé du 1',
    maxLabel: 'Libellé du 5',
    closeReason: 'Raison (facultatif)',
    status: 'État',
  },
  helpers: {
    draft:
      'Le questionnaire est enregistré en brouillon : personne ne le voit avant sa publication. Une fois publié, ses questions ne changent plus.',
    intro: 'Quelques lignes lues avant les questions : pourquoi on demande, combien de temps cela prend.',
    audience:
      'Participants : les agents du test, avec leur compte, prévenus par notification et courriel. Public : les usagers, sans compte, par un lien ou un QR code ; anonyme.',
    window:
      'Le workflow du test ouvre et ferme le questionnaire aux dates dites, et relance les participants qui n’ont pas répondu trois jours avant la clôture. Il ne dure jamais plus que le test.',
    help: 'Facultatif : une précision lue sous la question.',
    minLabel: 'Par exemple « Pas du tout satisfait ».',
    maxLabel: 'Par exemple « Très satisfait ».',
    options: 'De 2 à %{max} propositions, différentes.',
    criterionId: 'Les réponses seront présentées à côté de ce critère dans les résultats et l’évaluation.',
    anonymous:
      'Décochez pour une question nominative : les porteurs du test verront qui a répondu quoi, et les participants en seront avertis.',
  },
  kinds: {
    scale: 'Échelle de 1 à 5',
    yesNo: 'Oui / non',
    singleChoice: 'Choix unique',
    multipleChoice: 'Choix multiple',
    shortText: 'Texte court',
    longText: 'Texte long',
  },
  audiences: { participants: 'Participants du test', public: 'Public (usagers, anonyme)' },
  windows: {
    run: 'Pendant le test (de son lancement à son arrêt)',
    evaluation: 'Après l’arrêt, pendant l’évaluation',
    custom: 'Dates choisies',
  },
  window: { between: 'du %{from} au %{to}', until: 'jusqu’au %{to}' },
  statuses: { draft: 'Brouillon', scheduled: 'Programmé', open: 'Ouvert', closed: 'Clos' },
  sections: {
    public: 'Lien public et QR code',
    respondents: 'Participation',
    results: 'Résultats',
    questions: 'Questions',
  },
  actions: {
    create: 'Nouveau questionnaire',
    edit: 'Modifier',
    publish: 'Publier',
    publishTitle: 'Publier le questionnaire ?',
    publishHelp:
      'Ses questions ne pourront plus changer. Le workflow du test l’ouvrira à la date prévue et préviendra les participants.',
    published: 'Questionnaire publié.',
    delete: 'Supprimer',
    deleteTitle: 'Supprimer ce brouillon ?',
    deleteHelp: 'Le brouillon et ses questions seront supprimés.',
    deleted: 'Brouillon supprimé.',
    close: 'Clore maintenant',
    closeHelp: 'Le questionnaire n’acceptera plus de réponses. Les réponses reçues sont gardées.',
    closed: 'Questionnaire clos.',
  },
  public: {
    intro: 'À transmettre aux usagers, ou à imprimer pour un accueil :',
    copy: 'Copier le lien',
    copied: 'Lien copié.',
    copyFailed: 'Copie impossible : sélectionnez le lien pour le copier.',
    poster: 'Affiche à imprimer',
    qrAlt: 'QR code menant au questionnaire (%{url})',
  },
  poster: {
    title: 'Affiche du questionnaire',
    back: 'Retour au questionnaire',
    print: 'Imprimer',
    tape: 'Service en test',
    headline: 'Donnez votre avis',
    orType: 'Scannez le code, ou tapez l’adresse :',
    until: 'Questionnaire ouvert jusqu’au %{date}.',
    anonymous: 'Anonyme : ni nom, ni adresse électronique. Quelques minutes suffisent.',
    notPublic: 'Seuls les questionnaires publics publiés ont une affiche.',
  },
  mine: {
    toAnswer: 'Vous n’avez pas encore répondu : votre avis compte.',
    answered: 'Vous avez répondu ; vous pouvez modifier votre réponse tant qu’il est ouvert.',
  },
  respondents: {
    summary: '%{answered} participant·es sur %{total} ont répondu.',
    everyone: 'Tout le monde a répondu.',
    missing: 'Pas encore répondu (%{smart_count})',
  },
  results: {
    respondents: '%{smart_count} réponse |||| %{smart_count} réponses',
    rate: 'Taux de réponse : %{rate} (sur %{expected} participant·es).',
    none: 'Aucune réponse pour l’instant.',
    byQuestion: 'Par question',
    byCriterion: 'Par critère',
    overTime: 'Au fil des semaines',
    noCriterion: 'Aucune question n’est reliée à un critère du test.',
    criterion: 'Critère : %{name}',
    answers: 'Réponses',
    value: 'Réponse',
    week: 'Semaine du',
    mean: 'Moyenne',
    answeredCount: '%{smart_count} a répondu |||| %{smart_count} ont répondu',
    skippedCount: '%{smart_count} sans réponse |||| %{smart_count} sans réponse',
    texts: '%{smart_count} réponse écrite |||| %{smart_count} réponses écrites',
    noText: 'Aucune réponse écrite.',
    named: 'Réponses nominatives',
    person: 'Personne',
    answer: 'Réponse',
    yes: 'Oui',
    no: 'Non',
    export: { csv: 'Réponses (CSV)', xlsx: 'Réponses (Excel)' },
  },
  evaluation: {
    whatTheySay: 'Ce que disent les questionnaires :',
    criterionVoice: 'Réponses aux questionnaires sur « %{name} »',
    prefilled:
      'Sources et nombre pré-remplis à partir des réponses réelles : %{count} personnes, %{smart_count} questionnaire. Vérifiez-les et complétez avec vos entretiens. |||| Sources et nombre pré-remplis à partir des réponses réelles : %{count} personnes, %{smart_count} questionnaires. Vérifiez-les et complétez avec vos entretiens.',
    noAnswers:
      'Aucun questionnaire de ce test n’a reçu de réponse : indiquez vos autres sources, ou la raison de leur absence.',
  },
};

export const enQuestionnaires: typeof frQuestionnaires = {
  name: 'Questionnaire |||| Questionnaires',
  title: 'Questionnaires',
  empty: 'No questionnaire on this experiment yet.',
  createOn: 'New questionnaire — %{title}',
  noExperiment:
    'Open an experiment, then “New questionnaire”: a questionnaire always belongs to an experiment.',
  backToTest: 'Back to the experiment',
  noCriterion: 'No criterion',
  requiredMark: 'required',
  nominative: 'named answer',
  fields: {
    title: 'Title',
    intro: 'Introduction',
    audience: 'Audience',
    window: 'Answering period',
    opensOn: 'Opens on',
    closesOn: 'Closes on (included)',
    questions: 'Questions',
    kind: 'Kind of question',
    label: 'Question',
    help: 'Help',
    required: 'Answer required',
    criterionId: 'Criterion evaluated',
    anonymous: 'Anonymous answers',
    options: 'Options (one per line)',
    minLabel: 'Label of 1',
    maxLabel: 'Label of 5',
    closeReason: 'Reason (optional)',
    status: 'Status',
  },
  helpers: {
    draft:
      'The questionnaire is saved as a draft: nobody sees it before it is published. Once published, its questions no longer change.',
    intro: 'A few lines read before the questions: why you ask, how long it takes.',
    audience:
      'Participants: the experiment’s agents, with their accounts, notified in the app and by email. Public: users without an account, through a link or a QR code; anonymous.',
    window:
      'The experiment’s workflow opens and closes the questionnaire on time, and reminds participants who have not answered three days before it closes. It never outlives the experiment.',
    help: 'Optional: a detail read under the question.',
    minLabel: 'For example “Not satisfied at all”.',
    maxLabel: 'For example “Very satisfied”.',
    options: 'From 2 to %{max} different options.',
    criterionId: 'The answers will be shown beside this criterion in the results and the evaluation.',
    anonymous:
      'Untick for a named question: the pilots will see who answered what, and participants are told so.',
  },
  kinds: {
    scale: 'Scale from 1 to 5',
    yesNo: 'Yes / no',
    singleChoice: 'Single choice',
    multipleChoice: 'Multiple choice',
    shortText: 'Short text',
    longText: 'Long text',
  },
  audiences: { participants: 'Experiment’s participants', public: 'Public (users, anonymous)' },
  windows: {
    run: 'While the experiment runs (launch to stop)',
    evaluation: 'After the stop, during the evaluation',
    custom: 'Chosen dates',
  },
  window: { between: 'from %{from} to %{to}', until: 'until %{to}' },
  statuses: { draft: 'Draft', scheduled: 'Scheduled', open: 'Open', closed: 'Closed' },
  sections: {
    public: 'Public link and QR code',
    respondents: 'Participation',
    results: 'Results',
    questions: 'Questions',
  },
  actions: {
    create: 'New questionnaire',
    edit: 'Edit',
    publish: 'Publish',
    publishTitle: 'Publish the questionnaire?',
    publishHelp:
      'Its questions will no longer change. The experiment’s workflow opens it on time and notifies the participants.',
    published: 'Questionnaire published.',
    delete: 'Delete',
    deleteTitle: 'Delete this draft?',
    deleteHelp: 'The draft and its questions will be deleted.',
    deleted: 'Draft deleted.',
    close: 'Close now',
    closeHelp: 'The questionnaire will take no more answers. The answers received are kept.',
    closed: 'Questionnaire closed.',
  },
  public: {
    intro: 'To send to users, or print for a front desk:',
    copy: 'Copy the link',
    copied: 'Link copied.',
    copyFailed: 'Cannot copy: select the link to copy it.',
    poster: 'Poster to print',
    qrAlt: 'QR code leading to the questionnaire (%{url})',
  },
  poster: {
    title: 'Questionnaire poster',
    back: 'Back to the questionnaire',
    print: 'Print',
    tape: 'Service being tested',
    headline: 'Tell us what you think',
    orType: 'Scan the code, or type the address:',
    until: 'Open until %{date}.',
    anonymous: 'Anonymous: no name, no email address. It takes a few minutes.',
    notPublic: 'Only published public questionnaires have a poster.',
  },
  mine: {
    toAnswer: 'You have not answered yet: your opinion matters.',
    answered: 'You have answered; you may change your answer while it is open.',
  },
  respondents: {
    summary: '%{answered} of %{total} participants have answered.',
    everyone: 'Everyone has answered.',
    missing: 'Not answered yet (%{smart_count})',
  },
  results: {
    respondents: '%{smart_count} answer |||| %{smart_count} answers',
    rate: 'Response rate: %{rate} (of %{expected} participants).',
    none: 'No answer yet.',
    byQuestion: 'By question',
    byCriterion: 'By criterion',
    overTime: 'Week by week',
    noCriterion: 'No question is tied to a criterion of the experiment.',
    criterion: 'Criterion: %{name}',
    answers: 'Answers',
    value: 'Answer',
    week: 'Week of',
    mean: 'Mean',
    answeredCount: '%{smart_count} answered |||| %{smart_count} answered',
    skippedCount: '%{smart_count} skipped |||| %{smart_count} skipped',
    texts: '%{smart_count} written answer |||| %{smart_count} written answers',
    noText: 'No written answer.',
    named: 'Named answers',
    person: 'Person',
    answer: 'Answer',
    yes: 'Yes',
    no: 'No',
    export: { csv: 'Answers (CSV)', xlsx: 'Answers (Excel)' },
  },
  evaluation: {
    whatTheySay: 'What the questionnaires say:',
    criterionVoice: 'Questionnaire answers on “%{name}”',
    prefilled:
      'Sources and count pre-filled from the real answers: %{count} people, %{smart_count} questionnaire. Check them and add your interviews. |||| Sources and count pre-filled from the real answers: %{count} people, %{smart_count} questionnaires. Check them and add your interviews.',
    noAnswers:
      'No questionnaire of this experiment got an answer: give your other sources, or why there are none.',
  },
};
