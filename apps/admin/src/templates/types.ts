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

function questionBody(raw: Values, criteriaIds: string[], audience: unknown): Values {
  const kind = text(raw.kind);
  const choice = kind === 'singleChoice' || kind === 'multipleChoice';
  const scale = kind === 'scale';
  let criterionId = typeof raw.criterionId === 'string' && raw.criterionId ? raw.criterionId : null;
  if (criterionId?.startsWith(NEW_CRITERION_PREFIX))
    criterionId = criteriaIds[Number(criterionId.slice(NEW_CRITERION_PREFIX.length))] ?? null;
  return {
    ...(typeof raw.id === 'string' && raw.id ? { id: raw.id } : {}),
    kind,
    label: text(raw.label),
    help: text(raw.help),
    required: Boolean(raw.required),
    criterionId,
    // The public's answers are always anonymous; a participants' question may say it is not.
    anonymous: audience === 'public' ? true : raw.anonymous !== false,
    // Typed one per line in the form.
    options: choice
      ? (Array.isArray(raw.options) ? raw.options : []).map((o) => text(o).trim()).filter(Boolean)
      : [],
    minLabel: scale ? text(raw.minLabel) : '',
    maxLabel: scale ? text(raw.maxLabel) : '',
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
      intro: text(q?.intro),
      audience: q?.audience,
      window: q?.window ?? 'run',
      questions: (Array.isArray(q?.questions) ? q.questions : []).map((question: Values) =>
        questionBody(question ?? {}, ids, q?.audience),
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
