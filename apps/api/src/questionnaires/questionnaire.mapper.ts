import { publicQuestionnairePath, type QuestionnaireView, type QuestionnaireAudience, type QuestionnaireStatus, type QuestionnaireWindowKind } from '@capacites/domain';
import type { QuestionnaireEntity } from '@capacites/persistence';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The public link of a published public questionnaire: `${PUBLIC_URL}/q/<code>`. */
export const publicUrlOf = (publicUrl: string, code: string | null): string | null =>
  code ? `${publicUrl.replace(/\/$/, '')}${publicQuestionnairePath(code)}` : null;

export function toQuestionnaireView(q: QuestionnaireEntity, respondentCount: number, publicUrl: string): QuestionnaireView {
  return {
    id: q.id,
    experimentId: q.experimentId,
    organizationId: q.organizationId,
    title: q.title,
    intro: q.intro,
    audience: q.audience as QuestionnaireAudience,
    window: {
      kind: q.windowKind as QuestionnaireWindowKind,
      opensOn: q.windowOpensOn,
      closesOn: q.windowClosesOn,
    },
    status: q.status as QuestionnaireStatus,
    opensAt: iso(q.opensAt),
    closesAt: iso(q.closesAt),
    questions: q.questions,
    publicCode: q.publicCode,
    publicUrl: publicUrlOf(publicUrl, q.publicCode),
    respondentCount,
    expectedCount: q.expectedCount,
    createdBy: q.createdBy,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
    publishedAt: iso(q.publishedAt),
    closedAt: iso(q.closedAt),
  };
}
