import type { TemplateRequirementResponse, TemplateResponse } from '@capacites/domain';
import type { RaRecord } from 'react-admin';
import { normalizeCriteria } from '../experiments/form/CriteriaInput';

/** A test template as GET /api/templates returns it. */
export type Template = TemplateResponse & RaRecord<string>;
/** An organisation's "a template is required for this track" rule. */
export type TemplateRequirement = TemplateRequirementResponse & RaRecord<string>;

type Values = Record<string, unknown>;

/** A question's criterion in the form: an existing criterion's id, or `#<index>` for one added meanwhile. */
export const NEW_CRITERION_PREFIX = '#';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const days = (value: unknown): number | null =>
  value === '' || value === null || value === undefined ? null : Number(value);

function questionBody(raw: Values, criteriaIds: string[]): Values {
  const kind = text(raw.kind);
  const choice = kind === 'single' || kind === 'multiple';
  const scale = (raw.scaleLabels ?? {}) as Values;
  let criterionId = typeof raw.criterionId === 'string' && raw.criterionId ? raw.criterionId : null;
  if (criterionId?.startsWith(NEW_CRITERION_PREFIX))
    criterionId = criteriaIds[Number(criterionId.slice(NEW_CRITERION_PREFIX.length))] ?? null;
  return {
    kind,
    label: text(raw.label),
    help: text(raw.help),
    // Typed one per line in the form.
    choices: choice
      ? (Array.isArray(raw.choices) ? raw.choices : []).map((c) => text(c).trim()).filter(Boolean)
      : [],
    scaleLabels:
      kind === 'scale' && text(scale.min).trim() && text(scale.max).trim()
        ? { min: text(scale.min), max: text(scale.max) }
        : null,
    criterionId,
  };
}

/** The template's fields as the API takes them, from the form (create and edit alike). */
export function templateFieldsBody(values: Values): Values {
  const criteria = normalizeCriteria(values.criteria) as { id: string }[];
  const ids = criteria.map((c) => c.id);
  const exitPlan = (values.exitPlan ?? {}) as Values;
  return {
    name: text(values.name),
    description: text(values.description),
    trackId: values.trackId,
    hypothesis: text(values.hypothesis),
    vision: text(values.vision),
    scope: text(values.scope),
    criteria,
    durationDays: days(values.durationDays),
    checkInCadenceDays: days(values.checkInCadenceDays),
    exitPlan: { pilotWithdrawal: text(exitPlan.pilotWithdrawal), takeover: text(exitPlan.takeover) },
    questionnaires: (Array.isArray(values.questionnaires) ? values.questionnaires : []).map((q: Values) => ({
      title: text(q?.title),
      audience: q?.audience,
      window: q?.window,
      questions: (Array.isArray(q?.questions) ? q.questions : []).map((question: Values) =>
        questionBody(question ?? {}, ids),
      ),
    })),
  };
}

/** POST /api/templates: an empty organisation means shared by the network. */
export const templateCreateBody = (values: Values): Values => ({
  ...templateFieldsBody(values),
  organizationId: values.organizationId || null,
});

/** PUT /api/templates/:id: the owner is fixed; `archived` archives or restores. */
export const templateUpdateBody = (values: Values): Values => ({
  ...templateFieldsBody(values),
  archived: Boolean(values.archived),
});
