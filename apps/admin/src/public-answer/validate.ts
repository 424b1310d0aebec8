import {
  checkAnswers,
  QUESTIONNAIRE_LIMITS,
  type Answers,
  type AnswerValue,
  type PublicQuestion,
} from '@capacites/domain';
import { format, fr } from './messages';

/** The text limit of a question, or null for the other kinds. */
export const textLimit = (question: Pick<PublicQuestion, 'kind'>): number | null =>
  question.kind === 'shortText'
    ? QUESTIONNAIRE_LIMITS.shortText
    : question.kind === 'longText'
      ? QUESTIONNAIRE_LIMITS.longText
      : null;

const blank = (value: AnswerValue | undefined) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** Why an answer is refused, in French, from the question and the value. */
function frenchProblem(question: PublicQuestion, value: AnswerValue | undefined): string {
  if (blank(value)) return fr.errors.required;
  const max = textLimit(question);
  if (max !== null && typeof value === 'string' && value.trim().length > max)
    return format(fr.errors.tooLong, { max });
  return fr.errors.invalid;
}

/**
 * The domain's check, the one the API applies, with each problem said in French and keyed
 * by question id. Empty: the answers may be sent.
 */
export function frenchErrors(questions: readonly PublicQuestion[], answers: Answers): Record<string, string> {
  // The domain checks full questions; the public page's have no criterion and are anonymous.
  const full = questions.map((q) => ({ ...q, criterionId: null, anonymous: true }));
  const check = checkAnswers(full, answers);
  if (check.ok) return {};
  const errors: Record<string, string> = {};
  for (const { field } of check.errors) {
    const id = field.replace(/^answers\./, '');
    const question = questions.find((q) => q.id === id);
    if (question) errors[id] = frenchProblem(question, answers[id]);
  }
  return errors;
}

/** The API's 400 (fields `answers.<id>`) said in French, keyed by question id. */
export function serverErrors(
  questions: readonly PublicQuestion[],
  answers: Answers,
  fields: readonly { field: string }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field } of fields) {
    const id = field.replace(/^answers\./, '');
    const question = questions.find((q) => q.id === id);
    if (question) errors[id] = blank(answers[id]) ? fr.errors.required : frenchProblem(question, answers[id]);
  }
  return errors;
}

/** Only the answered questions: a blank answer is not sent. */
export function answersToSend(questions: readonly PublicQuestion[], values: Answers): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    const value = values[question.id];
    if (!blank(value))
      answers[question.id] = typeof value === 'string' ? value.trim() : (value as AnswerValue);
  }
  return answers;
}
