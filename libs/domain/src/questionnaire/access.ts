// Who does what with a test's questionnaires (DOMAIN.md "Roles", issue 14). Pure.
import type { Participant } from '../experiment/framing';
import { canEditExperiment, isPlatformAdmin, rolesIn, type ExperimentAccessFacts, type Principal } from '../organization/access';

/** HR of the organisation, or a pilot of the test, build and publish its questionnaires. */
export function canManageQuestionnaires(principal: Principal, experiment: ExperimentAccessFacts): boolean {
  return canEditExperiment(principal, experiment);
}

/**
 * Results (and who has not answered): the platform admin, HR and CODIR of the organisation,
 * the test's pilots and sponsor. Not the participants: they answer, they do not read each other.
 */
export function canReadQuestionnaireResults(principal: Principal, experiment: ExperimentAccessFacts): boolean {
  if (isPlatformAdmin(principal)) return true;
  const roles = rolesIn(principal, experiment.organizationId);
  if (roles.length === 0) return false;
  return (
    roles.includes('hr') ||
    roles.includes('codir') ||
    experiment.pilotIds.includes(principal.userId) ||
    experiment.sponsorId === principal.userId
  );
}

/** A participants' questionnaire is answered by each participant who has not withdrawn, themselves. */
export function isActiveParticipant(participants: readonly Participant[], userId: string): boolean {
  return participants.some((p) => p.userId === userId && !p.withdrawnAt);
}
