// The French notice shown above a public questionnaire (CNIL: what is collected and why).
// Plain text; the API sends it with the questionnaire, the public page shows it as text.

export function publicQuestionnaireNotice(organizationName: string): string {
  return [
    `Ce questionnaire est proposé par ${organizationName} dans le cadre d'un test : une organisation essayée pour une durée limitée, puis évaluée avec la voix de ses usager·ères.`,
    'Vos réponses sont anonymes : nous ne demandons ni votre nom ni votre adresse électronique, et nous ne conservons pas votre adresse IP. Un identifiant aléatoire, enregistré dans votre navigateur, sert seulement à éviter les réponses en double.',
    "Les réponses servent uniquement à évaluer le test ; elles sont conservées le temps de l'évaluation et de la décision qui la suit. N'écrivez pas d'information personnelle dans les champs de texte libre.",
    "Répondre est facultatif. Pour toute question sur vos données, adressez-vous au délégué ou à la déléguée à la protection des données de l'organisation ; vous pouvez aussi saisir la CNIL (cnil.fr).",
  ].join('\n\n');
}
