import { ACTION_ROLES, type LifecycleAction } from '../experiment/actions';
import type { Role } from './organization';

/** The signed-in user as the rules see it. */
export interface Principal {
  userId: string;
  memberships: { organizationId: string; role: Role }[];
}

/** What the rules need of an experiment. */
export interface ExperimentAccessFacts {
  organizationId: string;
  pilotIds: string[];
  sponsorId: string | null;
  participantIds: string[];
  createdBy: string | null;
}

export function isPlatformAdmin(principal: Principal): boolean {
  return principal.memberships.some((m) => m.role === 'admin');
}

export function rolesIn(principal: Principal, organizationId: string): Role[] {
  return principal.memberships.filter((m) => m.organizationId === organizationId).map((m) => m.role);
}

/** Roles that see every experiment of their organisation. */
const ORGANIZATION_READERS: readonly Role[] = ['hr', 'codir'];

/**
 * Who may read an experiment (DOMAIN.md, "Roles"): the platform admin; HR and CODIR of its
 * organisation; its pilots, sponsor and participants. Nobody from another organisation.
 */
export function canReadExperiment(principal: Principal, experiment: ExperimentAccessFacts): boolean {
  if (isPlatformAdmin(principal)) return true;
  const roles = rolesIn(principal, experiment.organizationId);
  if (roles.length === 0) return false;
  if (roles.some((role) => ORGANIZATION_READERS.includes(role))) return true;
  return (
    experiment.pilotIds.includes(principal.userId) ||
    experiment.sponsorId === principal.userId ||
    experiment.participantIds.includes(principal.userId) ||
    experiment.createdBy === principal.userId
  );
}

/** HR and pilots of an organisation frame its tests. */
export function canCreateExperiment(principal: Principal, organizationId: string): boolean {
  return rolesIn(principal, organizationId).some((role) => role === 'hr' || role === 'pilot');
}

/** HR edits every draft of its organisation; a pilot edits the experiments it pilots. */
export function canEditExperiment(principal: Principal, experiment: ExperimentAccessFacts): boolean {
  const roles = rolesIn(principal, experiment.organizationId);
  return roles.includes('hr') || (roles.includes('pilot') && experiment.pilotIds.includes(principal.userId));
}

/**
 * Whether the user may perform a lifecycle action on this experiment: its role must be
 * one the action allows, and pilots and sponsors act only on their own experiments.
 */
export function canPerform(
  principal: Principal,
  experiment: ExperimentAccessFacts,
  action: LifecycleAction,
): boolean {
  const roles = rolesIn(principal, experiment.organizationId);
  return ACTION_ROLES[action].some((role) => {
    if (!roles.includes(role)) return false;
    if (role === 'pilot') return experiment.pilotIds.includes(principal.userId);
    if (role === 'sponsor') return experiment.sponsorId === principal.userId;
    return true;
  });
}

/**
 * Who collects testimonies on an experiment: HR of its organisation and the people of the
 * test (pilots, sponsor, participants), not readers from afar.
 */
export function canCollectTestimony(principal: Principal, experiment: ExperimentAccessFacts): boolean {
  const roles = rolesIn(principal, experiment.organizationId);
  if (roles.length === 0) return false;
  return (
    roles.includes('hr') ||
    experiment.pilotIds.includes(principal.userId) ||
    experiment.sponsorId === principal.userId ||
    experiment.participantIds.includes(principal.userId)
  );
}

/** A testimony is changed by whoever collected it, or by HR of the organisation. */
export function canEditTestimony(
  principal: Principal,
  testimony: { organizationId: string; authorId: string | null },
): boolean {
  return (
    testimony.authorId === principal.userId || rolesIn(principal, testimony.organizationId).includes('hr')
  );
}

/** The administration of the platform (organisations, tracks, users) is the admin's. */
export function canAdministrate(principal: Principal): boolean {
  return isPlatformAdmin(principal);
}

/** Sharing learnings with the network is the organisation's call: HR, CODIR, or the sponsor. */
export function canShareLearnings(principal: Principal, experiment: ExperimentAccessFacts): boolean {
  const roles = rolesIn(principal, experiment.organizationId);
  return roles.includes('hr') || roles.includes('codir') || experiment.sponsorId === principal.userId;
}
