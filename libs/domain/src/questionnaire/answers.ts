// Checks one person's answers against the questions: pure, no zod (the public page uses it
// before sending, the API at the edge). Every problem is named `answers.<questionId>`.
import type { FieldError } from '../validation';
import {
  QUESTIONNAIRE_LIMITS as L,
  SCALE_MAX,
  SCALE_MIN,
  type Answers,
  type AnswerValue,
  type Question,
} from './questionnaire.types';

export type AnswersCheck = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

const isBlank = (value: AnswerValue | undefined) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * The answers, normalised (texts trimmed, empty answers dropped), or every bad one named:
 * unknown question, wrong type for the kind, a scale outside 1–5, an option that is not one
 * of the question's, text over its limit, a required question left empty.
 */
export function checkAnswers(questions: readonly Question[], answers: Answers, base = 'answers'): AnswersCheck {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const clean: Answers = {};
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) errors.push({ field: `${base}.${id}`, message: 'no such question in this questionnaire' });
  }
  for (const q of questions) {
    const field = `${base}.${q.id}`;
    const value = answers[q.id];
    if (isBlank(value)) {
      if (q.required) errors.push({ field, message: 'this question requires an answer' });
      continue;
    }
    const problem = checkOne(q, value as Exclude<AnswerValue, null>);
    if (problem) errors.push({ field, message: problem });
    else clean[q.id] = typeof value === 'string' ? value.trim() : (value as AnswerValue);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: clean };
}

function checkOne(q: Question, value: Exclude<AnswerValue, null>): string | null {
  switch (q.kind) {
    case 'scale':
      return Number.isInteger(value) && (value as number) >= SCALE_MIN && (value as number) <= SCALE_MAX
        ? null
        : `must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}`;
    case 'yesNo':
      return typeof value === 'boolean' ? null : 'must be true (yes) or false (no)';
    case 'singleChoice':
      return typeof value === 'string' && q.options.includes(value) ? null : 'must be one of the options';
    case 'multipleChoice':
      if (!Array.isArray(value)) return 'must be a list of options';
      if (new Set(value).size !== value.length) return 'an option is chosen at most once';
      return value.every((v) => q.options.includes(v)) ? null : 'must be among the options';
    case 'shortText':
    case 'longText': {
      if (typeof value !== 'string') return 'must be text';
      const max = q.kind === 'shortText' ? L.shortText : L.longText;
      if (value.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
      return value.trim().length <= max ? null : `must have at most ${max} characters`;
    }
  }
}

/** The text of an answer, for lists, exports and named answers. */
export function answerText(q: Pick<Question, 'kind'>, value: AnswerValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (q.kind === 'yesNo') return value === true ? 'oui' : value === false ? 'non' : '';
  if (Array.isArray(value)) return value.join(' ; ');
  return String(value);
}
