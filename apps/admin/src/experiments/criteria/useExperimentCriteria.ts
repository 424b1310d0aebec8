import type { Criterion, ExperimentCriteriaResponse } from '@capacites/domain';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { CapacitesDataProvider } from '../../dataProvider';
import type { Experiment } from '../types';

/** A draft has no amendment: its criteria are read from the record, no request needed. */
const draftCriteria = (experiment: Experiment): ExperimentCriteriaResponse => ({
  experimentId: experiment.id,
  atLaunch: experiment.criteria ?? [],
  current: experiment.criteria ?? [],
  amendments: [],
});

/**
 * The criteria in force now and their amendments (GET /api/experiments/:id/criteria).
 * The evaluation is checked by the workflow against the current criteria, never the launch
 * ones: every form and view that names criteria after launch reads them from here.
 */
export function useExperimentCriteria(experiment: Experiment, { enabled = true } = {}) {
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const launched = experiment.state !== 'draft';
  const query = useQuery({
    // A transition (an amendment too) changes updatedAt: the criteria are read again.
    queryKey: ['experiments', 'criteria', experiment.id, experiment.updatedAt],
    queryFn: () => dataProvider.getCriteria(experiment.id),
    enabled: launched && enabled,
    retry: false,
  });
  if (!launched) return { data: draftCriteria(experiment), error: null, isPending: false };
  return { data: query.data, error: query.error, isPending: query.isPending };
}

/** Every criterion the test ever had (launch, amendments), by id: names of old results. */
export function criterionNames(history: ExperimentCriteriaResponse | undefined): Map<string, Criterion> {
  const all = new Map<string, Criterion>();
  if (!history) return all;
  for (const c of history.atLaunch) all.set(c.id, c);
  for (const a of history.amendments) for (const c of a.criteria) all.set(c.id, c);
  return all;
}
