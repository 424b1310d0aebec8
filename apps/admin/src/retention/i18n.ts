// The messages of retention and erasure (issue 17, item 3), merged into the catalogues
// (i18n/fr.ts, i18n/en.ts). French first.

const fr = {
  app: {
    errors: {
      ERASURE_ACCOUNT_ACTIVE: 'Désactivez d’abord le compte : seul un compte désactivé peut être effacé.',
      ERASURE_CONFIRMATION_MISMATCH: 'Pour effacer le compte, saisissez à nouveau son adresse électronique exacte.',
      ACCOUNT_ERASED: 'Ce compte a été effacé : il ne peut plus être modifié ni réactivé.',
    },
    refusals: {
      actions: {
        manageRetention: 'gérer la conservation des données',
        eraseAccount: 'effacer un compte',
      },
    },
    menu: { retention: 'Conservation des données' },
    // The test's timeline: its one retention record.
    events: { retention: { pseudonymised: 'Données personnelles pseudonymisées (durée de conservation échue)' } },
    retention: {
      title: 'Conservation des données',
      intro:
        'Après la clôture d’un test (décision prise ou test annulé) et la durée de conservation de l’organisation, un traitement quotidien pseudonymise ses données personnelles : les personnes deviennent « Participant 1, 2… », les textes libres écrits par des personnes sont supprimés ; la décision, ses dates, les résultats des critères et les comptages restent. Ci-dessous, ce que le prochain passage ferait (simulation : rien n’est modifié).',
      organization: 'Organisation',
      settings: {
        title: 'Durée de conservation',
        default: 'Durée par défaut : %{days} jours après la clôture d’un test (référentiel de la CNIL sur la gestion du personnel).',
        custom: 'Durée de l’organisation : %{days} jours après la clôture d’un test (par défaut : %{defaultDays} jours).',
        days: 'Nouvelle durée (jours)',
        bounds: 'Entre %{min} et %{max} jours',
        save: 'Enregistrer la durée de conservation',
        reset: 'Revenir à la durée par défaut',
        saved: 'Durée de conservation enregistrée.',
      },
      due: {
        title: 'Prochain passage (simulation)',
        none: 'Aucun test n’a dépassé sa durée de conservation.',
        summary:
          '1 test a dépassé sa durée de conservation : |||| %{smart_count} tests ont dépassé leur durée de conservation :',
      },
      columns: { test: 'Test', closedAt: 'Clos le', dueAt: 'Échéance', counts: 'Ce qui sera pseudonymisé' },
      upcoming: {
        title: 'Prochaines échéances',
        item: '%{title} : le %{date}',
        none: 'Aucun test clos en attente.',
      },
      runs: {
        title: 'Derniers passages',
        item: 'Le %{date} : %{counts} ; historiques Temporal supprimés : %{histories}',
        none: 'Aucun test pseudonymisé pour l’instant.',
      },
      counts: {
        nothing: 'rien à modifier',
        people: '1 personne |||| %{smart_count} personnes',
        checkIns: '1 point d’étape |||| %{smart_count} points d’étape',
        testimonies: '1 témoignage |||| %{smart_count} témoignages',
        decisions: '1 motivation de décision |||| %{smart_count} motivations de décision',
        consentNotes: '1 note de consentement |||| %{smart_count} notes de consentement',
        questionnaireAnswers: '1 réponse libre |||| %{smart_count} réponses libres',
        notifications: '1 notification |||| %{smart_count} notifications',
        emails: '1 courriel |||| %{smart_count} courriels',
        auditRows: '1 ligne du journal expurgée |||| %{smart_count} lignes du journal expurgées',
      },
      erasure: {
        button: 'Effacer le compte',
        title: 'Effacer le compte de %{name} ?',
        explain:
          'Le nom et l’adresse sont remplacés, la connexion devient impossible, les textes libres écrits par cette personne sont supprimés ; ses actes restent comptés sous un identifiant pseudonyme. C’est irréversible.',
        countsLabel: 'Ce qui sera effacé',
        confirmEmail: 'Pour confirmer, saisissez l’adresse du compte (%{email})',
        confirm: 'Effacer définitivement',
        done: 'Compte effacé.',
        counts: {
          sessions: '1 session |||| %{smart_count} sessions',
          recoveryCodes: '1 code de secours |||| %{smart_count} codes de secours',
          memberships: '1 rattachement |||| %{smart_count} rattachements',
          notifications: '1 notification |||| %{smart_count} notifications',
          calendarSubscriptions: '1 abonnement d’agenda |||| %{smart_count} abonnements d’agenda',
          checkIns: '1 point d’étape |||| %{smart_count} points d’étape',
          testimonies: '1 témoignage |||| %{smart_count} témoignages',
          decisions: '1 motivation de décision |||| %{smart_count} motivations de décision',
          questionnaireAnswers: '1 réponse libre |||| %{smart_count} réponses libres',
          auditRows: '1 ligne du journal expurgée |||| %{smart_count} lignes du journal expurgées',
        },
      },
    },
  },
};

const en: typeof fr = {
  app: {
    errors: {
      ERASURE_ACCOUNT_ACTIVE: 'Disable the account first: only a disabled account can be erased.',
      ERASURE_CONFIRMATION_MISMATCH: 'To erase the account, type its exact email address again.',
      ACCOUNT_ERASED: 'This account was erased: it can no longer be changed nor enabled.',
    },
    refusals: {
      actions: {
        manageRetention: 'manage data retention',
        eraseAccount: 'erase an account',
      },
    },
    menu: { retention: 'Data retention' },
    events: { retention: { pseudonymised: 'Personal data pseudonymised (retention period over)' } },
    retention: {
      title: 'Data retention',
      intro:
        'Once a test has closed (decided or cancelled) and the organisation’s retention period has passed, a daily run pseudonymises its personal data: people become “Participant 1, 2…”, free texts written by people are removed; the decision, its dates, the criteria results and the counts stay. Below, what the next run would do (dry run: nothing is changed).',
      organization: 'Organisation',
      settings: {
        title: 'Retention period',
        default: 'Default period: %{days} days after a test closes (the CNIL’s référentiel on HR management).',
        custom: 'The organisation’s period: %{days} days after a test closes (default: %{defaultDays} days).',
        days: 'New period (days)',
        bounds: 'Between %{min} and %{max} days',
        save: 'Save the retention period',
        reset: 'Back to the default period',
        saved: 'Retention period saved.',
      },
      due: {
        title: 'Next run (dry run)',
        none: 'No test is past its retention period.',
        summary: '1 test is past its retention period: |||| %{smart_count} tests are past their retention period:',
      },
      columns: { test: 'Test', closedAt: 'Closed on', dueAt: 'Due on', counts: 'What will be pseudonymised' },
      upcoming: {
        title: 'Next due',
        item: '%{title}: on %{date}',
        none: 'No closed test waiting.',
      },
      runs: {
        title: 'Last runs',
        item: 'On %{date}: %{counts}; Temporal histories deleted: %{histories}',
        none: 'No test pseudonymised yet.',
      },
      counts: {
        nothing: 'nothing to change',
        people: '1 person |||| %{smart_count} people',
        checkIns: '1 check-in |||| %{smart_count} check-ins',
        testimonies: '1 testimony |||| %{smart_count} testimonies',
        decisions: '1 decision rationale |||| %{smart_count} decision rationales',
        consentNotes: '1 consent note |||| %{smart_count} consent notes',
        questionnaireAnswers: '1 free answer |||| %{smart_count} free answers',
        notifications: '1 notification |||| %{smart_count} notifications',
        emails: '1 email |||| %{smart_count} emails',
        auditRows: '1 audit row redacted |||| %{smart_count} audit rows redacted',
      },
      erasure: {
        button: 'Erase the account',
        title: 'Erase the account of %{name}?',
        explain:
          'The name and address are replaced, logging in becomes impossible, the free texts this person wrote are removed; their acts still count under a pseudonymous id. This cannot be undone.',
        countsLabel: 'What will be erased',
        confirmEmail: 'To confirm, type the account’s address (%{email})',
        confirm: 'Erase for good',
        done: 'Account erased.',
        counts: {
          sessions: '1 session |||| %{smart_count} sessions',
          recoveryCodes: '1 recovery code |||| %{smart_count} recovery codes',
          memberships: '1 membership |||| %{smart_count} memberships',
          notifications: '1 notification |||| %{smart_count} notifications',
          calendarSubscriptions: '1 calendar feed |||| %{smart_count} calendar feeds',
          checkIns: '1 check-in |||| %{smart_count} check-ins',
          testimonies: '1 testimony |||| %{smart_count} testimonies',
          decisions: '1 decision rationale |||| %{smart_count} decision rationales',
          questionnaireAnswers: '1 free answer |||| %{smart_count} free answers',
          auditRows: '1 audit row redacted |||| %{smart_count} audit rows redacted',
        },
      },
    },
  },
};

export const retentionMessages = { fr, en };
