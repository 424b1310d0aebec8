/**
 * Texts of the right of access (issue 17, item 2), merged into the catalogues under
 * `app.personalData`, with the name of the refused action. One block per language.
 */
export const personalDataMessages = {
  fr: {
    app: {
      personalData: {
        title: 'Mes données personnelles',
        intro:
          'Téléchargez tout ce que Capacités conserve sur vous (droit d’accès, article 15 du RGPD) : profil, organisations et rôles, tests où vous avez un rôle et leur cadrage, points d’étape, évaluations et décisions rédigées, témoignages, accords de participation et version de la notice, réponses aux questionnaires qui vous sont liées, notifications et courriels reçus, connexions, et le journal des actes vous concernant. Jamais de mot de passe, de clé ni de jeton.',
        contents: 'Ce que contient l’export',
        json: 'Télécharger au format JSON (complet, lisible par une machine)',
        pdf: 'Télécharger au format PDF (lisible, avec sommaire)',
        pdfPreparing: 'Préparation du PDF…',
        html: 'Télécharger la page HTML accessible (même contenu)',
        audited: 'Chaque téléchargement est inscrit au journal d’audit.',
        requestLink: 'Répondre à une demande d’accès reçue par courrier',
        request: {
          title: 'Demande d’accès aux données personnelles',
          intro:
            'Pour une demande reçue par courrier ou par courriel : choisissez la personne, puis le format. L’export contient exactement ce que la personne obtiendrait elle-même ; il est inscrit au journal d’audit (qui, pour qui, quand, quel format). Les RH le produisent pour les membres de leur organisation, l’administration de la plateforme pour toute personne.',
          person: 'Personne concernée',
          personHelp: 'Tapez une partie du nom ou de l’adresse électronique.',
          noOptions: 'Aucune personne trouvée',
          choose: 'Choisissez d’abord une personne.',
          forbidden:
            'Réservé aux RH de l’organisation de la personne et à l’administration de la plateforme.',
          downloadsFor: 'Export pour %{name}',
        },
        userLink: 'Données personnelles (droit d’accès)',
      },
      refusals: { actions: { exportPersonalData: 'exporter les données personnelles d’une autre personne' } },
      errors: {
        PERSONAL_DATA_PDF_TOO_LARGE:
          'Cette personne a plus de %{maxRecords} enregistrements (au moins %{records}) : le PDF serait trop long à produire. Téléchargez la page HTML ou le fichier JSON, qui ont le même contenu.',
        PERSONAL_DATA_PDF_BUSY:
          '%{waiting} exports PDF attendent déjà : réessayez dans quelques minutes, ou téléchargez la page HTML ou le fichier JSON.',
      },
    },
  },
  en: {
    app: {
      personalData: {
        title: 'My personal data',
        intro:
          'Download everything Capacités holds about you (right of access, GDPR article 15): profile, organisations and roles, tests where you have a role and their framing, check-ins, evaluations and decisions you wrote, testimonies, consents and notice version, questionnaire answers linked to you, notifications and emails received, logins, and the audit trail of acts about you. Never a password, key or token.',
        contents: 'What the export contains',
        json: 'Download as JSON (complete, machine-readable)',
        pdf: 'Download as PDF (readable, with a table of contents)',
        pdfPreparing: 'Preparing the PDF…',
        html: 'Download the accessible HTML page (same content)',
        audited: 'Each download is recorded in the audit trail.',
        requestLink: 'Answer an access request received by mail',
        request: {
          title: 'Personal data access request',
          intro:
            'For a request received by mail or email: choose the person, then the format. The export holds exactly what the person would get themselves; it is recorded in the audit trail (who, for whom, when, which format). HR produces it for the members of its organisation, the platform administration for anyone.',
          person: 'Person concerned',
          personHelp: 'Type part of the name or email address.',
          noOptions: 'Nobody found',
          choose: 'Choose a person first.',
          forbidden: "For the HR of the person's organisation and the platform administration only.",
          downloadsFor: 'Export for %{name}',
        },
        userLink: 'Personal data (right of access)',
      },
      refusals: { actions: { exportPersonalData: "export another person's personal data" } },
      errors: {
        PERSONAL_DATA_PDF_TOO_LARGE:
          'This person has more than %{maxRecords} records (%{records} or more): the PDF would take too long to produce. Download the HTML page or the JSON file, which hold the same content.',
        PERSONAL_DATA_PDF_BUSY:
          '%{waiting} PDF exports are already waiting: try again in a few minutes, or download the HTML page or the JSON file.',
      },
    },
  },
};

/** The back-office route of the request page (HR, platform admin). */
export const PERSONAL_DATA_REQUEST_PATH = '/personal-data';
