// The questionnaires' refusal codes ("la voix des usagers"), spread into ERROR_MESSAGES
// (errors/error-codes.ts) so that every code is still declared once and translated by the
// back-office (app.errors.<CODE>). No import: error-codes.ts imports this file.

type Status = { status: string };

export const QUESTIONNAIRE_ERROR_MESSAGES = {
  /** 409: questions, audience and window change only before publication. */
  QUESTIONNAIRE_NOT_DRAFT: (p: Status) =>
    `The questionnaire is ${p.status}: it changes only while it is a draft.`,
  /** 409: questionnaires are built on a test in draft or running (evaluation window: until evaluated). */
  QUESTIONNAIRE_EXPERIMENT_STATE: (p: { state: string }) =>
    `Questionnaires are built on a test in draft or running (or evaluating, for the evaluation period); this one is ${p.state}.`,
  /** 409: the window would end before it begins, or is already over. */
  QUESTIONNAIRE_WINDOW_PAST: (p: { closesAt: string }) =>
    `The questionnaire's window would close at ${p.closesAt}, which is already past.`,
  /** 409: answering before the window opens. */
  QUESTIONNAIRE_NOT_OPEN: (p: { opensAt: string | null }) =>
    p.opensAt ? `The questionnaire opens on ${p.opensAt}.` : 'The questionnaire is not open yet.',
  /** 409: answering, or closing, after the window closed. */
  QUESTIONNAIRE_CLOSED: (p: { closedAt: string | null }) =>
    `The questionnaire is closed${p.closedAt ? ` since ${p.closedAt}` : ''}: it no longer takes answers.`,
  /** 409: this browser (public) already answered, with other answers. */
  QUESTIONNAIRE_ALREADY_ANSWERED: () => 'An answer was already recorded from this browser.',
  /** 409: a participants' questionnaire answered by the public link, or the reverse. */
  QUESTIONNAIRE_WRONG_AUDIENCE: (p: { audience: string }) =>
    p.audience === 'public'
      ? 'This questionnaire is for the public: answer it through its public link.'
      : "This questionnaire is for the test's participants: answer it from your account.",
  /** 429: too many public answers from one client address. */
  TOO_MANY_ANSWERS: (p: { retryAfterSeconds: number }) =>
    `Too many answers from this connection. Try again in ${p.retryAfterSeconds} seconds.`,
} as const;

/** What a 403 names as refused (FORBIDDEN's `action`) for questionnaires. */
export const QUESTIONNAIRE_FORBIDDEN_ACTIONS = [
  'manageQuestionnaires',
  'answerQuestionnaire',
  'readQuestionnaireResults',
] as const;
