import {
  ACTION_ROLES,
  canPerform,
  canReadExperiment,
  type ExperimentAccessFacts,
  type LifecycleAction,
  type Principal,
} from '@capacites/domain';
import type { ExperimentEntity } from '@capacites/persistence';
import { AuthException } from '../auth/auth.exception';
import { ExperimentsErrorCode, ExperimentsException } from './experiments.exception';

export function accessFacts(experiment: ExperimentEntity): ExperimentAccessFacts {
  return {
    organizationId: experiment.organizationId,
    pilotIds: experiment.pilotIds,
    sponsorId: experiment.sponsorId,
    participantIds: experiment.participants.map((p) => p.userId),
    createdBy: experiment.createdBy,
  };
}

/** What one may not read does not exist for them: 404, never 403. */
export function assertReadable(principal: Principal, experiment: ExperimentEntity | null): ExperimentEntity {
  if (!experiment || !canReadExperiment(principal, accessFacts(experiment))) {
    throw new ExperimentsException(ExperimentsErrorCode.NOT_FOUND);
  }
  return experiment;
}

export function assertCanPerform(
  principal: Principal,
  experiment: ExperimentEntity,
  action: LifecycleAction,
): void {
  if (!canPerform(principal, accessFacts(experiment), action)) {
    // Who may, from the one table of action roles.
    throw AuthException.forbidden(action, ACTION_ROLES[action]);
  }
}
