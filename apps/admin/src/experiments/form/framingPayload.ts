import { EDITABLE_WHILE_RUNNING, localDate, type UpdateExperimentInput } from '@capacites/domain';
import { normalizeCriteria } from './CriteriaInput';

type Values = Record<string, unknown>;

/** Every field PUT /api/experiments/:id accepts (the domain's updateExperimentSchema). */
export const FRAMING_FIELDS = [
  'title',
  'trackId',
  'hypothesis',
  'vision',
  'scope',
  'criteria',
  'pilotIds',
  'sponsorId',
  'participants',
  'expiresOn',
  'checkInCadenceDays',
  'exitPlan',
] as const satisfies readonly (keyof UpdateExperimentInput)[];

/** The edit form's values: the record, with its expiry as a local day of the organisation. */
export function toFramingFormValues(record: Values, timeZone: string): Values {
  const expiresAt = typeof record.expiresAt === 'string' ? record.expiresAt : null;
  return {
    ...record,
    expiresOn: expiresAt ? localDate(new Date(expiresAt), timeZone) : null,
    exitPlan: record.exitPlan ?? { pilotWithdrawal: '', takeover: '' },
  };
}

/**
 * The PUT body: only the framing fields (the API rejects unknown ones), and while
 * running only those that may still change (vision and scope).
 */
export function toFramingPayload(values: Values, state: string): UpdateExperimentInput {
  const allowed: readonly string[] = state === 'running' ? EDITABLE_WHILE_RUNNING : FRAMING_FIELDS;
  const body: Values = {};
  for (const field of allowed) {
    if (!(field in values)) continue;
    const value = values[field];
    switch (field) {
      case 'criteria':
        body.criteria = normalizeCriteria(value);
        break;
      case 'participants':
        body.participants = (Array.isArray(value) ? value : [])
          .filter((p: Values | null) => typeof p?.userId === 'string' && p.userId)
          // The people only: consent is each participant's own act (or HR's audited entry), never an edit.
          .map((p: Values) => ({ userId: p.userId as string }));
        break;
      case 'pilotIds':
        body.pilotIds = Array.isArray(value) ? value : [];
        break;
      case 'trackId':
      case 'sponsorId':
      case 'expiresOn':
        body[field] = value || null;
        break;
      case 'checkInCadenceDays':
        body.checkInCadenceDays =
          value === '' || value === null || value === undefined ? null : Number(value);
        break;
      case 'exitPlan': {
        const plan = (value ?? {}) as Values;
        body.exitPlan = { pilotWithdrawal: plan.pilotWithdrawal ?? '', takeover: plan.takeover ?? '' };
        break;
      }
      default:
        body[field] = value ?? '';
    }
  }
  return body as UpdateExperimentInput;
}
