// Committee sessions and share links (issue 15): their messages, spread into fr.ts and en.ts in
// one block each. French first; English mirrors its shape.

export const committeeResourcesFr = {
  'committee-sessions': {
    name: 'Séance du CODIR |||| Séances du CODIR',
    fields: {
      title: 'Intitulé',
      heldOn: 'Date de la séance',
      status: 'État',
      organizationId: 'Organisation',
      items: "Points à l'ordre du jour",
    },
    statuses: { planned: 'Prévue', recorded: 'Relevé enregistré' },
  },
  'share-links': {
    name: 'Lien de consultation |||| Liens de consultation',
    fields: {
      recipient: 'Destinataire',
      kind: 'Contenu partagé',
      status: 'État',
      expiresAt: "Valable jusqu'au",
      openCount: 'Consultations',
      lastOpenedAt: 'Dernière consultation',
      createdAt: 'Créé le',
      organizationId: 'Organisation',
      expiresInDays: 'Durée de validité (jours)',
    },
    kinds: { committeePack: 'Dossier de séance', dashboard: 'Tableau de bord' },
    statuses: { active: 'Actif', expired: 'Expiré', revoked: 'Révoqué' },
  },
};

export const committeeAppFr = {
  menu: { sessions: 'Séances du CODIR', shareLinks: 'Liens de consultation' },
  kinds: {
    decision: 'Décision à prendre',
    evaluationOverdue: 'Évaluation en retard',
    extensionRequest: 'Demande de prolongation',
    expiringSoon: 'Arrive à péremption avant la prochaine séance',
  },
  actions: {
    decide: 'Décider',
    approveExtension: 'Accorder la prolongation',
    refuseExtension: 'Refuser la prolongation',
    noted: 'Prendre acte',
    none: 'Ne rien enregistrer (le point reste ouvert)',
  },
  outcomes: {
    open: 'Reste ouvert',
    applied: 'Appliqué',
    refused: 'Refusé : reste ouvert',
    noted: 'Pris acte',
  },
  agenda: {
    title: "Ordre du jour",
    empty: "Aucun point à l'ordre du jour.",
    test: 'Test',
    reason: 'Motif',
    note: 'Note pour le comité',
    noteOf: 'Note pour le comité : %{title}',
    remove: 'Retirer « %{title} » de l’ordre du jour',
    save: "Enregistrer l'ordre du jour",
    saved: "Ordre du jour enregistré",
  },
  pack: {
    download: 'Télécharger le dossier de séance (PDF)',
    share: 'Partager le dossier de séance',
  },
  minutes: {
    title: 'Relevé de décisions',
    attendees: 'Présent·es (une personne par ligne : « Nom (fonction) »)',
    action: 'Décision du comité : %{title}',
    outcome: 'Issue',
    rationale: 'Justification',
    pilotWithdrawal: 'Passation : quand le porteur se retire',
    takeover: 'Passation : qui reprend',
    nextFocus: 'Prochaine itération : ce qu’elle teste',
    comment: 'Commentaire',
    record: 'Enregistrer le relevé et appliquer les décisions',
    recorded: 'Relevé enregistré : %{applied} décision(s) appliquée(s), %{refused} refusée(s).',
    download: 'Télécharger le relevé de décisions (PDF)',
    onlyCodir: 'Le relevé est enregistré par un membre du CODIR : chaque décision est la sienne.',
    present: 'Présent·es',
    refusedBecause: 'Refusé : %{reason}',
  },
  share: {
    create: 'Créer le lien',
    dashboard: 'Partager le tableau de bord',
    created: 'Lien créé. Copiez-le maintenant : il ne sera plus affiché.',
    url: 'Adresse du lien (à copier)',
    revoke: 'Révoquer',
    revokeConfirm: 'Révoquer le lien de « %{recipient} » ? Il ne donnera plus accès au document.',
    revoked: 'Lien révoqué',
    close: 'Fermer',
    help: "Lien en lecture seule, sans compte, valable 30 jours par défaut. Il ne montre que les noms des porteur·euses et du portage institutionnel. Chaque consultation est enregistrée.",
  },
};
