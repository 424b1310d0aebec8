import { INPUT_RULE } from '../validation';
import { z } from 'zod';
import {
  QUESTION_KINDS,
  QUESTIONNAIRE_AUDIENCES,
  QUESTIONNAIRE_LIMITS as L,
  QUESTIONNAIRE_WINDOW_KINDS,
} from './questionnaire.types';

const CHOICE_KINDS = new Set(['singleChoice', 'multipleChoice']);
const isoDay = (name: string) => z.iso.date({ message: `${name} must be a date (YYYY-MM-DD)` });

/** A question as its author writes it; the server fills `id` when missing. */
export const questionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'id must be 1 to 64 letters, digits, _ or -' })
      .optional(),
    kind: z.enum(QUESTION_KINDS, { message: `kind must be one of ${QUESTION_KINDS.join(', ')}` }),
    label: z
      .string({ message: 'label is required' })
      .trim()
      .min(1, { message: 'label is required' })
      .max(L.label, { message: `label must have at most ${L.label} characters` }),
    help: z
      .string()
      .trim()
      .max(L.help, { message: `help must have at most ${L.help} characters` })
      .default(''),
    required: z.boolean().default(false),
    criterionId: z.string().min(1).max(64).nullable().default(null),
    anonymous: z.boolean().default(true),
    options: z
      .array(
        z
          .string()
          .trim()
          .min(1, { message: 'an option needs a text' })
          .max(L.optionLabel, { message: `an option has at most ${L.optionLabel} characters` }),
      )
      .max(L.options, { message: `at most ${L.options} options` })
      .default([]),
    minLabel: z.string().trim().max(L.scaleLabel).default(''),
    maxLabel: z.string().trim().max(L.scaleLabel).default(''),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (CHOICE_KINDS.has(q.kind)) {
      if (q.options.length < 2)
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'a choice question needs at least 2 options',
          params: INPUT_RULE,
        });
      if (new Set(q.options).size !== q.options.length)
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'options must be different',
          params: INPUT_RULE,
        });
    } else if (q.options.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a ${q.kind} question has no options`,
        params: INPUT_RULE,
      });
    }
    if (q.kind !== 'scale' && (q.minLabel || q.maxLabel))
      ctx.addIssue({
        code: 'custom',
        path: ['minLabel'],
        message: 'only a scale question has end labels',
        params: INPUT_RULE,
      });
  });
export type QuestionInput = z.input<typeof questionSchema>;

export const questionnaireWindowSchema = z
  .object({
    kind: z.enum(QUESTIONNAIRE_WINDOW_KINDS, { message: 'kind must be run, evaluation or custom' }),
    opensOn: isoDay('opensOn').nullable().optional(),
    closesOn: isoDay('closesOn').nullable().optional(),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (w.kind !== 'custom') {
      if (w.opensOn || w.closesOn)
        ctx.addIssue({
          code: 'custom',
          path: ['opensOn'],
          message: 'dates are given for a custom window only',
          params: INPUT_RULE,
        });
      return;
    }
    if (!w.opensOn)
      ctx.addIssue({ code: 'custom', path: ['opensOn'], message: 'opensOn is required', params: INPUT_RULE });
    if (!w.closesOn)
      ctx.addIssue({
        code: 'custom',
        path: ['closesOn'],
        message: 'closesOn is required',
        params: INPUT_RULE,
      });
    if (w.opensOn && w.closesOn && w.closesOn < w.opensOn)
      ctx.addIssue({
        code: 'custom',
        path: ['closesOn'],
        message: 'closesOn must not be before opensOn',
        params: INPUT_RULE,
      });
  });

const questionsSchema = z
  .array(questionSchema)
  .min(1, { message: 'at least one question' })
  .max(L.questions, { message: `at most ${L.questions} questions` })
  .superRefine((questions, ctx) => {
    const seen = new Set<string>();
    questions.forEach((q, i) => {
      if (!q.id) return;
      if (seen.has(q.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: 'question ids must be unique',
          params: INPUT_RULE,
        });
      seen.add(q.id);
    });
  });

const title = z
  .string({ message: 'title is required' })
  .trim()
  .min(3, { message: 'title must have at least 3 characters' })
  .max(L.title, { message: `title must have at most ${L.title} characters` });

/** POST /api/questionnaires — a draft on a test (draft or running). */
export const createQuestionnaireSchema = z
  .object({
    experimentId: z.uuid({ message: 'experimentId must be an experiment id' }),
    title,
    intro: z
      .string()
      .trim()
      .max(L.intro, { message: `intro must have at most ${L.intro} characters` })
      .default(''),
    audience: z.enum(QUESTIONNAIRE_AUDIENCES, { message: 'audience must be participants or public' }),
    window: questionnaireWindowSchema.default({ kind: 'run' }),
    questions: questionsSchema,
  })
  .strict();
export type CreateQuestionnaireInput = z.infer<typeof createQuestionnaireSchema>;

/** PUT /api/questionnaires/:id — any field but the test, while the questionnaire is a draft. */
export const updateQuestionnaireSchema = createQuestionnaireSchema
  .omit({ experimentId: true })
  .partial()
  .strict();
export type UpdateQuestionnaireInput = z.infer<typeof updateQuestionnaireSchema>;

/** POST /api/questionnaires/:id/close — closes before the window's end (audited, with a reason). */
export const closeQuestionnaireSchema = z.object({ reason: z.string().trim().max(2000).optional() }).strict();
export type CloseQuestionnaireInput = z.infer<typeof closeQuestionnaireSchema>;

/**
 * The answers' shape, before they are checked against the questions (answers.ts, which names
 * `answers.<questionId>`): values of the kinds answers take, bounded so that nothing huge is parsed.
 */
const answerValueSchema = z
  .union([
    z.number(),
    z.boolean(),
    z.string().max(L.longText * 2, { message: `an answer has at most ${L.longText} characters` }),
    z.array(z.string().max(L.optionLabel * 2)).max(L.options),
  ])
  .nullable();
export const answersSchema = z
  .record(z.string().max(64), answerValueSchema)
  .refine((a) => Object.keys(a).length <= L.questions * 2, { message: 'too many answers' });

/** PUT /api/questionnaires/:id/my-response */
export const myAnswerSchema = z.object({ answers: answersSchema }).strict();
export type MyAnswerInput = z.infer<typeof myAnswerSchema>;

/** POST /api/public/questionnaires/:code/responses */
export const publicAnswerSchema = z
  .object({
    token: z
      .string({ message: 'token is required' })
      .regex(new RegExp(`^[A-Za-z0-9_-]{${L.tokenMin},${L.tokenMax}}$`), {
        message: `token must be ${L.tokenMin} to ${L.tokenMax} letters, digits, _ or -`,
      }),
    answers: answersSchema,
  })
  .strict();
export type PublicAnswerInput = z.infer<typeof publicAnswerSchema>;
