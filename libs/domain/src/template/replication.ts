import { z } from 'zod';
import type { Criterion, ExitPlan } from '../experiment/framing';
import { endOfLocalDayAfter } from '../experiment/time';
import {
  canCreateExperiment,
  canReadExperiment,
  type ExperimentAccessFacts,
  type Principal,
} from '../organization/access';

/**
 * Replication ("essaimage"): a test of one organisation copied as a draft into another.
 * Iteration stays within one organisation; replication crosses them.
 */

export const replicateExperimentSchema = z
  .object({
    /** The reader's organisation that receives the draft. */
    organizationId: z.uuid({ message: 'organizationId must be an organisation id' }),
    /** Needed when that organisation requires a template for the test's track. */
    templateId: z.uuid({ message: 'templateId must be a template id' }).optional(),
  })
  .strict();
export type ReplicateExperimentInput = z.infer<typeof replicateExperimentSchema>;

/** What a replica copies of its original: the framing, never the people, answers or check-ins. */
export interface ReplicaSource {
  organizationId: string;
  trackId: string | null;
  title: string;
  hypothesis: string;
  vision: string;
  scope: string;
  criteria: Criterion[];
  checkInCadenceDays: number | null;
  exitPlan: ExitPlan;
  launchedAt: Date | null;
  originalExpiresAt: Date | null;
}

export interface ReplicaFraming {
  title: string;
  hypothesis: string;
  vision: string;
  scope: string;
  criteria: Criterion[];
  checkInCadenceDays: number | null;
  exitPlan: ExitPlan;
  /** The original's planned duration (launch to first expiry) from today; null when unknown. */
  expiresAt: Date | null;
}

/** Days the original was planned to run (launch to its first expiry date), when it was launched. */
export function plannedDurationDays(
  source: Pick<ReplicaSource, 'launchedAt' | 'originalExpiresAt'>,
): number | null {
  if (!source.launchedAt || !source.originalExpiresAt) return null;
  const days = Math.round((source.originalExpiresAt.getTime() - source.launchedAt.getTime()) / 86_400_000);
  return days >= 1 ? days : null;
}

/**
 * The framing of a replica: title, hypothesis, vision, scope, criteria, check-in rhythm, exit
 * plan and the planned duration. Pilots, sponsor, participants (and so consents), check-ins,
 * evaluations and testimonies stay with the original.
 */
export function replicaFraming(source: ReplicaSource, now: Date, timeZone: string): ReplicaFraming {
  const duration = plannedDurationDays(source);
  return {
    title: source.title,
    hypothesis: source.hypothesis,
    vision: source.vision,
    scope: source.scope,
    criteria: source.criteria.map((criterion) => ({ ...criterion })),
    checkInCadenceDays: source.checkInCadenceDays,
    exitPlan: { ...source.exitPlan },
    expiresAt: duration === null ? null : endOfLocalDayAfter(now, duration, timeZone),
  };
}

/** Why a replication is refused, or null when it may go ahead. */
export type ReplicationRefusal =
  'SOURCE_NOT_FOUND' | 'ORGANIZATION_NOT_FOUND' | 'FORBIDDEN' | 'SAME_ORGANIZATION';

/**
 * Who may replicate what where: the original is one the reader may see (its learnings shared
 * with the network, or a test they read), the target an organisation where they frame tests
 * (HR or pilot), and the two organisations differ (within one, it is an iteration).
 */
export function replicationRefusal(
  principal: Principal,
  source: ExperimentAccessFacts & { learningsShared: boolean },
  targetOrganizationId: string,
): ReplicationRefusal | null {
  if (!source.learningsShared && !canReadExperiment(principal, source)) return 'SOURCE_NOT_FOUND';
  if (!principal.memberships.some((m) => m.organizationId === targetOrganizationId))
    return 'ORGANIZATION_NOT_FOUND';
  if (!canCreateExperiment(principal, targetOrganizationId)) return 'FORBIDDEN';
  if (source.organizationId === targetOrganizationId) return 'SAME_ORGANIZATION';
  return null;
}

/** The provenance of a test as its readers see it. */
export interface ExperimentProvenance {
  /** The template it was created from, if any. */
  template: { id: string; name: string } | null;
  /** The original it replicates: which organisation, which test; a link when its learnings are shared. */
  replicatedFrom: {
    experimentId: string;
    title: string;
    organizationName: string;
    learningsShared: boolean;
  } | null;
  /**
   * How many other organisations replicated it (cancelled replicas aside), and only those that
   * shared their own learnings by name: the others stay anonymous.
   */
  replications: {
    organizations: number;
    shared: { experimentId: string; title: string; organizationName: string }[];
  };
}
