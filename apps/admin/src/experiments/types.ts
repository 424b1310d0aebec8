import type { Criterion, ExitPlan, ExperimentState, Participant, Weather } from '@capacites/domain';
import type { RaRecord } from 'react-admin';

export type { ExperimentState };

/** An experiment ("test") as GET /api/experiments returns it (the API's ExperimentResponse). */
export interface Experiment extends RaRecord<string> {
  organizationId: string;
  trackId: string | null;
  title: string;
  hypothesis: string;
  /** Set on a new iteration: its hypothesis, copied from the parent, must be revised. */
  hypothesisNeedsRevision?: boolean;
  nextFocus?: string | null;
  vision: string;
  scope: string;
  state: ExperimentState;
  criteria?: Criterion[];
  pilotIds?: string[];
  sponsorId?: string | null;
  participants?: Participant[];
  checkInCadenceDays?: number | null;
  exitPlan?: ExitPlan;
  launchedAt?: string | null;
  expiresAt: string | null;
  originalExpiresAt?: string | null;
  extensionsUsed?: number;
  stoppedAt?: string | null;
  stopKind?: 'expired' | 'early' | null;
  evaluationDueAt?: string | null;
  decisionDueAt?: string | null;
  algeco?: boolean;
  lastCheckInAt?: string | null;
  lastWeather?: Weather | null;
  missedCheckIns?: number;
  iteration: number;
  parentId: string | null;
  childExperimentId?: string | null;
  /** A launch waiting for the sponsor's or CODIR's approval: since when, asked by whom. */
  launchRequestedAt?: string | null;
  launchRequestedBy?: string | null;
  /** Provenance (issue 16): the template it was created from, the original it replicates. */
  templateId?: string | null;
  replicatedFromId?: string | null;
  createdAt: string;
  updatedAt: string;
}
