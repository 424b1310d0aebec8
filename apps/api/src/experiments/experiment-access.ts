import {
  ACTION_ROLES,
  canPerform,
  canReadExperiment,
  type ExperimentAccessFacts,
  type LifecycleAction,
  type Principal,
  type Role,
} from '@capacites/domain';
import type { ExperimentEntity } from '@capacites/persistence';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';
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
    throw new AuthException(AuthErrorCode.FORBIDDEN, `"${action}" is for: ${roleHint(action)}.`);
  }
}

const ROLE_LABELS: Record<Role, string> = {
  admin: 'the platform admin',
  hr: 'HR',
  pilot: "the experiment's pilots",
  sponsor: "the experiment's sponsor",
  codir: 'the CODIR',
  member: 'its participants',
};

/** Who may perform the action, in words, from the one table of action roles. */
function roleHint(action: LifecycleAction): string {
  return ACTION_ROLES[action].map((role) => ROLE_LABELS[role]).join(' or ');
}
