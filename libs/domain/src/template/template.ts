import { INPUT_RULE } from '../validation';
import { z } from 'zod';
import { criterionSchema, exitPlanSchema, type Criterion, type ExitPlan } from '../experiment/framing';
import { endOfLocalDayAfter } from '../experiment/time';
import { isPlatformAdmin, rolesIn, type Principal } from '../organization/access';
import { questionnaireSkeletonSchema, type QuestionnaireSkeleton } from './questionnaire-skeleton';

/**
 * A test template ("modèle de test"): the defaults of a new test of one track. Shared by the
 * whole network (written by a platform admin) or an organisation's own (its HR too).
 */

const longText = (field: string) =>
  z
    .string()
    .trim()
    .max(4000, { message: `${field} must have at most 4000 characters` });

/** Every criterion of a template has its own id: questions point at them. */
const criteriaSchema = z
  .array(criterionSchema)
  .max(50, { message: 'a template has at most 50 criteria' })
  .superRefine((criteria, ctx) => {
    const seen = new Set<string>();
    criteria.forEach((criterion, i) => {
      if (seen.has(criterion.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `criterion id "${criterion.id}" is repeated`,
          params: INPUT_RULE,
        });
      seen.add(criterion.id);
    });
  });

const templateFields = {
  name: z
    .string({ message: 'name is required' })
    .trim()
    .min(3, { message: 'name must have at least 3 characters' })
    .max(200, { message: 'name must have at most 200 characters' }),
  description: z.string().trim().max(2000, { message: 'description must have at most 2000 characters' }),
  trackId: z.uuid({ message: 'trackId must be a track id' }),
  /** What the hypothesis should say, with its blanks ("Si nous …, alors …"). */
  hypothesis: longText('hypothesis'),
  vision: longText('vision'),
  scope: longText('scope'),
  criteria: criteriaSchema,
  /** Planned duration: a new test's expiry date is proposed this many days after its creation. */
  durationDays: z
    .number()
    .int({ message: 'durationDays must be a whole number of days' })
    .min(1, { message: 'durationDays must be at least 1' })
    .max(3 * 365, { message: 'durationDays must be at most 1095' })
    .nullable(),
  checkInCadenceDays: z
    .number()
    .int({ message: 'checkInCadenceDays must be a whole number of days' })
    .min(1, { message: 'checkInCadenceDays must be at least 1' })
    .max(90, { message: 'checkInCadenceDays must be at most 90' })
    .nullable(),
  exitPlan: exitPlanSchema,
  questionnaires: z
    .array(questionnaireSkeletonSchema)
    .max(10, { message: 'a template has at most 10 questionnaires' }),
};

/** A question tied to a criterion names one of the template's criteria. */
/**
 * Questions tied to a criterion that is not among the template's criteria, by path
 * (`questionnaires.0.questions.1.criterionId`). Reads defensively: it also runs when other
 * fields failed.
 */
export function criterionLinkErrors(
  criteria: unknown,
  questionnaires: unknown,
): { path: (string | number)[]; message: string }[] {
  if (!Array.isArray(questionnaires) || !Array.isArray(criteria)) return [];
  const ids = new Set(criteria.map((c: { id?: unknown } | null) => c?.id));
  return questionnaires.flatMap((questionnaire: { questions?: unknown } | null, q) =>
    (Array.isArray(questionnaire?.questions) ? questionnaire.questions : []).flatMap(
      (question: { criterionId?: unknown } | null, i: number) => {
        const id = question?.criterionId;
        return typeof id === 'string' && !ids.has(id)
          ? [
              {
                path: ['questionnaires', q, 'questions', i, 'criterionId'],
                message: `no criterion "${id}" in this template`,
              },
            ]
          : [];
      },
    ),
  );
}

function checkCriterionLinks(
  value: { criteria?: unknown; questionnaires?: unknown },
  ctx: z.RefinementCtx,
): void {
  for (const { path, message } of criterionLinkErrors(value.criteria, value.questionnaires))
    ctx.addIssue({ code: 'custom', path, message, params: INPUT_RULE });
}

export const templateCreateSchema = z
  .object({
    ...templateFields,
    description: templateFields.description.default(''),
    /** Null or absent: shared by the whole network (platform admin only). */
    organizationId: z.uuid({ message: 'organizationId must be an organisation id' }).nullable().default(null),
    hypothesis: templateFields.hypothesis.default(''),
    vision: templateFields.vision.default(''),
    scope: templateFields.scope.default(''),
    criteria: templateFields.criteria.default([]),
    durationDays: templateFields.durationDays.default(null),
    checkInCadenceDays: templateFields.checkInCadenceDays.default(null),
    exitPlan: templateFields.exitPlan.default({ pilotWithdrawal: '', takeover: '' }),
    questionnaires: templateFields.questionnaires.default([]),
  })
  .strict()
  .superRefine(checkCriterionLinks);
export type TemplateCreateInput = z.infer<typeof templateCreateSchema>;

/** Every field but the owner may change; `archived` archives (or restores) the template. */
export const templateUpdateSchema = z
  .object({ ...templateFields, archived: z.boolean() })
  .partial()
  .strict()
  .superRefine(checkCriterionLinks);
export type TemplateUpdateInput = z.infer<typeof templateUpdateSchema>;

/** A template as the API answers and the back-office shows it. */
export interface TemplateResponse {
  id: string;
  organizationId: string | null;
  trackId: string;
  name: string;
  description: string;
  hypothesis: string;
  vision: string;
  scope: string;
  criteria: Criterion[];
  durationDays: number | null;
  checkInCadenceDays: number | null;
  exitPlan: ExitPlan;
  questionnaires: QuestionnaireSkeleton[];
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An organisation's rule: new tests of this track start from a template. */
export const templateRequirementCreateSchema = z
  .object({
    organizationId: z.uuid({ message: 'organizationId must be an organisation id' }),
    trackId: z.uuid({ message: 'trackId must be a track id' }),
  })
  .strict();
export type TemplateRequirementCreateInput = z.infer<typeof templateRequirementCreateSchema>;

export interface TemplateRequirementResponse {
  id: string;
  organizationId: string;
  trackId: string;
  createdAt: string;
}

/**
 * Who writes a template: a shared one (no organisation) is the platform admin's; an
 * organisation's own is also its HR's. The same rule holds for the organisation's
 * template requirements.
 */
export function canManageTemplates(principal: Principal, organizationId: string | null): boolean {
  if (isPlatformAdmin(principal)) return true;
  return organizationId !== null && rolesIn(principal, organizationId).includes('hr');
}

/** Which template an organisation may use: a shared one or its own, not archived. */
export function templateUsableBy(
  template: { organizationId: string | null; archived: boolean },
  organizationId: string,
): boolean {
  return (
    !template.archived && (template.organizationId === null || template.organizationId === organizationId)
  );
}

/**
 * Whether a new test (or a track change) breaks the organisation's rule: its track requires a
 * template and the test does not come from a template of that track.
 */
export function templateRequiredFor(
  requiredTrackIds: readonly string[],
  trackId: string | null | undefined,
  templateTrackId: string | null | undefined,
): boolean {
  if (!trackId || !requiredTrackIds.includes(trackId)) return false;
  return templateTrackId !== trackId;
}

/** The framing a new draft takes from its template (besides the title given by its author). */
export interface TemplateDraftFraming {
  trackId: string;
  hypothesis: string;
  vision: string;
  scope: string;
  criteria: Criterion[];
  checkInCadenceDays: number | null;
  exitPlan: ExitPlan;
  /** End of the local day `durationDays` after today; null without a planned duration. */
  expiresAt: Date | null;
  questionnaires: QuestionnaireSkeleton[];
}

/**
 * A draft's framing from a template: what the author typed wins, the template fills the
 * rest. The planned duration becomes a proposed expiry date (editable in the draft, checked
 * against the maximum duration at launch).
 */
export function draftFramingFromTemplate(
  template: Omit<
    TemplateResponse,
    'id' | 'name' | 'description' | 'organizationId' | 'archived' | 'archivedAt' | 'createdAt' | 'updatedAt'
  >,
  typed: { hypothesis?: string; vision?: string; scope?: string },
  now: Date,
  timeZone: string,
): TemplateDraftFraming {
  const pick = (value: string | undefined, fallback: string) => (value && value.trim() ? value : fallback);
  return {
    trackId: template.trackId,
    hypothesis: pick(typed.hypothesis, template.hypothesis),
    vision: pick(typed.vision, template.vision),
    scope: pick(typed.scope, template.scope),
    criteria: template.criteria.map((criterion) => ({ ...criterion })),
    checkInCadenceDays: template.checkInCadenceDays,
    exitPlan: { ...template.exitPlan },
    expiresAt:
      template.durationDays === null ? null : endOfLocalDayAfter(now, template.durationDays, timeZone),
    questionnaires: template.questionnaires,
  };
}
