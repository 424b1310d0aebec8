// The right of access (RGPD article 15): everything Capacités holds about one person, as a
// machine-readable JSON document and as readable PDF and HTML renderings of the same content.
// The shape is declared here once, for the API that writes it and the back-office that offers it.

/** The formats of the export: JSON (complete, machine-readable), PDF and accessible HTML. */
export const PERSONAL_DATA_FORMATS = ['json', 'pdf', 'html'] as const;
export type PersonalDataFormat = (typeof PERSONAL_DATA_FORMATS)[number];

export const PERSONAL_DATA_MEDIA_TYPES: Record<PersonalDataFormat, string> = {
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

/** The categories of the export, in the order of the document and of its table of contents. */
export const PERSONAL_DATA_SECTIONS = [
  'profile',
  'memberships',
  'experiments',
  'consents',
  'checkIns',
  'evaluations',
  'decisions',
  'criteriaAmendments',
  'testimonies',
  'questionnaireResponses',
  'questionnaires',
  'notifications',
  'emails',
  'calendarSubscriptions',
  'committeeSessions',
  'committeeDocuments',
  'shareLinks',
  'templates',
  'templateRequirements',
  'webhookEndpoints',
  'webhookMessages',
  'serviceAccounts',
  'imports',
  'sessions',
  'recoveryCodes',
  'pendingLogins',
  'loginAttempts',
  'auditEvents',
] as const;
export type PersonalDataSection = (typeof PERSONAL_DATA_SECTIONS)[number];

/** French headings of the readable renderings (and of the back-office's summary). */
export const PERSONAL_DATA_SECTION_TITLES_FR: Record<PersonalDataSection, string> = {
  profile: 'Profil',
  memberships: 'Organisations et rôles',
  experiments: 'Tests où vous avez un rôle',
  consents: 'Accords de participation',
  checkIns: "Points d'étape que vous avez rédigés",
  evaluations: 'Évaluations que vous avez remises ou partagées',
  decisions: 'Décisions que vous avez prises',
  criteriaAmendments: 'Modifications de critères que vous avez faites',
  testimonies: 'Témoignages',
  questionnaireResponses: 'Vos réponses aux questionnaires',
  questionnaires: 'Questionnaires que vous avez créés',
  notifications: 'Notifications reçues',
  emails: 'Courriels envoyés à votre adresse',
  calendarSubscriptions: 'Abonnement à votre calendrier',
  committeeSessions: 'Séances du CODIR',
  committeeDocuments: 'Documents de séance',
  shareLinks: 'Liens de consultation',
  templates: 'Modèles de test créés',
  templateRequirements: 'Règles « modèle obligatoire » créées',
  webhookEndpoints: "Points d'intégration (webhooks) créés",
  webhookMessages: 'Événements transmis aux intégrations qui vous nomment',
  serviceAccounts: 'Comptes de service créés ou révoqués',
  imports: 'Imports de tests',
  sessions: 'Sessions de connexion',
  recoveryCodes: 'Codes de secours de la double authentification',
  pendingLogins: 'Connexions en attente du second facteur',
  loginAttempts: 'Tentatives de connexion comptées',
  auditEvents: "Journal d'audit : actes vous concernant",
};

/** English headings, for the back-office's English locale. */
export const PERSONAL_DATA_SECTION_TITLES_EN: Record<PersonalDataSection, string> = {
  profile: 'Profile',
  memberships: 'Organisations and roles',
  experiments: 'Tests where you have a role',
  consents: 'Consents to take part',
  checkIns: 'Check-ins you wrote',
  evaluations: 'Evaluations you submitted or shared',
  decisions: 'Decisions you took',
  criteriaAmendments: 'Criteria amendments you made',
  testimonies: 'Testimonies',
  questionnaireResponses: 'Your questionnaire answers',
  questionnaires: 'Questionnaires you created',
  notifications: 'Notifications received',
  emails: 'Emails sent to your address',
  calendarSubscriptions: 'Calendar subscription',
  committeeSessions: 'Committee sessions',
  committeeDocuments: 'Committee documents',
  shareLinks: 'Read-only links',
  templates: 'Test templates created',
  templateRequirements: '“Template required” rules created',
  webhookEndpoints: 'Integration endpoints (webhooks) created',
  webhookMessages: 'Events sent to integrations that name you',
  serviceAccounts: 'Service accounts created or revoked',
  imports: 'Test imports',
  sessions: 'Login sessions',
  recoveryCodes: 'Second-factor recovery codes',
  pendingLogins: 'Logins awaiting the second factor',
  loginAttempts: 'Counted login attempts',
  auditEvents: 'Audit trail: acts about you',
};

/** One record of a section: plain JSON values (instants as ISO 8601 strings in UTC). */
export type PersonalDataRecord = Record<string, unknown>;

/** Who the export is about, and who produced it. */
export interface PersonalDataSubject {
  id: string;
  email: string;
  displayName: string;
}

/**
 * The JSON document (`format=json`). Every section is present, empty when nothing is held;
 * `counts` repeats the number of records of each, so that a reader sees nothing was cut.
 */
export interface PersonalDataExport {
  kind: 'capacites.personal-data-export';
  version: 1;
  generatedAt: string;
  /** The time zone the readable renderings use (the person's organisation's). */
  timeZone: string;
  subject: PersonalDataSubject;
  /** `self`: the person's own download; `administrator`: produced for a request by mail. */
  requestedBy: { id: string; displayName: string; kind: 'self' | 'administrator' };
  /** What the export never contains, in words (secrets, hashes, tokens, anonymous answers). */
  excluded: string[];
  sections: Record<PersonalDataSection, PersonalDataRecord[]>;
  counts: Record<PersonalDataSection, number>;
}

/** What the export leaves out on purpose, said in every rendering. */
export const PERSONAL_DATA_EXCLUSIONS_FR: readonly string[] = [
  'Les secrets et empreintes de connexion : mot de passe (empreinte argon2), clé de double authentification, codes de secours, jetons de session, de calendrier, de liens et de comptes de service, jeton d’identité ProConnect.',
  'Les réponses anonymes du public aux questionnaires, qui ne sont liées à personne.',
  'Les données d’autres personnes, sauf leur nom lorsqu’un enregistrement vous concernant les mentionne (porteur·euses, portage d’un test).',
];

/** The download's file name: `capacites-donnees-personnelles-<day>.<format>`. */
export function personalDataFileName(format: PersonalDataFormat, day: string): string {
  return `capacites-donnees-personnelles-${day}.${format}`;
}

/** French labels of the records' fields, for the readable renderings (unknown ones shown as is). */
export const PERSONAL_DATA_FIELD_LABELS_FR: Record<string, string> = {
  id: 'Identifiant',
  email: 'Adresse électronique',
  displayName: 'Nom affiché',
  createdAt: 'Créé le',
  updatedAt: 'Modifié le',
  disabledAt: 'Compte désactivé le',
  oidcAllowed: 'Connexion ProConnect autorisée',
  oidcIssuer: 'Fournisseur d’identité lié',
  oidcSubject: 'Identifiant chez le fournisseur',
  oidcLinkedAt: 'Identité liée le',
  totpEnabledAt: 'Double authentification activée le',
  digestOptedOutAt: 'Lettre du portefeuille refusée le',
  organization: 'Organisation',
  organizationId: 'Identifiant de l’organisation',
  timeZone: 'Fuseau horaire',
  role: 'Rôle',
  roles: 'Vos rôles',
  experimentId: 'Identifiant du test',
  experiment: 'Test',
  title: 'Titre',
  state: 'État',
  track: 'Piste',
  hypothesis: 'Hypothèse',
  vision: 'Vision',
  scope: 'Périmètre',
  criteria: 'Critères',
  exitPlan: 'Plan de sortie',
  expiresAt: 'Date de péremption',
  launchedAt: 'Lancé le',
  stoppedAt: 'Arrêté le',
  iteration: 'Itération',
  pilots: 'Porteur·euses',
  sponsor: 'Portage institutionnel',
  consentedAt: 'Accord donné le',
  withdrawnAt: 'Accord retiré le',
  noticeVersion: 'Version de la notice d’information',
  onBehalf: 'Accord saisi pour vous',
  method: 'Méthode',
  target: 'Cible',
  coBuiltWithUsers: 'Co-construit avec les usagers',
  result: 'Résultat',
  met: 'Atteint',
  criterionId: 'Critère',
  sources: 'Sources',
  count: 'Nombre',
  noneReason: 'Pourquoi aucune',
  pilotWithdrawal: 'Retrait du porteur',
  takeover: 'Reprise par',
  label: 'Intitulé',
  required: 'Obligatoire',
  anonymous: 'Anonyme',
  recordedBy: 'Saisi par',
  collectedOn: 'Recueilli le',
  note: 'Note',
  weather: 'Météo',
  progress: 'Avancement',
  blockers: 'Blocages',
  recordedAt: 'Enregistré le',
  verdict: 'Verdict',
  criterionResults: 'Résultats par critère',
  usersVoice: 'Voix des usagers',
  learnings: 'Enseignements',
  submittedAt: 'Remise le',
  learningsSharedAt: 'Enseignements partagés le',
  outcome: 'Décision',
  rationale: 'Justification',
  handover: 'Passation',
  nextFocus: 'Prochaine itération',
  decidedAt: 'Décidé le',
  reason: 'Motif',
  amendedAt: 'Modifié le',
  quote: 'Citation',
  speaker: 'Personne citée',
  speakerRole: 'Fonction',
  source: 'Source',
  collectedAt: 'Recueilli le',
  shareable: 'Partageable',
  questionnaire: 'Questionnaire',
  questions: 'Questions',
  answers: 'Réponses',
  audience: 'Public',
  status: 'Statut',
  event: 'Événement',
  subject: 'Objet',
  body: 'Texte',
  text: 'Texte',
  link: 'Lien',
  readAt: 'Lu le',
  toAddress: 'Destinataire',
  sentAt: 'Envoyé le',
  lastUsedAt: 'Dernière utilisation',
  heldOn: 'Date de la séance',
  attendees: 'Présent·es',
  kind: 'Type',
  sha256: 'Empreinte SHA-256',
  recipient: 'Destinataire',
  revokedAt: 'Révoqué le',
  openCount: 'Ouvertures',
  name: 'Nom',
  description: 'Description',
  archivedAt: 'Archivé le',
  events: 'Événements',
  host: 'Adresse (hôte)',
  type: 'Type',
  payload: 'Contenu transmis',
  tokenPrefix: 'Début du jeton',
  fileName: 'Fichier',
  totalRows: 'Lignes',
  createdCount: 'Tests créés',
  lastSeenAt: 'Dernière activité',
  viaProConnect: 'Ouverte par ProConnect',
  usedAt: 'Utilisé le',
  attempts: 'Tentatives',
  windowStart: 'Début de la fenêtre',
  occurredAt: 'Date',
  fromState: 'État de départ',
  toState: "État d'arrivée",
  details: 'Détails',
  relation: 'Lien avec vous',
  actor: 'Auteur·e de l’acte',
};

/** French words for the ways a consent was collected outside the application. */
export const CONSENT_METHOD_LABELS_FR: Record<string, string> = {
  paper: 'sur papier',
  email: 'par courriel',
  meeting: 'en réunion',
};

/** French words for the roles and relations the export names. */
export const PERSONAL_DATA_VALUE_LABELS_FR: Record<string, string> = {
  pilot: 'porteur·euse',
  sponsor: 'portage institutionnel',
  participant: 'participant·e',
  creator: 'créateur·rice',
  approver: 'validation du lancement',
  launchRequester: 'demande de lancement',
  hr: 'RH',
  codir: 'CODIR',
  member: 'membre',
  admin: 'administration de la plateforme',
  author: 'auteur·e',
  speaker: 'personne citée',
  submitter: 'a remis l’évaluation',
  sharer: 'a partagé les enseignements',
  amender: 'a modifié les critères',
  recorder: 'a enregistré le relevé',
  attendee: 'présent·e',
  revoker: 'a révoqué',
  recipient: 'destinataire',
  named: 'nommé·e dans les détails',
};
