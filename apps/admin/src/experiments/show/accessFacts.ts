import type { ExperimentAccessFacts } from '@capacites/domain';
import type { Experiment } from '../types';

/** What the domain's access rules need of an experiment record. */
export const accessFactsOf = (experiment: Experiment): ExperimentAccessFacts => ({
  organizationId: experiment.organizationId,
  pilotIds: experiment.pilotIds ?? [],
  sponsorId: experiment.sponsorId ?? null,
  participantIds: (experiment.participants ?? []).map((p) => p.userId),
  createdBy: null,
});
