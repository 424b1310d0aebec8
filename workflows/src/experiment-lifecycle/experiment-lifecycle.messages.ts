// Messages of the experiment lifecycle workflow: its name, task queue, input, and the
// updates and queries the API sends. The API imports this file, never the workflow.
import type { Actor } from './experiment-lifecycle.actor';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AllowedAction,
  CheckInInput,
  Criterion,
  DecisionInput,
  EvaluationInput,
  ExperimentFraming,
  ExperimentState,
  LaunchRequestInfo,
  LifecycleSettings,
  Outcome,
  Verdict,
  WorkingCalendar,
} from '@capacites/domain';
import type { QuestionnaireWindowState } from './experiment-lifecycle.questionnaires.messages';

export const EXPERIMENT_LIFECYCLE_WORKFLOW = 'experimentLifecycle';
export const DEFAULT_TASK_QUEUE = 'capacites-experiments';

export interface ExperimentLifecycleInput {
  experimentId: string;
  organizationId: string;
  /** The user who created the experiment; null when the system did (an iteration). */
  createdBy: string | null;
  /** Set when continuing as new: the state carried over. */
  carried?: LifecycleData;
  /**
   * Continue-as-new once the history holds this many events (default 2,000, well
   * before Temporal's 10,240 warning); tests lower it to exercise the carry-over.
   */
  historyLimit?: number;
  /** Set by a spreadsheet import: `carried` was built from the row (experiment-lifecycle.import.ts). */
  imported?: boolean;
}

/** Who asks for a transition (in a file of its own: the modules' messages use it too). */
export type { Actor };

export interface LaunchRequest {
  actor: Actor;
  framing: ExperimentFraming;
  /** The organisation's settings at launch, kept for the whole test. */
  settings: LifecycleSettings;
  /** Public holidays where the organisation is, over the years the test may last (working days). */
  calendar?: WorkingCalendar;
}

export interface ExtensionRequest {
  actor: Actor;
  /** ISO instant (end of the local day, computed by the API in the organisation's zone). */
  newExpiresAt: string;
  justification: string;
}

export interface CheckInRequest {
  actor: Actor;
  checkIn: CheckInInput;
}

export interface EvaluationRequest {
  actor: Actor;
  evaluation: EvaluationInput;
}

export interface DecisionRequest {
  actor: Actor;
  decision: DecisionInput;
}

export interface CriteriaAmendmentRequest {
  actor: Actor;
  criteria: Criterion[];
  reason: string;
}

/** A participant withdraws their own consent while the test runs (actor = the participant). */
export interface ConsentWithdrawalRequest {
  actor: Actor;
}

export interface PendingExtension {
  requestedBy: string | null;
  requestedAt: string;
  newExpiresAt: string;
  justification: string;
}

export interface CriteriaAmendment {
  amendedAt: string;
  amendedBy: string | null;
  reason: string;
  criteria: Criterion[];
}

/** The workflow's whole state: small, plain, carried across continue-as-new. */
export interface LifecycleData {
  experimentId: string;
  organizationId: string;
  createdBy: string | null;
  state: ExperimentState | null;
  /** Count of recorded transitions and events (idempotency keys derive from it). */
  version: number;
  settings: LifecycleSettings | null;
  framing: ExperimentFraming | null;
  /** Criteria fixed at launch; amendments are recorded beside them, never silently. */
  criteriaAtLaunch: Criterion[];
  amendments: CriteriaAmendment[];
  launchedAt: string | null;
  expiresAt: string | null;
  originalExpiresAt: string | null;
  extensionsUsed: number;
  pendingExtension: PendingExtension | null;
  checkInCadenceDays: number | null;
  lastCheckInAt: string | null;
  checkInCount: number;
  missedCheckIns: number;
  stoppedAt: string | null;
  stopKind: 'expired' | 'early' | null;
  evaluationDueAt: string | null;
  evaluationSubmittedAt: string | null;
  verdict: Verdict | null;
  decisionDueAt: string | null;
  outcome: Outcome | null;
  childExperimentId: string | null;
  /** Agenda events already handled (fired, or skipped because past when planned). */
  handledEvents: string[];
  algeco: boolean;
  /** A launch waiting for its approval (four-eyes setting); absent in states carried before it. */
  pendingLaunch?: LaunchRequestInfo | null;
  /** Pilots or sponsor reported disabled or gone from the organisation, until reassigned. */
  departedPeople?: string[];
  /** Public holidays kept from the launch: reminders on working days, durations in working days. */
  calendar?: WorkingCalendar | null;
  /** Published questionnaires and their windows (issue 14); absent in histories before them. */
  questionnaires?: QuestionnaireWindowState[];
}

export type AgendaKind =
  | 'preExpiryReminder'
  | 'expiry'
  | 'checkInDue'
  | 'evaluationReminder'
  | 'evaluationOverdue'
  | 'evaluationAlgeco'
  | 'decisionReminder'
  | 'decisionOverdue'
  | 'decisionAlgeco'
  | 'launchApprovalReminder';

export interface AgendaEvent {
  key: string;
  kind: AgendaKind;
  /** ISO instant. */
  at: string;
  /** Reminders past when planned are dropped; deadlines always fire. */
  skippable: boolean;
  /** Days before (reminders) or after (escalations) the deadline, when relevant. */
  days?: number;
}

export interface ExperimentStatus {
  experimentId: string;
  state: ExperimentState;
  version: number;
  deadlines: {
    expiresAt: string | null;
    originalExpiresAt: string | null;
    nextCheckInDueAt: string | null;
    evaluationDueAt: string | null;
    decisionDueAt: string | null;
  };
  nextReminders: AgendaEvent[];
  allowedActions: AllowedAction[];
  pendingExtension: PendingExtension | null;
  extensionsUsed: number;
  missedCheckIns: number;
  algeco: boolean;
  amendments: CriteriaAmendment[];
  childExperimentId: string | null;
  /** The launch request waiting for its approval, if any. */
  launchRequest: LaunchRequestInfo | null;
  /** Pilots or sponsor reported gone, not reassigned yet. */
  departedPeople: string[];
}

/** The short answer of every transition. */
export interface ExperimentSnapshot {
  experimentId: string;
  state: ExperimentState;
  version: number;
}

/** Confirms the creation: answers once the draft is recorded in PostgreSQL. */
export const initializeUpdate = defineUpdate<ExperimentSnapshot, []>('initialize');
export const launchUpdate = defineUpdate<ExperimentSnapshot, [LaunchRequest]>('launch');
export const cancelUpdate = defineUpdate<ExperimentSnapshot, [Actor]>('cancel');
export const recordCheckInUpdate = defineUpdate<ExperimentSnapshot, [CheckInRequest]>('recordCheckIn');
export const requestExtensionUpdate = defineUpdate<ExperimentSnapshot, [ExtensionRequest]>(
  'requestExtension',
);
export const approveExtensionUpdate = defineUpdate<ExperimentSnapshot, [Actor]>('approveExtension');
export const refuseExtensionUpdate = defineUpdate<ExperimentSnapshot, [Actor]>('refuseExtension');
export const stopEarlyUpdate = defineUpdate<ExperimentSnapshot, [Actor]>('stopEarly');
export const amendCriteriaUpdate = defineUpdate<ExperimentSnapshot, [CriteriaAmendmentRequest]>(
  'amendCriteria',
);
export const submitEvaluationUpdate = defineUpdate<ExperimentSnapshot, [EvaluationRequest]>(
  'submitEvaluation',
);
export const decideUpdate = defineUpdate<ExperimentSnapshot, [DecisionRequest]>('decide');
export const withdrawConsentUpdate = defineUpdate<ExperimentSnapshot, [ConsentWithdrawalRequest]>(
  'withdrawConsent',
);

export const snapshotQuery = defineQuery<ExperimentSnapshot>('snapshot');
export const statusQuery = defineQuery<ExperimentStatus>('status');
