import frenchMessages from 'ra-language-french';
import type { TranslationMessages } from 'react-admin';
import { launchApprovalMessages } from '../launch-approval/i18n';
import { mergeMessages } from './merge';
import { codirCycleFr } from '../calendar/i18n';

/**
 * The product's own French messages, in the vocabulary of the source ("Capacités
 * publiques"). Keys mirror the model (`resources.<resource>.fields.<field>`); `app.*`
 * holds the others. Its shape is the contract every other locale must fill (see en.ts).
 */
const frBaseMessages = {
  app: {
    // The CODIR's cycle (issue 15): working days, digest, calendar subscription.
    codirCycle: codirCycleFr,
    title: 'Capacités',
    export: {
      button: 'Exporter',
      csv: 'Tableur CSV (séparateur point-virgule)',
      xlsx: 'Classeur Excel (XLSX)',
    },
    menu: {
      experiments: 'Tests',
      tasks: 'Mes tâches',
      dashboard: 'Tableau de bord CODIR',
      notifications: 'Notifications',
      administration: 'Administration',
      sharedLearnings: 'Enseignements partagés',
    },
    login: {
      oidcButton: 'Se connecter avec %{label}',
      or: 'ou',
      badCredentials: 'Adresse électronique ou mot de passe incorrect.',
      tooManyAttempts: 'Trop de tentatives : réessayez dans une minute.',
      totpRequired: 'Saisissez le code de votre application d’authentification.',
      codeIntro:
        'Votre compte est protégé par une double authentification : saisissez le code à 6 chiffres affiché par votre application d’authentification.',
      code: 'Code de vérification',
      codeHelp: 'Six chiffres, ou l’un de vos codes de secours (xxxxx-xxxxx).',
      verify: 'Vérifier',
      restart: 'Recommencer avec le mot de passe',
      badCode: 'Code incorrect ou déjà utilisé.',
      expired: 'Cette connexion a expiré ou épuisé ses essais : saisissez de nouveau votre mot de passe.',
      errors: {
        oidc_unknown_user:
          'Votre compte %{label} ne correspond à aucun utilisateur de Capacités. Demandez à un administrateur de créer votre compte avec la même adresse électronique.',
        oidc_cancelled: 'Connexion avec %{label} annulée.',
        oidc_expired:
          'La connexion a expiré ou a été commencée dans un autre onglet ou navigateur : recommencez.',
        oidc_unavailable:
          '%{label} est momentanément indisponible : réessayez plus tard, ou connectez-vous avec votre mot de passe.',
        oidc_failed: 'La connexion avec %{label} a échoué : recommencez.',
        oidc_subject_mismatch:
          "Ce compte Capacités est déjà relié à une autre identité %{label}. Si votre adresse électronique vous a été réattribuée, demandez à un administrateur de délier l'ancien compte.",
        oidc_link_not_allowed:
          "Ce compte Capacités n'est pas encore ouvert à la connexion avec %{label}. Demandez à un administrateur de l'autoriser, ou connectez-vous avec votre mot de passe.",
      },
    },
    errors: {
      // The API's reasons (issue 12, item 16): one per code of the shared declaration
      // (libs/domain/src/errors/error-codes.ts), with its parameters.
      TRANSITION_NOT_ALLOWED: "« %{transition} » n'est pas possible quand le test est à l'état « %{state} ».",
      NOT_READY_TO_LAUNCH: 'Le test ne peut pas encore être lancé. %{missing}',
      HYPOTHESIS_REQUIRED: 'Le test ne peut pas être lancé sans hypothèse : pas d’hypothèse, pas de test.',
      HYPOTHESIS_TO_REVISE:
        "L'hypothèse reprise du test précédent doit être revue avant le lancement de cette itération.",
      SCOPE_REQUIRED: 'Le test ne peut pas être lancé sans périmètre.',
      PILOT_REQUIRED: 'Le test ne peut pas être lancé sans porteur·euse.',
      SPONSOR_REQUIRED: 'Le test ne peut pas être lancé sans portage institutionnel.',
      EXPIRY_INVALID:
        'La date de péremption manque, est passée ou dépasse la durée maximale : le test ne peut pas être lancé.',
      CONSENT_MISSING:
        "Le test ne peut pas être lancé : aucun·e participant·e, ou certain·es n'ont pas encore donné leur accord.",
      EXIT_PLAN_REQUIRED: 'Le test ne peut pas être lancé sans plan de sortie.',
      PILOT_IS_SPONSOR:
        'Le portage institutionnel ne peut pas être l’un·e des porteur·euses du test : ce sont des personnes différentes.',
      APPROVER_IS_PILOT: 'Un·e porteur·euse du test ne peut pas accorder sa prolongation.',
      CONSENT_NOT_OWN:
        "L'accord est l'acte de chaque participant·e : elle ou il le donne ou le retire soi-même ; un accord recueilli sur papier est saisi à part par les RH.",
      CONSENT_ALREADY_GIVEN: 'Cette personne a déjà donné son accord.',
      CONSENT_WITHDRAWAL_NOT_RUNNING:
        "L'accord se retire par le test pendant qu'il est en cours ; il est à l'état « %{state} ».",
      CONSENT_ALREADY_WITHDRAWN: 'Cette personne a déjà retiré son accord.',
      CHECK_IN_NOT_RUNNING:
        "Les points d'étape se font pendant que le test est en cours ; il est à l'état « %{state} ».",
      EXTENSION_NOT_RUNNING: "Seul un test en cours peut être prolongé ; celui-ci est à l'état « %{state} ».",
      EXTENSION_PENDING: 'Une demande de prolongation attend déjà la réponse du portage institutionnel.',
      NO_EXTENSION_LEFT: 'Plus de prolongation possible : %{maxExtensions} au plus par test.',
      EXTENSION_JUSTIFICATION_REQUIRED: 'Une prolongation doit être justifiée.',
      EXTENSION_DATE_INVALID: "La nouvelle date de péremption n'est pas une date valide.",
      EXTENSION_NOT_LATER: 'La nouvelle date de péremption doit être après la date actuelle (%{expiresAt}).',
      EXTENSION_TOO_LONG:
        'La nouvelle date de péremption doit rester dans la durée maximale de %{maxDays} jours après le lancement.',
      NO_EXTENSION_REQUEST: "Aucune demande de prolongation n'attend de réponse.",
      SPONSOR_DECIDES_EXTENSION: 'Seul le portage institutionnel du test accorde ou refuse une prolongation.',
      STOP_REASON_REQUIRED: 'Un arrêt anticipé doit donner sa raison.',
      AMENDMENT_NOT_ALLOWED:
        "Les critères se modifient pendant le test ou son évaluation ; il est à l'état « %{state} ».",
      AMENDMENT_REASON_REQUIRED: 'Une modification des critères doit donner sa raison.',
      CRITERIA_REQUIRED: 'Il faut au moins un critère.',
      USERS_VOICE_REQUIRED:
        "La parole des usager·es est requise : ses sources et combien ont été entendus, ou pourquoi personne ne l'a été.",
      CRITERION_RESULTS_MISSING: 'Il faut un résultat pour chaque critère ; il manque : %{criteria}.',
      CRITERIA_UNKNOWN: 'Critères inconnus du test : %{criterionIds}. Rechargez la page.',
      HANDOVER_REQUIRED:
        'Pérenniser demande un plan de relais : quand le porteur se retire, et qui prend le relais.',
      OUTCOME_UNKNOWN: 'Décision inconnue : « %{outcome} ».',
      NOT_LAUNCHED: "Le test n'a pas encore été lancé.",
      EXPERIMENT_CLOSED: 'Ce test est clos : son cycle de vie est terminé.',
      EXPERIMENT_NOT_FOUND: "Ce test n'existe pas, ou vous n'y avez pas accès.",
      ORGANIZATION_NOT_FOUND: "Cette organisation n'existe pas, ou vous n'y avez pas accès.",
      TRACK_NOT_FOUND: "Cette piste n'existe pas pour l'organisation.",
      WORKFLOW_UNAVAILABLE:
        "Le moteur du cycle de vie est momentanément indisponible : rien n'a été changé, réessayez dans un instant.",
      FRAMING_LOCKED:
        'Le cadrage est fixé une fois le test lancé (état « %{state} ») : %{fields} ne peuvent plus changer.',
      STATE_CHANGED: "Le test a changé d'état entre-temps : rechargez la page.",
      CONSENT_CLOSED:
        "L'accord se donne avant le lancement ; pendant le test, il peut seulement être retiré (état « %{state} »).",
      NOT_FOUND: "Cet élément n'existe pas (ou plus), ou vous n'y avez pas accès.",
      SLUG_TAKEN: "L'identifiant court « %{slug} » est déjà pris.",
      EMAIL_TAKEN: "Une personne a déjà l'adresse électronique %{email}.",
      SELF_LOCKOUT:
        "Vous ne pouvez ni désactiver votre propre compte, ni retirer votre propre rôle d'administration de la plateforme.",
      TRACK_IN_USE:
        'Des tests utilisent cette piste : elle ne peut pas être supprimée. Archivez-la : elle ne sera plus proposée aux nouveaux tests et les tests existants la gardent.',
      NOT_STARTED: 'Les témoignages se recueillent une fois le test lancé.',
      UNAUTHENTICATED: 'Votre session a pris fin : reconnectez-vous.',
      BAD_CREDENTIALS: 'Adresse électronique ou mot de passe incorrect.',
      WRONG_PASSWORD: 'Le mot de passe actuel est incorrect.',
      TOO_MANY_ATTEMPTS: 'Trop de tentatives de connexion : réessayez dans %{retryAfterSeconds} secondes.',
      TOTP_INVALID: 'Code incorrect ou déjà utilisé.',
      TOTP_ENROLMENT_REQUIRED:
        "L'administration de la plateforme doit d'abord activer la double authentification (TOTP).",
      TOTP_REQUIRED_FOR_ADMIN:
        "La double authentification ne peut pas être désactivée pour l'administration de la plateforme.",
      TOTP_ALREADY_ENABLED: 'La double authentification est déjà activée.',
      TOTP_NOT_ENABLED: "La double authentification n'est pas activée : commencez par l'activer.",
      LOGIN_EXPIRED: 'Cette connexion a expiré ou a épuisé ses essais : recommencez avec votre mot de passe.',
      CSRF_REFUSED:
        'La demande ne vient pas du back-office de Capacités : elle est refusée. Rechargez la page et réessayez.',
      FORBIDDEN: 'Votre rôle ne le permet pas : « %{action} » est réservé %{roles}.',
      VALIDATION_FAILED: 'Certaines valeurs sont refusées : %{fields}.',
      DATABASE_UNAVAILABLE:
        "La base de données est momentanément indisponible : rien n'a été changé, réessayez dans un instant.",
      PAYLOAD_TOO_LARGE: 'La demande est trop volumineuse (limite : %{limit}).',
      MALFORMED_JSON: 'La demande envoyée au serveur est mal formée. Rechargez la page et réessayez.',
      UNSUPPORTED_MEDIA_TYPE: "Le format de la demande n'est pas accepté par le serveur.",
      REQUEST_ABORTED: 'La demande a été interrompue avant la fin de son envoi : réessayez.',
      REQUEST_HEADER_FIELDS_TOO_LARGE: 'La demande est trop longue : réduisez les filtres et réessayez.',
      REQUEST_TIMEOUT: "La demande n'est pas arrivée à temps : réessayez.",
      TOO_MANY_REQUESTS: 'Trop de demandes : réessayez dans une minute.',
      METHOD_NOT_ALLOWED: "Cette opération n'est pas possible ici.",
      BAD_REQUEST: 'La demande est mal formée.',
      INTERNAL_ERROR: "Une erreur inattendue s'est produite ; elle a été consignée pour l'équipe technique.",
      HTTP_ERROR: 'La demande a échoué.',
      unknown: 'Le serveur a refusé la demande (motif %{code}).',
      status: "Le serveur n'a pas pu répondre (statut %{status}) : réessayez dans un instant.",
      network: 'Le serveur ne répond pas : vérifiez votre connexion et réessayez.',
      noState: 'pas encore créé',
    },
    refusals: {
      or: ' ou ',
      actions: {
        launch: 'lancer le test',
        cancel: 'annuler le brouillon',
        recordCheckIn: "faire un point d'étape",
        requestExtension: 'demander une prolongation',
        approveExtension: 'accorder la prolongation',
        refuseExtension: 'refuser la prolongation',
        stopEarly: 'arrêter le test',
        amendCriteria: 'modifier les critères',
        submitEvaluation: "remettre l'évaluation",
        decide: 'décider de la suite',
        createExperiment: 'cadrer un test',
        editFraming: 'modifier le cadrage',
        giveConsent: 'donner ou retirer son accord',
        recordConsent: 'saisir un accord recueilli hors de l’application',
        shareLearnings: 'partager les enseignements',
        collectTestimony: 'recueillir un témoignage',
        editTestimony: 'modifier un témoignage',
        manageAccounts: 'gérer les comptes',
        manageTracks: 'gérer les pistes',
        manageOrganizations: 'gérer les organisations',
        readOutbox: "lire les courriels en attente d'envoi",
        readDashboard: 'consulter le tableau de bord',
      },
      roles: {
        // With their preposition: « réservé au CODIR ou aux RH ».
        admin: "à l'administration de la plateforme",
        hr: 'aux RH',
        pilot: 'aux porteur·euses du test',
        sponsor: 'au portage institutionnel du test',
        codir: 'au CODIR',
        member: 'aux membres',
        participant: 'aux participant·es du test (chacun·e pour soi)',
        author: 'à la personne qui l’a recueilli',
      },
    },
    profile: {
      title: 'Mon compte',
      menu: 'Mon compte',
      totp: {
        title: 'Double authentification (TOTP)',
        requiredForAdmin:
          "L'administration de la plateforme exige une double authentification : activez-la pour accéder aux autres écrans.",
        disabled:
          'Protégez votre compte : à chaque connexion, un code à 6 chiffres de votre application d’authentification (FreeOTP, Aegis, Google Authenticator…) vous sera demandé après le mot de passe.',
        enable: 'Activer la double authentification',
        scanIntro:
          'Ajoutez ce compte dans votre application d’authentification en saisissant la clé ci-dessous (ou en ouvrant le lien otpauth sur votre téléphone), puis saisissez le code qu’elle affiche. La clé n’est montrée qu’une fois.',
        key: 'Clé :',
        link: 'Lien :',
        code: 'Code à 6 chiffres',
        codeHelp: 'Le code affiché par votre application, ou un code de secours.',
        confirm: 'Confirmer',
        enabled: 'La double authentification est activée.',
        cannotDisable: "Elle ne peut pas être désactivée pour l'administration de la plateforme.",
        disable: 'Désactiver la double authentification',
        recoveryCodes: 'Codes de secours',
        recoveryCodesIntro:
          'Codes de secours, à conserver en lieu sûr : chacun remplace une fois le code de l’application si vous la perdez. Ils ne seront plus affichés.',
        errors: {
          TOTP_INVALID: 'Code incorrect ou déjà utilisé.',
          TOTP_ALREADY_ENABLED: 'La double authentification est déjà activée.',
          TOTP_NOT_ENABLED: 'Commencez par activer la double authentification.',
          TOTP_REQUIRED_FOR_ADMIN: "Elle ne peut pas être désactivée pour l'administration de la plateforme.",
          VALIDATION_FAILED: 'Saisissez les 6 chiffres du code, ou un code de secours.',
          UNKNOWN: 'La demande a échoué : réessayez.',
        },
      },
    },
    access: {
      adminOnly: "Cet écran est réservé à l'administration de la plateforme.",
    },
    countdown: {
      left: 'J-%{days}',
      overdue: 'dépassé de %{smart_count} jour |||| dépassé de %{smart_count} jours',
      kinds: { evaluation: 'Évaluation', decision: 'Décision' },
    },
    tape: {
      running: "EN TEST — jusqu'au %{date}",
      label: "Ce test est provisoire : il s'arrête le %{date}.",
      print: 'Imprimer la fiche test',
      fiche: 'Fiche test',
    },
    sections: {
      hypothesis: 'Hypothèse',
      framing: 'Cadrage',
      people: 'Personnes',
      criteria: "Critères d'évaluation",
      dates: 'Dates et rythme',
      exitPlan: 'Plan de sortie',
      timeline: 'Historique',
      checkIns: "Points d'étape",
      evaluation: 'Évaluation',
      decision: 'Décision',
      lineage: 'Itérations',
      readiness: 'Prêt à lancer ?',
      testimonies: 'Témoignages',
    },
    readiness: {
      ready: 'Tout est prêt : le test peut être lancé.',
      missing:
        'Encore %{smart_count} point à compléter avant le lancement. |||| Encore %{smart_count} points à compléter avant le lancement.',
      items: {
        hypothesis: 'Une hypothèse à vérifier',
        scope: 'Un périmètre (services, sites, personnes)',
        criteria: "Au moins un critère d'évaluation",
        pilots: 'Au moins un·e porteur·euse',
        sponsor: 'Un portage institutionnel',
        expiry: 'Une date de péremption future, dans la durée maximale (%{max} jours)',
        consent: 'Des participant·es qui ont donné leur accord',
        exitPlan: 'Un plan de sortie : quand le porteur se retire, qui prend le relais',
        hypothesisRevision: "Une hypothèse revue depuis l'itération précédente",
        sponsorNotPilot: 'Un portage institutionnel distinct des porteur·euses',
      },
      problems: {
        hypothesis: 'Pas d’hypothèse, pas de test.',
        hypothesisRevision: "L'hypothèse reprise du test précédent doit être revue pour cette itération.",
        scope: 'Le périmètre est vide.',
        criteria: 'Aucun critère pour le moment.',
        pilots: 'Personne ne porte encore le test.',
        sponsor: 'Aucun portage institutionnel.',
        expiry: 'La date de péremption manque, est passée ou dépasse la durée maximale.',
        consent: "Aucun·e participant·e, ou certain·es n'ont pas encore donné leur accord.",
        exitPlan: 'Le plan de sortie est incomplet.',
        sponsorNotPilot:
          'La même personne porte le test et en assure le portage institutionnel : choisissez quelqu’un d’autre.',
      },
    },
    weather: {
      sunny: 'Ensoleillé',
      cloudy: 'Nuageux',
      stormy: 'Orageux',
      none: 'Pas encore de point',
    },
    verdicts: {
      confirmed: 'Hypothèse confirmée',
      partly_confirmed: 'Hypothèse en partie confirmée',
      refuted: 'Hypothèse infirmée',
      inconclusive: 'Résultat non concluant',
    },
    outcomes: {
      iterate: 'Itérer',
      perpetuate: 'Pérenniser',
      abandon: 'Abandonner',
    },
    events: {
      framingUpdated: 'Cadrage modifié',
      create: 'Test créé en brouillon',
      launch: 'Test lancé',
      cancel: 'Test annulé',
      checkIn: "Point d'étape",
      checkInMissed: "Point d'étape manqué",
      extensionRequested: 'Prolongation demandée',
      extensionApproved: 'Prolongation accordée',
      extensionRefused: 'Prolongation refusée',
      expire: 'Date de péremption atteinte : le test s’arrête',
      stopEarly: 'Arrêt anticipé',
      criteriaAmended: 'Critères modifiés',
      submitEvaluation: 'Évaluation remise',
      evaluationOverdue: 'Évaluation en retard',
      evaluationAlgeco: 'Alerte Algeco : évaluation en retard, CODIR prévenu',
      decideIterate: 'Décision : itérer',
      decidePerpetuate: 'Décision : pérenniser',
      decideAbandon: 'Décision : abandonner',
      decisionOverdue: 'Décision en retard',
      decisionAlgeco: 'Alerte Algeco : décision en retard, CODIR prévenu',
      consentGiven: 'Accord donné',
      consentWithdrawn: 'Accord retiré',
      consentRecordedOnBehalf: 'Accord recueilli hors ligne, saisi par les RH',
      testimonyAdded: 'Témoignage ajouté',
      testimonyRemoved: 'Témoignage supprimé',
      learningsShared: 'Enseignements partagés avec le réseau',
      learningsWithdrawn: 'Enseignements retirés du réseau',
      system: 'automatique',
      empty: 'Rien pour le moment.',
      unavailable: "L'historique n'est pas encore disponible.",
      changes: 'Avant / après',
      changeBefore: 'Avant :',
      changeAfter: 'Après :',
      changeItems: '%{smart_count} élément |||| %{smart_count} éléments',
      changeGroup: '(plusieurs champs)',
    },
    actions: {
      done: 'C’est enregistré.',
      refused: 'Refusé par le serveur',
      cancelButton: 'Fermer',
      editFraming: 'Modifier le cadrage',
      launch: {
        label: 'Lancer le test',
        help: "Le test démarre maintenant et s'arrêtera à sa date de péremption, quoi qu'il arrive. Toutes les personnes concernées sont prévenues.",
      },
      cancel: {
        label: 'Annuler le brouillon',
        help: "Le test ne sera pas lancé. L'annulation est définitive.",
      },
      recordCheckIn: {
        label: "Faire un point d'étape",
        help: 'Un point régulier garde le rythme sans épuiser l’équipe : où en est-on, qu’est-ce qui bloque ?',
      },
      requestExtension: {
        label: 'Demander une prolongation',
        help: 'Une prolongation est limitée, justifiée, et accordée par le portage institutionnel.',
      },
      approveExtension: {
        label: 'Accorder la prolongation',
        help: 'La nouvelle date de péremption s’applique dès maintenant.',
      },
      refuseExtension: {
        label: 'Refuser la prolongation',
        help: 'Le test s’arrêtera à sa date de péremption actuelle.',
      },
      stopEarly: {
        label: 'Arrêter le test',
        help: "Arrêter avant la date de péremption est permis : l'évaluation reste due.",
      },
      amendCriteria: {
        label: 'Modifier les critères',
        help: 'Les critères fixés au lancement restent visibles ; la modification est tracée avec sa raison.',
      },
      submitEvaluation: {
        label: "Remettre l'évaluation",
        help: 'Un regard bienveillant mais juste : en écho à l’hypothèse de départ, avec la parole des usager·es du test.',
      },
      decide: {
        label: 'Décider de la suite',
        help: 'Itérer, pérenniser ou abandonner : l’abandon est une issue légitime.',
      },
    },
    validation: {
      commonPassword: 'Ce mot de passe fait partie des plus courants : choisissez-en un autre.',
      choose: 'Choisissez une valeur',
      date: 'Une date est attendue (JJ/MM/AAAA)',
      usersVoice:
        'La parole des usager·es est requise : ses sources et le nombre de personnes entendues, ou pourquoi personne ne l’a été.',
      handover: 'Pérenniser demande une passation : quand le porteur se retire, qui prend le relais.',
      invalid: 'Valeur invalide',
    },
    consent: {
      given: 'Accord donné le %{date}',
      pending: 'Accord en attente',
      give: 'Je donne mon accord',
      withdraw: 'Retirer mon accord',
      askGive:
        "Vous faites partie de l'équipe testeuse. Un test ne se fait qu'avec l'accord des parties : acceptez-vous d'y prendre part ?",
      givenYours:
        "Vous avez donné votre accord. Vous pouvez le retirer à tout moment jusqu'à la fin du test.",
      confirmWithdraw: 'Retirer votre accord ?',
      confirmWithdrawContent:
        "Le test continue sans vous. Le retrait est noté dans l'historique du test, que ses porteur·euses voient.",
      withdrawn: 'Accord retiré le %{date}',
      onBehalf: 'Accord recueilli %{method} le %{collected}, saisi par %{name} le %{recorded}',
      methods: { paper: 'sur papier', email: 'par courriel', meeting: 'en réunion' },
      methodNames: { paper: 'Sur papier', email: 'Par courriel', meeting: 'En réunion' },
      record: 'Saisir un accord recueilli',
      recordFor: 'Saisir un accord recueilli hors ligne pour %{name}',
      recordTitle: 'Accord de %{name} recueilli hors ligne',
      recordHelp:
        "Seulement si la personne a donné son accord hors de Capacités. La saisie est notée dans l'historique à votre nom, avec la façon et le jour du recueil ; la page la distingue d'un accord donné en ligne.",
      method: 'Façon de recueillir',
      collectedOn: 'Jour du recueil',
      note: 'Note (document, témoin…)',
      recordSubmit: "Enregistrer l'accord",
    },
    testimonies: {
      add: 'Ajouter un témoignage',
      edit: 'Modifier le témoignage',
      delete: 'Supprimer le témoignage',
      confirmDelete: 'Supprimer ce témoignage ?',
      confirmDeleteContent: "Il disparaît du test ; la suppression est notée dans l'historique.",
      anonymous: 'Anonyme',
      shareable: 'Partageable',
      empty:
        'Aucun témoignage pour le moment. Recueillez la parole des usager·es du test, surtout de celles et ceux qui parlent moins.',
      notYet: 'Les témoignages se recueillent une fois le test lancé.',
      asText:
        'Les verbatims sont enregistrés et affichés comme du texte brut : aucune balise n’est interprétée.',
    },
    learnings: {
      shared: 'Enseignements partagés avec le réseau le %{date}',
      notShared: 'Enseignements non partagés avec le réseau',
      share: 'Partager avec le réseau',
      withdraw: 'Retirer du réseau',
      help: 'Capitaliser et essaimer : le titre du test, son verdict, ses enseignements et la décision deviennent lisibles par les autres organisations. Le reste du test reste privé.',
      intro:
        "Ce que d'autres administrations ont appris de leurs tests et ont choisi de partager avec le réseau. Le reste de leurs tests reste privé.",
    },
    extension: {
      pending: 'La demande en attente',
      newDate: 'Nouvelle date de péremption demandée',
      currentDate: 'Date de péremption actuelle',
      justification: 'Justification',
      requestedBy: 'Demandée le %{date} par',
      unavailable: "La demande n'a pas pu être lue ; elle figure dans l'historique du test.",
    },
    date: {
      placeholder: 'jj/mm/aaaa',
      format: '(format : jj/mm/aaaa)',
    },
    amendments: {
      title:
        'Modification des critères depuis le lancement (%{smart_count}) |||| Modifications des critères depuis le lancement (%{smart_count})',
      current:
        'Critères en vigueur, après %{smart_count} modification depuis le lancement. |||| Critères en vigueur, après %{smart_count} modifications depuis le lancement.',
      when: 'Le %{date}, par',
      reason: 'Raison',
      added: 'Critère ajouté : %{criterion}',
      removed: 'Critère retiré : %{criterion}',
      modified: 'Critère « %{criterion} » modifié : %{changes}',
      change: '%{field} : %{before} devient %{after}',
      quoted: '« %{value} »',
      unchanged: 'Aucun critère changé.',
      unavailable: 'Les critères ne peuvent pas être lus pour le moment : réessayez dans un instant.',
    },
    lineage: {
      parent: "Test d'origine",
      child: 'Itération suivante',
      iteration: 'Itération n° %{n}',
      none: 'Premier test, sans itération pour le moment.',
    },
    fiche: {
      subtitle: 'Un test vérifie une hypothèse, a une durée limitée et sera évalué.',
    },
    notices: {
      sent: '%{notice} — envoyé à %{smart_count} personne |||| %{notice} — envoyé à %{smart_count} personnes',
      events: {
        launched: 'Annonce du lancement',
        cancelled: "Annonce de l'annulation",
        preExpiryReminder: 'Rappel avant la date de péremption',
        checkInDue: "Rappel de point d'étape",
        checkInsMissed: "Alerte : points d'étape manqués",
        extensionRequested: 'Demande de prolongation transmise',
        extensionApproved: 'Annonce de la prolongation',
        extensionRefused: 'Annonce du refus de prolongation',
        stopped: "Annonce de l'arrêt, évaluation attendue",
        evaluationReminder: "Rappel d'évaluation",
        evaluationOverdue: 'Alerte : évaluation en retard',
        evaluationAlgeco: 'Alerte Algeco au CODIR : évaluation',
        evaluationSubmitted: "Annonce de l'évaluation",
        decisionReminder: 'Rappel de décision',
        decisionOverdue: 'Alerte : décision en retard',
        decisionAlgeco: 'Alerte Algeco au CODIR : décision',
        decided: 'Annonce de la décision',
        criteriaAmended: 'Annonce de la modification des critères',
        consentWithdrawn: "Retrait d'accord annoncé aux porteur·euses",
      },
    },
    notifications: {
      unread: '%{smart_count} notification non lue |||| %{smart_count} notifications non lues',
      markAllRead: 'Tout marquer comme lu',
    },
    tasks: {
      empty: 'Rien à faire pour le moment.',
      unavailable: 'Vos tâches ne sont pas encore disponibles.',
      dueOn: 'À faire avant le %{date}',
      overdueSince: 'En retard depuis le %{date}',
      kinds: {
        launch: 'Lancer',
        'check-in': "Point d'étape",
        evaluation: 'Évaluation',
        decision: 'Décision',
        'extension-approval': 'Prolongation à examiner',
      },
    },
    dashboard: {
      byState: 'Tests par état',
      overdue: 'En retard : alertes « Algeco »',
      expiringSoon: 'Péremption dans les 30 jours',
      outcomes: 'Décisions par mois',
      byTrack: 'Tests par piste',
      weather: 'Météo des tests en cours',
      onTime: 'Évaluations remises à temps',
      onTimeDetail: '%{onTime} sur %{total}',
      portfolio: 'Portefeuille en cours',
      recent: 'Derniers mouvements',
      decisions: 'Dernières décisions',
      nextIteration: 'itération suivante',
      noTrack: 'Sans piste',
      all: 'Tous',
      ongoing: 'En cours',
      chartData: 'Voir les données du graphique',
      month: 'Mois',
      track: 'Piste',
      weatherLabel: 'Météo',
      count: 'Nombre',
    },
    language: 'Langue : %{name}',
    // Commence par le nom affiché sur le bouton (WCAG 2.5.3, étiquette dans le nom).
    userMenu: '%{name}, menu du profil',
    print: 'Imprimer',
    calendar: {
      experiment: 'Ajouter les échéances à mon agenda (.ics)',
      mine: 'Toutes mes échéances dans mon agenda (.ics)',
    },
    yes: 'Oui',
    no: 'Non',
  },
  resources: {
    experiments: {
      name: 'Test |||| Tests',
      fields: {
        id: 'Identifiant',
        q: 'Rechercher',
        organizationId: 'Organisation',
        trackId: 'Piste',
        title: 'Titre',
        hypothesis: 'Hypothèse',
        vision: 'Vision (projet idéal)',
        scope: 'Périmètre',
        state: 'État',
        expiresAt: 'Date de péremption',
        expiresOn: 'Date de péremption',
        originalExpiresAt: 'Date de péremption initiale',
        deadline: 'Échéance',
        iteration: 'Itération',
        parentId: "Test d'origine",
        createdAt: 'Créé le',
        updatedAt: 'Modifié le',
        launchedAt: 'Lancé le',
        stoppedAt: 'Arrêté le',
        evaluationDueAt: 'Évaluation attendue le',
        decisionDueAt: 'Décision attendue le',
        pilotIds: 'Porteur·euses',
        sponsorId: 'Portage institutionnel',
        participants: 'Équipe testeuse',
        userId: 'Personne',
        consented: 'A donné son accord',
        consentedAt: 'Accord donné le',
        checkInCadenceDays: "Rythme des points d'étape (jours)",
        lastWeather: 'Dernière météo',
        criteria: 'Critères',
        criterion: {
          name: 'Critère / indicateur',
          method: 'Comment le mesurer',
          target: 'Cible',
          coBuiltWithUsers: 'Co-construit avec les usager·es',
        },
        exitPlan: {
          pilotWithdrawal: 'Quand le porteur se retire',
          takeover: 'Qui prend le relais',
        },
        weather: 'Météo',
        progress: 'Avancement',
        blockers: 'Points de blocage',
        reason: 'Raison',
        newExpiryDate: 'Nouvelle date de péremption',
        justification: 'Justification',
        verdict: "Verdict sur l'hypothèse",
        criterionResults: 'Résultat par critère',
        result: 'Résultat',
        met: 'Atteint',
        usersVoice: {
          sources: 'Sources (entretiens, questionnaires…), séparées par des virgules',
          count: 'Nombre de personnes entendues',
          noneReason: "Si personne n'a été entendu : pourquoi",
        },
        learnings: 'Enseignements',
        outcome: 'Décision',
        rationale: 'Motivation',
        handover: {
          pilotWithdrawal: 'Quand le porteur se retire',
          takeover: 'Qui prend le relais',
        },
        nextFocus: 'Ce que teste l’itération suivante (autre aspect, service ou échelle)',
      },
      filters: {
        pilotId: 'Porteur·euse',
        expiringSoon: 'Péremption dans les 30 jours',
        overdue: 'Évaluation ou décision en retard',
      },
      helpers: {
        title: 'Un nom court qui dit de quoi parle le test (3 à 200 caractères).',
        hypothesis:
          'Un test vérifie une hypothèse : ce que vous pensez vrai et que le test va confirmer ou infirmer.',
        vision: 'Le projet idéal, la vision que sert cette hypothèse.',
        scope: 'Les services, sites et personnes concernés par le test.',
        criteria:
          "Ce que l'on mesurera pour savoir si l'hypothèse tient. Construisez les indicateurs avec les usager·es du test quand c'est possible.",
        pilots: 'Le test est porté collectivement plutôt que par un héros solitaire.',
        sponsor: 'La personne (DGA, DGS…) qui soutient le test, accorde les prolongations et décide.',
        participants:
          "Un test ne se fait qu'avec l'accord des parties : chaque personne de l'équipe testeuse doit avoir donné le sien.",
        expiresOn:
          "À cette date, le test s'arrête, quoi qu'il arrive. Cela oblige à l'évaluation et évite l'« effet Algeco ».",
        checkInCadenceDays:
          'Des points réguliers gardent le rythme sans épuiser les personnes (14 jours par défaut).',
        exitPlan:
          "Préparez l'autonomie de l'équipe après le test : quand le porteur se retire, qui prend le relais.",
        runningLocked: 'Le test est lancé : seuls la vision et le périmètre peuvent encore changer.',
        createNext:
          'Le brouillon est créé ; complétez ensuite son cadrage (critères, personnes, dates, plan de sortie).',
      },
      states: {
        draft: 'Brouillon',
        running: 'En cours',
        evaluating: 'En évaluation',
        deciding: 'En décision',
        cancelled: 'Annulé',
        perpetuated: 'Pérennisé',
        abandoned: 'Abandonné',
        iterated: 'Itéré',
      },
    },
    organizations: {
      name: 'Organisation |||| Organisations',
      fields: {
        id: 'Identifiant',
        slug: 'Identifiant court',
        name: 'Nom',
        kind: 'Type de collectivité',
        timeZone: 'Fuseau horaire',
        customSettings: 'Réglages personnalisés',
        createdAt: 'Créée le',
        settings: {
          maxDurationDays: "Durée maximale d'un test (jours, prolongation comprise)",
          maxExtensions: 'Nombre maximal de prolongations',
          preExpiryReminderDays:
            'Rappels avant la date de péremption (jours avant, séparés par des virgules)',
          evaluationDueDays: "Délai pour remettre l'évaluation (jours)",
          dueReminderDays: "Rappels avant l'échéance d'évaluation ou de décision (jours avant)",
          codirEscalationDays: "Alerte au CODIR, après l'alerte au portage (jours)",
          decisionDueDays: 'Délai pour décider (jours)',
          defaultCheckInCadenceDays: "Rythme des points d'étape par défaut (jours)",
          missedCheckInsBeforeAlert: "Points d'étape manqués de suite avant alerte",
          reminderHour: 'Heure locale des rappels (0 à 23)',
        },
      },
      sections: {
        identity: 'Organisation',
        settings: 'Réglages du cycle de vie des tests',
      },
      helpers: {
        slug: 'Lettres minuscules, chiffres et tirets. Il ne change plus ensuite.',
        timeZone: 'Les dates et les rappels suivent ce fuseau (Europe/Paris par défaut).',
        settings:
          'Laissez un champ vide pour garder la valeur par défaut. Un changement vaut pour les prochains lancements : les tests en cours gardent les réglages de leur lancement.',
        default: 'Par défaut : %{value}',
        effective: 'Actuellement : %{value}',
      },
      custom: 'personnalisé',
      kinds: {
        commune: 'Commune',
        epci: 'EPCI (intercommunalité)',
        departement: 'Département',
        region: 'Région',
        ccas: 'CCAS',
        carsat: 'CARSAT',
        other: 'Autre',
      },
    },
    tracks: {
      name: 'Piste |||| Pistes',
      fields: {
        name: 'Nom',
        slug: 'Identifiant court',
        description: 'Description',
        organizationId: 'Organisation',
        archived: 'Archivée',
        archivedAt: 'Archivée le',
        q: 'Rechercher',
      },
      helpers: {
        slug: 'Vide : calculé à partir du nom.',
        organizationId: 'Vide : la piste est proposée à toutes les organisations.',
        archived:
          "Une piste archivée n'est plus proposée aux nouveaux tests ; ceux qui l'utilisent la gardent.",
      },
      shared: 'Toutes les organisations',
      archive: 'Archiver la piste',
      unarchive: 'Désarchiver',
      delete: 'Supprimer la piste',
      confirmDelete: 'Supprimer la piste « %{name} » ?',
      confirmDeleteContent:
        'Une piste qui n’a jamais servi peut être supprimée. Une piste utilisée sera archivée à la place.',
      inUse: 'Piste utilisée par des tests',
      archived: 'Archivée',
      active: 'Active',
    },
    users: {
      name: 'Personne |||| Personnes',
      fields: {
        displayName: 'Nom',
        email: 'Adresse électronique',
        password: 'Mot de passe',
        disabled: 'Compte désactivé',
        oidcAllowed: 'Connexion ProConnect autorisée',
        oidcLinked: 'Relié à une identité ProConnect',
        oidcUnlink: "Délier l'identité ProConnect",
        memberships: 'Rôles',
        organizationId: 'Organisation',
        role: 'Rôle',
        createdAt: 'Créé le',
        q: 'Rechercher',
      },
      roles: {
        admin: 'Administration de la plateforme',
        hr: 'RH / transformation',
        pilot: 'Porteur·euse de test',
        sponsor: 'Portage institutionnel',
        codir: 'CODIR',
        member: 'Membre (équipe testeuse)',
      },
      helpers: {
        password: 'Au moins 12 caractères. Vide : la personne se connecte avec ProConnect seulement.',
        passwordEdit:
          'Vide : le mot de passe ne change pas. Un nouveau mot de passe ferme les sessions ouvertes.',
        memberships:
          'Un ou plusieurs rôles par organisation. Changer les rôles ferme les sessions ouvertes de la personne.',
        disabled:
          "Un compte désactivé ne peut plus se connecter ; la personne reste nommée dans l'historique. Les comptes ne sont jamais supprimés.",
        oidcAllowed:
          'À sa première connexion avec ProConnect, le compte est relié à cette identité ProConnect ; ensuite, seule celle-ci y donne accès.',
        oidcLinked:
          'Seule cette identité ProConnect ouvre le compte, même si une autre personne reçoit la même adresse.',
        oidcUnlink:
          "À cocher si l'adresse a été réattribuée ou l'identité changée : la prochaine connexion ProConnect autorisée reliera le compte à nouveau.",
      },
      disable: 'Désactiver le compte',
      enable: 'Réactiver le compte',
      confirmDisable: 'Désactiver le compte de %{name} ?',
      confirmDisableContent:
        "La personne ne pourra plus se connecter et ses sessions sont fermées. Son nom reste dans l'historique des tests ; le compte peut être réactivé.",
      active: 'Actif',
    },
    emails: {
      name: 'Courriel |||| Courriels',
      fields: {
        toAddress: 'Destinataire',
        subject: 'Objet',
        text: 'Message',
        status: 'État',
        createdAt: 'Créé le',
        sentAt: 'Envoyé le',
        organizationId: 'Organisation',
      },
      statuses: {
        outbox: "En attente (pas de serveur d'envoi)",
        sent: 'Envoyé',
      },
      intro:
        "Les courriels de notification. Sans serveur d'envoi (SMTP) configuré, ils restent ici, lisibles par l'administration de la plateforme.",
    },
    'shared-learnings': {
      name: 'Enseignement partagé |||| Enseignements partagés',
      fields: {
        q: 'Rechercher',
        title: 'Test',
        organizationName: 'Organisation',
        trackId: 'Piste',
        trackName: 'Piste',
        verdict: 'Verdict',
        learnings: 'Enseignements',
        outcome: 'Décision',
        sharedAt: 'Partagé le',
      },
    },
    testimonies: {
      name: 'Témoignage |||| Témoignages',
      fields: {
        quote: 'Verbatim',
        speaker: 'Qui parle',
        speakerRole: 'Sa fonction ou son rôle dans le test',
        source: 'Recueilli lors de',
        collectedAt: 'Recueilli le',
        shareable: 'Peut être partagé au-delà de l’organisation',
        authorId: 'Ajouté par',
      },
      sources: {
        interview: 'Entretien',
        questionnaire: 'Questionnaire',
        workshop: 'Atelier',
        observation: 'Observation',
        other: 'Autre',
      },
      helpers: {
        quote: 'Les mots de la personne, tels quels.',
        speaker: 'Vide : le témoignage reste anonyme.',
        shareable: 'Seulement si la personne a donné son accord.',
      },
    },
    notifications: {
      name: 'Notification |||| Notifications',
      fields: { read: 'Lue', subject: 'Objet', createdAt: 'Reçue le', body: 'Message' },
    },
    'check-ins': {
      name: "Point d'étape |||| Points d'étape",
      fields: {
        weather: 'Météo',
        progress: 'Avancement',
        blockers: 'Points de blocage',
        recordedAt: 'Le',
        authorId: 'Par',
      },
    },
    'audit-events': {
      name: 'Événement |||| Événements',
      fields: { event: 'Événement', occurredAt: 'Le', actorId: 'Par', reason: 'Raison' },
    },
  },
};

/** The shape every locale fills (see en.ts); capabilities add theirs below. */
export type CapacitesBaseMessages = typeof frBaseMessages;

export const frCapacitesMessages = mergeMessages(frBaseMessages, launchApprovalMessages.fr);

export type CapacitesMessages = typeof frCapacitesMessages;

export const frMessages: TranslationMessages = {
  ...frenchMessages,
  ...frCapacitesMessages,
};
