// The messages of launch approval (four-eyes) and of orphaned tests' reassignment, merged
// into the catalogues (i18n/fr.ts, i18n/en.ts). French first.

const fr = {
  app: {
    errors: {
      LAUNCH_APPROVAL_REQUIRED:
        'Dans votre organisation, un lancement se demande : le portage institutionnel ou le CODIR le valide. Utilisez « Demander le lancement ».',
      LAUNCH_APPROVAL_NOT_REQUIRED:
        'Votre organisation lance ses tests sans validation préalable : lancez-le directement.',
      LAUNCH_REQUEST_PENDING:
        'Une demande de lancement attend sa validation : retirez-la pour modifier le cadrage ou lancer autrement.',
      NO_LAUNCH_REQUEST: "Aucune demande de lancement n'attend de validation.",
      LAUNCH_APPROVER_IS_REQUESTER:
        'La personne qui a demandé le lancement ne peut pas le valider ni le refuser : une autre personne doit le faire (principe des quatre yeux).',
      LAUNCH_APPROVER_IS_PILOT: 'Un·e porteur·euse du test ne peut pas en valider le lancement.',
      LAUNCH_REFUSAL_REASON_REQUIRED:
        'Un refus de lancement doit être motivé, pour la personne qui l’a demandé.',
      REASSIGNMENT_NOT_ALLOWED:
        'On réassigne les porteur·euses et le portage d’un test en cours, en évaluation ou en décision ; celui-ci est « %{state} ».',
      REASSIGNMENT_UNCHANGED: 'Ce sont déjà les porteur·euses et le portage institutionnel du test.',
      REASSIGNMENT_PEOPLE_REQUIRED:
        'Un test en cours garde au moins un·e porteur·euse et un portage institutionnel.',
      PERSON_DISABLED:
        '%{field} : le compte de cette personne est désactivé ; choisissez une personne active de l’organisation.',
    },
    refusals: {
      actions: {
        requestLaunch: 'demander le lancement',
        approveLaunch: 'valider le lancement',
        refuseLaunch: 'refuser le lancement',
        withdrawLaunchRequest: 'retirer la demande de lancement',
        reassignPeople: 'réassigner les porteur·euses et le portage',
      },
    },
    events: {
      launchRequested: 'Lancement demandé, en attente de validation',
      launchRefused: 'Lancement refusé',
      launchRequestWithdrawn: 'Demande de lancement retirée',
      peopleReassigned: 'Porteur·euses ou portage réassignés',
      personDeparted: 'Porteur·euse ou portage parti·e : RH prévenues',
    },
    actions: {
      requestLaunch: {
        label: 'Demander le lancement',
        help: 'Votre organisation fait valider chaque lancement : le portage institutionnel ou un membre du CODIR le valide ou le refuse. Jusque-là le test reste en brouillon et son cadrage ne change plus. La liste de vérification est revue au moment de la validation.',
      },
      approveLaunch: {
        label: 'Valider le lancement',
        help: "Le test démarre maintenant, avec le cadrage affiché, et s'arrêtera à sa date de péremption. La liste de vérification est revue à cet instant. La personne qui a demandé le lancement est prévenue.",
      },
      refuseLaunch: {
        label: 'Refuser le lancement',
        help: 'Le test reste en brouillon. Dites pourquoi : la personne qui a demandé le lancement et les porteur·euses reçoivent votre motif.',
      },
      withdrawLaunchRequest: {
        label: 'Retirer la demande',
        help: "La demande n'attend plus de validation et le cadrage redevient modifiable. Les personnes qui devaient valider sont prévenues.",
      },
      reassignPeople: {
        label: 'Réassigner',
        help: 'Désignez qui porte le test et qui le soutient désormais (une personne ne peut pas être les deux). Les nouvelles personnes sont prévenues et reçoivent dès maintenant les rappels, demandes et échéances du test.',
      },
    },
    notices: {
      events: {
        launchApprovalRequested: 'Demande de validation du lancement',
        launchApprovalReminder: 'Rappel : lancement à valider',
        launchApproved: 'Annonce de la validation à la personne qui l’a demandée',
        launchRefused: 'Annonce du refus de lancement',
        launchRequestWithdrawn: 'Annonce du retrait de la demande',
        experimentOrphaned: 'Alerte aux RH : test sans porteur·euse ou portage actif',
        peopleAssigned: 'Annonce aux personnes désignées',
        peopleUnassigned: 'Annonce aux personnes déchargées',
      },
    },
    tasks: { kinds: { 'launch-approval': 'Lancement à valider', reassignment: 'À réassigner' } },
    dashboard: {
      awaitingLaunchApproval: 'Lancements à valider',
      orphaned: 'Tests sans porteur·euse ou portage actif',
    },
    launchApproval: {
      waiting: 'Lancement demandé, en attente de validation',
      requestedOn: 'Demandé le %{date} par',
      explain:
        'Le portage institutionnel ou un membre du CODIR le valide ou le refuse ; la personne qui l’a demandé ne le peut pas. Le cadrage est figé jusque-là.',
      daysWaiting: "Demandé aujourd'hui |||| En attente depuis %{smart_count} jours",
      more: '… et %{smart_count} autre |||| … et %{smart_count} autres',
      stateChip: 'En attente de validation',
    },
    orphans: {
      title: 'Ce test n’a plus toutes ses personnes',
      kind: {
        disabled: '%{name} (%{roles}) : compte désactivé',
        left: "%{name} (%{roles}) : a quitté l'organisation",
      },
      roles: { pilot: 'porteur·euse', sponsor: 'portage institutionnel' },
      explain:
        'Le test continue : les RH désignent qui reprend avec « Réassigner », pour que rappels, demandes et décisions arrivent à quelqu’un.',
      seeAll: 'Voir le test dans la liste |||| Voir les %{smart_count} tests dans la liste',
    },
  },
  resources: {
    experiments: {
      filters: {
        awaitingLaunchApproval: 'Lancement à valider',
        orphaned: 'Sans porteur·euse ou portage actif',
      },
    },
    organizations: {
      fields: {
        settings: {
          launchApproval: 'Lancement validé par le portage ou le CODIR (principe des quatre yeux)',
          launchApprovalReminderDays:
            'Rappels à qui doit valider un lancement (jours après la demande, séparés par des virgules)',
        },
      },
    },
  },
};

const en: typeof fr = {
  app: {
    errors: {
      LAUNCH_APPROVAL_REQUIRED:
        "Your organisation's launches are approved by the sponsor or the CODIR: use “Request the launch”.",
      LAUNCH_APPROVAL_NOT_REQUIRED:
        'Your organisation launches its tests without an approval: launch it directly.',
      LAUNCH_REQUEST_PENDING:
        'A launch request is waiting for its approval: withdraw it to change the framing or launch otherwise.',
      NO_LAUNCH_REQUEST: 'No launch request is waiting for an approval.',
      LAUNCH_APPROVER_IS_REQUESTER:
        'Whoever requested the launch cannot approve or refuse it: another person must (four-eyes rule).',
      LAUNCH_APPROVER_IS_PILOT: 'A pilot of the test cannot approve its launch.',
      LAUNCH_REFUSAL_REASON_REQUIRED: 'A refused launch needs a reason, for whoever requested it.',
      REASSIGNMENT_NOT_ALLOWED:
        'Pilots and sponsor are reassigned while a test runs, is evaluated or decided; this one is “%{state}”.',
      REASSIGNMENT_UNCHANGED: 'These are already the pilots and the sponsor of the test.',
      REASSIGNMENT_PEOPLE_REQUIRED: 'A test under way keeps at least one pilot and a sponsor.',
      PERSON_DISABLED:
        "%{field}: this person's account is disabled; choose someone active in the organisation.",
    },
    refusals: {
      actions: {
        requestLaunch: 'request the launch',
        approveLaunch: 'approve the launch',
        refuseLaunch: 'refuse the launch',
        withdrawLaunchRequest: 'withdraw the launch request',
        reassignPeople: 'reassign the pilots and the sponsor',
      },
    },
    events: {
      launchRequested: 'Launch requested, waiting for approval',
      launchRefused: 'Launch refused',
      launchRequestWithdrawn: 'Launch request withdrawn',
      peopleReassigned: 'Pilots or sponsor reassigned',
      personDeparted: 'Pilot or sponsor gone: HR told',
    },
    actions: {
      requestLaunch: {
        label: 'Request the launch',
        help: 'Your organisation approves every launch: the sponsor or a CODIR member approves or refuses it. Until then the test stays a draft and its framing no longer changes. The readiness checklist is checked again at approval.',
      },
      approveLaunch: {
        label: 'Approve the launch',
        help: 'The test starts now, with the framing shown, and stops at its expiry date. The readiness checklist is checked again now. Whoever requested the launch is told.',
      },
      refuseLaunch: {
        label: 'Refuse the launch',
        help: 'The test stays a draft. Say why: whoever requested the launch and the pilots receive your reason.',
      },
      withdrawLaunchRequest: {
        label: 'Withdraw the request',
        help: 'The request no longer waits for an approval and the framing can change again. The approvers are told.',
      },
      reassignPeople: {
        label: 'Reassign',
        help: 'Name who pilots the test and who sponsors it from now on (one person cannot be both). The new people are told and receive the test’s reminders, requests and deadlines from now on.',
      },
    },
    notices: {
      events: {
        launchApprovalRequested: 'Launch approval requested',
        launchApprovalReminder: 'Reminder: launch to approve',
        launchApproved: 'Approval announced to the requester',
        launchRefused: 'Launch refusal announced',
        launchRequestWithdrawn: 'Withdrawn request announced',
        experimentOrphaned: 'Alert to HR: test without an active pilot or sponsor',
        peopleAssigned: 'Announced to the people named',
        peopleUnassigned: 'Announced to the people relieved',
      },
    },
    tasks: { kinds: { 'launch-approval': 'Launch to approve', reassignment: 'To reassign' } },
    dashboard: {
      awaitingLaunchApproval: 'Launches to approve',
      orphaned: 'Tests without an active pilot or sponsor',
    },
    launchApproval: {
      waiting: 'Launch requested, waiting for approval',
      requestedOn: 'Requested on %{date} by',
      explain:
        'The sponsor or a CODIR member approves or refuses it; whoever requested it cannot. The framing is frozen until then.',
      daysWaiting: 'Requested today |||| Waiting for %{smart_count} days',
      more: '… and %{smart_count} more |||| … and %{smart_count} more',
      stateChip: 'Waiting for approval',
    },
    orphans: {
      title: 'This test has lost some of its people',
      kind: {
        disabled: '%{name} (%{roles}): account disabled',
        left: '%{name} (%{roles}): left the organisation',
      },
      roles: { pilot: 'pilot', sponsor: 'sponsor' },
      explain:
        'The test goes on: HR names who takes over with “Reassign”, so that reminders, requests and decisions reach someone.',
      seeAll: 'See the test in the list |||| See the %{smart_count} tests in the list',
    },
  },
  resources: {
    experiments: {
      filters: {
        awaitingLaunchApproval: 'Launch to approve',
        orphaned: 'Without an active pilot or sponsor',
      },
    },
    organizations: {
      fields: {
        settings: {
          launchApproval: 'Launches approved by the sponsor or the CODIR (four-eyes rule)',
          launchApprovalReminderDays: 'Reminders to the approvers (days after the request, comma separated)',
        },
      },
    },
  },
};

export const launchApprovalMessages = { fr, en };
