import type { Criterion, ExitPlan, ExperimentState, Participant } from '@capacites/domain';
import type { ExperimentEntity } from '@capacites/persistence';

export interface ExperimentResponse {
  id: string;
  organizationId: string;
  trackId: string | null;
  title: string;
  hypothesis: string;
  hypothesisNeedsRevision: boolean;
  nextFocus: string | null;
  vision: string;
  scope: string;
  state: ExperimentState;
  criteria: Criterion[];
  pilotIds: string[];
  sponsorId: string | null;
  participants: Participant[];
  checkInCadenceDays: number | null;
  exitPlan: ExitPlan;
  launchedAt: string | null;
  expiresAt: string | null;
  originalExpiresAt: string | null;
  extensionsUsed: number;
  stoppedAt: string | null;
  stopKind: 'expired' | 'early' | null;
  evaluationDueAt: string | null;
  decisionDueAt: string | null;
  algeco: boolean;
  lastCheckInAt: string | null;
  lastWeather: string | null;
  missedCheckIns: number;
  iteration: number;
  parentId: string | null;
  childExperimentId: string | null;
  /** A launch waiting for the sponsor's or CODIR's approval: since when, asked by whom. */
  launchRequestedAt: string | null;
  launchRequestedBy: string | null;
  /** Provenance (issue 16): the template it was created from, the original it replicates. */
  templateId: string | null;
  replicatedFromId: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toExperimentResponse(e: ExperimentEntity): ExperimentResponse {
  return {
    id: e.id,
    organizationId: e.organizationId,
    trackId: e.trackId,
    title: e.title,
    hypothesis: e.hypothesis,
    hypothesisNeedsRevision: e.hypothesisNeedsRevision,
    nextFocus: e.nextFocus,
    vision: e.vision,
    scope: e.scope,
    state: e.state,
    criteria: e.criteria,
    pilotIds: e.pilotIds,
    sponsorId: e.sponsorId,
    participants: e.participants,
    checkInCadenceDays: e.checkInCadenceDays,
    exitPlan: e.exitPlan,
    launchedAt: iso(e.launchedAt),
    expiresAt: iso(e.expiresAt),
    originalExpiresAt: iso(e.originalExpiresAt),
    extensionsUsed: e.extensionsUsed,
    stoppedAt: iso(e.stoppedAt),
    stopKind: e.stopKind,
    evaluationDueAt: iso(e.evaluationDueAt),
    decisionDueAt: iso(e.decisionDueAt),
    algeco: e.algeco,
    lastCheckInAt: iso(e.lastCheckInAt),
    lastWeather: e.lastWeather,
    missedCheckIns: e.missedCheckIns,
    iteration: e.iteration,
    parentId: e.parentId,
    childExperimentId: e.childExperimentId,
    launchRequestedAt: iso(e.launchRequestedAt),
    launchRequestedBy: e.launchRequestedBy,
    templateId: e.templateId,
    replicatedFromId: e.replicatedFromId,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
