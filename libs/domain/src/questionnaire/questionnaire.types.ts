// The questionnaires' shared types ("la voix des usagers", issue 14): one source for the API,
// the workflow, the back-office and the public answer page. No zod here: the workflow sandbox
// and the public page (first load under 100 kB) import this file alone.

/** Scale 1–5 with labelled ends, yes/no, single and multiple choice, short and long text. */
export const QUESTION_KINDS = ['scale', 'yesNo', 'singleChoice', 'multipleChoice', 'shortText', 'longText'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** participants: the test's agents, with accounts; public: usagers, anonymous, by link or QR code. */
export const QUESTIONNAIRE_AUDIENCES = ['participants', 'public'] as const;
export type QuestionnaireAudience = (typeof QUESTIONNAIRE_AUDIENCES)[number];

/**
 * When a questionnaire takes answers. `run`: from the launch (or publication, if later) to the
 * test's stop (a mid-test pulse; follows an extension, closes at an early stop). `evaluation`:
 * from the stop to the evaluation's submission or due date (end-of-test survey). `custom`: the
 * days given, opening at 00:00 and closing at the end of the last day in the organisation's
 * time zone. Whatever the kind, it closes when the test closes (cancelled or decided): a
 * questionnaire never outlives its test.
 */
export const QUESTIONNAIRE_WINDOW_KINDS = ['run', 'evaluation', 'custom'] as const;
export type QuestionnaireWindowKind = (typeof QUESTIONNAIRE_WINDOW_KINDS)[number];

/** draft (being built) → scheduled (published, window not open yet) → open → closed. */
export const QUESTIONNAIRE_STATUSES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

export const QUESTIONNAIRE_LIMITS = {
  title: 200,
  intro: 2000,
  questions: 30,
  label: 300,
  help: 1000,
  scaleLabel: 60,
  options: 20,
  optionLabel: 200,
  /** Characters of an answer to a shortText / longText question. */
  shortText: 200,
  longText: 4000,
  /** The per-browser token of a public answer. */
  tokenMin: 16,
  tokenMax: 128,
} as const;

/** The scale's values: 1 to 5. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** Reminders to those who have not answered: J-3 before the window closes. */
export const QUESTIONNAIRE_REMINDER_DAYS = 3;

/**
 * One question. Flat, so that a form edits it as it is: `options` only for the choice kinds
 * (empty otherwise), `minLabel`/`maxLabel` only for the scale (empty otherwise).
 */
export interface Question {
  /** Stable id within the questionnaire (the server assigns one when missing); answers are keyed by it. */
  id: string;
  kind: QuestionKind;
  label: string;
  /** Help text under the label (empty: none). */
  help: string;
  required: boolean;
  /** One of the test's criteria (`Criterion.id`) this question informs, or null. */
  criterionId: string | null;
  /**
   * Participants' questionnaires only: false means the question says it is not anonymous, and
   * the pilot sees who answered what to it. Always true for the public.
   */
  anonymous: boolean;
  options: string[];
  minLabel: string;
  maxLabel: string;
}

/**
 * One answer: scale → integer 1–5; yesNo → boolean; singleChoice → one of the options (its
 * text); multipleChoice → some of the options; shortText / longText → the text. null or
 * absent: not answered (refused for a required question).
 */
export type AnswerValue = number | boolean | string | string[] | null;
/** Answers keyed by question id. */
export type Answers = Record<string, AnswerValue>;

/** The window as the questionnaire's author chose it (days for `custom`, YYYY-MM-DD). */
export interface QuestionnaireWindowInput {
  kind: QuestionnaireWindowKind;
  opensOn?: string | null;
  closesOn?: string | null;
}

/** GET /api/questionnaires/:id — a questionnaire as its managers and result readers see it. */
export interface QuestionnaireView {
  id: string;
  experimentId: string;
  organizationId: string;
  title: string;
  intro: string;
  audience: QuestionnaireAudience;
  window: { kind: QuestionnaireWindowKind; opensOn: string | null; closesOn: string | null };
  status: QuestionnaireStatus;
  /** Effective instants, set by the workflow once published (null while unknown: a `run` window of a draft test). */
  opensAt: string | null;
  closesAt: string | null;
  questions: Question[];
  /** Public audience, once published: the short code and the link `${PUBLIC_URL}/q/<code>`. */
  publicCode: string | null;
  publicUrl: string | null;
  respondentCount: number;
  /** Participants' questionnaires: how many are asked (active participants); null for the public. */
  expectedCount: number | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  closedAt: string | null;
}

/** A question as the public page shows it: no criterion, nothing but what answering needs. */
export type PublicQuestion = Omit<Question, 'criterionId' | 'anonymous'>;

/** GET /api/public/questionnaires/:code — what the public answer page needs (no account). */
export interface PublicQuestionnaireView {
  code: string;
  title: string;
  intro: string;
  organizationName: string;
  /** Never `draft`: a draft is unknown (404) to the public. */
  status: Exclude<QuestionnaireStatus, 'draft'>;
  opensAt: string | null;
  closesAt: string | null;
  /** Empty unless open. */
  questions: PublicQuestion[];
  /** The French notice of what is collected and why (CNIL), to show above the form. */
  notice: string;
}

/** POST /api/public/questionnaires/:code/responses */
export interface PublicAnswerRequest {
  /** Random per-browser token (16–128 of A-Z a-z 0-9 _ -), kept in localStorage: stops double answers. */
  token: string;
  answers: Answers;
}
/** 201 (recorded) or 200 (the same answers from the same browser again: nothing new recorded). */
export interface PublicAnswerReceipt {
  submittedAt: string;
  duplicate: boolean;
}

/** GET /api/questionnaires/:id/my-response — a participant's own view, and PUT's answer. */
export interface MyQuestionnaireView {
  questionnaire: {
    id: string;
    experimentId: string;
    title: string;
    intro: string;
    status: QuestionnaireStatus;
    opensAt: string | null;
    closesAt: string | null;
    /** With `anonymous`: a participant knows which answers the pilot will see with their name. */
    questions: (PublicQuestion & { anonymous: boolean })[];
  };
  /** The answers given so far (null: not answered yet). */
  response: { answers: Answers; submittedAt: string; updatedAt: string } | null;
  /** Open and the caller is an active participant: may answer, or change the answer. */
  canAnswer: boolean;
}

/** GET /api/me/questionnaires — the participants' questionnaires the caller is asked to answer. */
export interface MyQuestionnaireItem {
  id: string;
  experimentId: string;
  experimentTitle: string;
  title: string;
  status: QuestionnaireStatus;
  opensAt: string | null;
  closesAt: string | null;
  answered: boolean;
}

/** GET /api/questionnaires/:id/respondents — who has answered a participants' questionnaire (never what). */
export interface RespondentStatus {
  userId: string;
  name: string;
  answered: boolean;
}
