import { z } from 'zod';
import { createQuestionnaireSchema } from '../questionnaire/questionnaire.schema';
import type { Question, QuestionnaireAudience } from '../questionnaire/questionnaire.types';

// A questionnaire skeleton: a questionnaire of a template, in the questionnaires' own types
// (issue 14), copied as a draft questionnaire into each test created from the template. A
// skeleton has no test yet, so no custom window dates: it opens during the run (pulse) or at
// the evaluation (end-of-test survey), as the test's workflow decides.

export const SKELETON_WINDOWS = ['run', 'evaluation'] as const;
export type SkeletonWindow = (typeof SKELETON_WINDOWS)[number];

export const questionnaireSkeletonSchema = createQuestionnaireSchema
  .omit({ experimentId: true, window: true })
  .extend({
    window: z
      .enum(SKELETON_WINDOWS, { message: `window must be one of ${SKELETON_WINDOWS.join(', ')}` })
      .default('run'),
  })
  .strict();
export type QuestionnaireSkeleton = z.infer<typeof questionnaireSkeletonSchema>;

/** A draft questionnaire of a new test, from a skeleton: questions complete, each with an id. */
export interface QuestionnaireDraft {
  title: string;
  intro: string;
  audience: QuestionnaireAudience;
  windowKind: SkeletonWindow;
  questions: Question[];
}

/**
 * The draft questionnaires a new test gets from its template's skeletons. Question ids are
 * kept when given, otherwise numbered (q1, q2…) without clashing; the public's answers are
 * always anonymous; criteria keep their ids (the draft copies the template's criteria).
 */
export function questionnaireDrafts(skeletons: readonly QuestionnaireSkeleton[]): QuestionnaireDraft[] {
  return skeletons.map((skeleton) => {
    const used = new Set(skeleton.questions.map((q) => q.id).filter(Boolean));
    let next = 0;
    const freshId = () => {
      let id: string;
      do id = `q${++next}`;
      while (used.has(id));
      used.add(id);
      return id;
    };
    return {
      title: skeleton.title,
      intro: skeleton.intro,
      audience: skeleton.audience,
      windowKind: skeleton.window,
      questions: skeleton.questions.map((q): Question => ({
        id: q.id ?? freshId(),
        kind: q.kind,
        label: q.label,
        help: q.help,
        required: q.required,
        criterionId: q.criterionId,
        anonymous: skeleton.audience === 'public' ? true : q.anonymous,
        options: [...q.options],
        minLabel: q.minLabel,
        maxLabel: q.maxLabel,
      })),
    };
  });
}

/**
 * The questionnaires a replica takes from its original: the questions only, as drafts (never
 * the answers). A window of the original's own dates becomes the run of the new test.
 */
export function replicaQuestionnaires(
  originals: readonly {
    title: string;
    intro: string;
    audience: string;
    windowKind: string;
    questions: Question[];
  }[],
  criterionIds: readonly string[],
): QuestionnaireDraft[] {
  const known = new Set(criterionIds);
  return originals.map((q) => ({
    title: q.title,
    intro: q.intro,
    audience: q.audience as QuestionnaireAudience,
    windowKind: q.windowKind === 'evaluation' ? 'evaluation' : 'run',
    questions: q.questions.map((question) => ({
      ...question,
      options: [...question.options],
      // A criterion the replica does not have (amended away in the original) is no link.
      criterionId: question.criterionId && known.has(question.criterionId) ? question.criterionId : null,
    })),
  }));
}
