import { z } from 'zod';

// A questionnaire skeleton: the questions a template proposes, copied into a new test's
// questionnaires. The kinds, audiences and windows follow issue 14 (questionnaires per test);
// the questionnaire capability keeps its own types, and a skeleton only names what is needed
// to pre-fill one (no window dates, no respondents).

export const SKELETON_QUESTION_KINDS = ['scale', 'yesNo', 'single', 'multiple', 'shortText', 'longText'] as const;
export type SkeletonQuestionKind = (typeof SKELETON_QUESTION_KINDS)[number];

export const SKELETON_AUDIENCES = ['participants', 'public'] as const;
/** Mid-test pulse during the run, or a survey in the evaluation period after expiry. */
export const SKELETON_WINDOWS = ['run', 'evaluation'] as const;

const text = (field: string, max: number) =>
  z
    .string({ message: `${field} is required` })
    .trim()
    .min(1, { message: `${field} is required` })
    .max(max, { message: `${field} must have at most ${max} characters` });

export const skeletonQuestionSchema = z
  .object({
    kind: z.enum(SKELETON_QUESTION_KINDS, {
      message: `kind must be one of ${SKELETON_QUESTION_KINDS.join(', ')}`,
    }),
    label: text('label', 500),
    help: z.string().trim().max(1000).default(''),
    /** Choices of a single or multiple choice question (2 to 20). */
    choices: z.array(text('choice', 200)).max(20).default([]),
    /** Words at both ends of a 1–5 scale ("Pas du tout", "Tout à fait"). */
    scaleLabels: z
      .object({ min: text('scaleLabels.min', 100), max: text('scaleLabels.max', 100) })
      .strict()
      .nullable()
      .default(null),
    /** The template criterion this question informs (a criterion's id in the same template). */
    criterionId: z.string().min(1).max(64).nullable().default(null),
  })
  .strict()
  .superRefine((question, ctx) => {
    const choice = question.kind === 'single' || question.kind === 'multiple';
    if (choice && question.choices.length < 2)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a choice question needs at least 2 choices' });
    if (!choice && question.choices.length > 0)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `a ${question.kind} question has no choices` });
    if (question.kind !== 'scale' && question.scaleLabels)
      ctx.addIssue({ code: 'custom', path: ['scaleLabels'], message: 'only a scale question has end labels' });
  });
export type SkeletonQuestion = z.infer<typeof skeletonQuestionSchema>;

export const questionnaireSkeletonSchema = z
  .object({
    title: text('title', 200),
    audience: z.enum(SKELETON_AUDIENCES, { message: `audience must be one of ${SKELETON_AUDIENCES.join(', ')}` }),
    window: z.enum(SKELETON_WINDOWS, { message: `window must be one of ${SKELETON_WINDOWS.join(', ')}` }),
    questions: z
      .array(skeletonQuestionSchema)
      .min(1, { message: 'a questionnaire needs at least one question' })
      .max(30, { message: 'a questionnaire has at most 30 questions' }),
  })
  .strict();
export type QuestionnaireSkeleton = z.infer<typeof questionnaireSkeletonSchema>;
