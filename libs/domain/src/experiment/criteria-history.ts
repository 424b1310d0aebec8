import type { Criterion } from './framing';

/** The fields of a criterion that an amendment can change (its id stays). */
export const CRITERION_FIELDS = ['name', 'method', 'target', 'coBuiltWithUsers'] as const;
export type CriterionField = (typeof CRITERION_FIELDS)[number];

/** One amendment of the criteria after launch, with the criteria it replaced. */
export interface CriteriaAmendmentView {
  id: string;
  amendedAt: string;
  amendedBy: string | null;
  reason: string;
  /** The criteria in force before this amendment. */
  previous: Criterion[];
  /** The criteria in force from this amendment on. */
  criteria: Criterion[];
}

/**
 * GET /api/experiments/:id/criteria: what the test measures now, what it measured at
 * launch, and every amendment in between, oldest first. Before launch, the draft's
 * criteria are both.
 */
export interface ExperimentCriteriaResponse {
  experimentId: string;
  atLaunch: Criterion[];
  current: Criterion[];
  amendments: CriteriaAmendmentView[];
}

/** What an amendment changed, criterion by criterion (matched by id). */
export interface CriteriaDiff {
  added: Criterion[];
  removed: Criterion[];
  modified: { before: Criterion; after: Criterion; fields: CriterionField[] }[];
}

export function diffCriteria(before: readonly Criterion[], after: readonly Criterion[]): CriteriaDiff {
  const previous = new Map(before.map((c) => [c.id, c]));
  const next = new Set(after.map((c) => c.id));
  const diff: CriteriaDiff = { added: [], removed: [], modified: [] };
  for (const criterion of after) {
    const old = previous.get(criterion.id);
    if (!old) {
      diff.added.push(criterion);
      continue;
    }
    const fields = CRITERION_FIELDS.filter((field) => (old[field] ?? '') !== (criterion[field] ?? ''));
    if (fields.length > 0) diff.modified.push({ before: old, after: criterion, fields });
  }
  for (const criterion of before) if (!next.has(criterion.id)) diff.removed.push(criterion);
  return diff;
}

/** Amendments as recorded (oldest first), each with the criteria it replaced. */
export function criteriaHistory(
  experimentId: string,
  atLaunch: Criterion[],
  amendments: readonly Omit<CriteriaAmendmentView, 'previous'>[],
): ExperimentCriteriaResponse {
  let current = atLaunch;
  const views = amendments.map((amendment) => {
    const view = { ...amendment, previous: current };
    current = amendment.criteria;
    return view;
  });
  return { experimentId, atLaunch, current, amendments: views };
}
