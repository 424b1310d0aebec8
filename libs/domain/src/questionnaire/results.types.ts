// Results of questionnaires (issue 14, item 3) and what they give the evaluation (item 4).
// Shared by the API and the back-office. No zod.
import type { QuestionKind, QuestionnaireAudience, QuestionnaireStatus } from './questionnaire.types';

/** One bar of a distribution: scale '1'…'5', yesNo 'yes' / 'no', choices their option text. */
export interface DistributionEntry {
  value: string;
  count: number;
}

/** A non-anonymous question of a participants' questionnaire: who answered what. */
export interface NamedAnswer {
  userId: string;
  name: string;
  value: string;
}

export interface QuestionResult {
  questionId: string;
  kind: QuestionKind;
  label: string;
  criterionId: string | null;
  anonymous: boolean;
  /** Respondents who answered this question, and who left it empty. */
  answered: number;
  skipped: number;
  /** Choice, scale and yes/no questions (every value listed, zeros included); empty for texts. */
  distribution: DistributionEntry[];
  /** Scale only, two decimals; null without answers. */
  mean: number | null;
  /** Text questions: the answers, newest first, as text (never HTML). Empty for other kinds. */
  texts: string[];
  /** Only for a non-anonymous question of a participants' questionnaire; empty otherwise. */
  named: NamedAnswer[];
}

/** A criterion of the test and the questions tied to it, side by side. */
export interface CriterionQuestions {
  criterionId: string;
  criterionName: string;
  questions: QuestionResult[];
}

/** A week of a pulse (Monday, in the organisation's time zone): answers and the scales' means. */
export interface PeriodResult {
  periodStart: string;
  responses: number;
  /** questionId → mean of the scale answers submitted that week (null: none). */
  scaleMeans: Record<string, number | null>;
}

/** GET /api/questionnaires/:id/results */
export interface QuestionnaireResults {
  questionnaireId: string;
  title: string;
  audience: QuestionnaireAudience;
  status: QuestionnaireStatus;
  respondents: number;
  /** Participants: those asked (active participants); null for the public. */
  expected: number | null;
  /** respondents / expected, 0–1 with 3 decimals; null for the public. */
  responseRate: number | null;
  questions: QuestionResult[];
  /** The test's criteria (in force) with the questions tied to each; criteria without a question are listed with none. */
  criteria: CriterionQuestions[];
  /** By week of submission (pulses): empty when there is no answer. */
  overTime: PeriodResult[];
}

/** One questionnaire of a test, in the evaluation's summary. */
export interface QuestionnaireSummary {
  id: string;
  title: string;
  audience: QuestionnaireAudience;
  status: QuestionnaireStatus;
  respondents: number;
  expected: number | null;
  responseRate: number | null;
}

/**
 * GET /api/experiments/:id/users-voice — what the questionnaires say, per criterion, for the
 * evaluation form, and the `usersVoice` it pre-fills (the evaluator still writes each result).
 */
export interface UsersVoiceSummary {
  experimentId: string;
  questionnaires: QuestionnaireSummary[];
  /** Per criterion in force: the questions of every published questionnaire tied to it. */
  criteria: (CriterionQuestions & { questions: (QuestionResult & { questionnaireId: string; questionnaireTitle: string })[] })[];
  /** Pre-fill of the evaluation's usersVoice: a source per questionnaire with answers, plus testimonies. */
  usersVoice: { sources: string[]; count: number };
  /** Testimonies recorded on the test (interviews, verbatims), counted apart from questionnaires. */
  testimonies: number;
}

/** A testimony that shared learnings carry: marked shareable, anonymised (no speaker's name). */
export interface SharedTestimony {
  quote: string;
  speakerRole: string;
  source: string;
  collectedAt: string;
}
