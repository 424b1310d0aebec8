import { z } from 'zod';
import { DecisionEntity, EvaluationEntity } from '@capacites/persistence';
import { idsFilter } from '../common/filters';
import type { RecordsRepository, RecordTable } from './records.repository';

/** The filters of evaluations and decisions, shared by their lists and their exports. */
export const recordFilter = z
  .object({
    experimentId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    id: idsFilter.optional(),
  })
  .strict();

export const EVALUATIONS: RecordTable<EvaluationEntity> = {
  entity: EvaluationEntity,
  alias: 'v',
  idColumn: 'experiment_id',
  sortable: { submittedAt: 'v.submitted_at', verdict: 'v.verdict' },
};
export const DECISIONS: RecordTable<DecisionEntity> = {
  entity: DecisionEntity,
  alias: 'd',
  idColumn: 'experiment_id',
  sortable: { decidedAt: 'd.decided_at', outcome: 'd.outcome' },
};
export const evaluationFilter = recordFilter.extend({ onTime: z.boolean().optional() }).strict();
export const decisionFilter = recordFilter
  .extend({ outcome: z.enum(['iterate', 'perpetuate', 'abandon']).optional() })
  .strict();
type Conditions = (qb: ReturnType<RecordsRepository['scoped']>) => void;

export const evaluationConditions =
  (filter: z.infer<typeof evaluationFilter>): Conditions =>
  (qb) => {
    if (filter.onTime !== undefined) qb.andWhere('v.on_time = :onTime', { onTime: filter.onTime });
  };

export const decisionConditions =
  (filter: z.infer<typeof decisionFilter>): Conditions =>
  (qb) => {
    if (filter.outcome) qb.andWhere('d.outcome = :outcome', { outcome: filter.outcome });
  };
