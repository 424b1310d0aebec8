// The contract of the activities the lifecycle workflow calls. Types only: the worker
// implements them (apps/worker/src/activities), the workflow imports them with `import type`.
import type {
  CheckInInput,
  Criterion,
  DecisionInput,
  EvaluationInput,
  ExperimentState,
  LifecycleSettings,
  Participant,
} from '@capacites/domain';
import type { CriteriaAmendment } from './experiment-lifecycle.messages';

/** Projection fields of the experiment row that a transition changes. */
export interface ExperimentPatch {
  launchedAt?: string | null;
  expiresAt?: string | null;
  originalExpiresAt?: string | null;
  extensionsUsed?: number;
  stoppedAt?: string | null;
  stopKind?: 'expired' | 'early' | null;
  evaluationDueAt?: string | null;
  decisionDueAt?: string | null;
  algeco?: boolean;
  missedCheckIns?: number;
  lastCheckInAt?: string | null;
  lastWeather?: string | null;
  /** Frozen at launch: criteria and settings. */
  criteria?: Criterion[];
  settingsSnapshot?: LifecycleSettings;
  childExperimentId?: string | null;
  /** A participant withdrew while running: the participants with their consent. */
  participants?: Participant[];
  /** Reassigned while under way. */
  pilotIds?: string[];
  sponsorId?: string | null;
  /** A launch request waiting for its approval (null once decided or withdrawn). */
  launchRequestedAt?: string | null;
  launchRequestedBy?: string | null;
}

export interface RecordTransitionInput {
  experimentId: string;
  organizationId: string;
  /** Unique per recorded event of this experiment, so a retried activity never writes twice. */
  idempotencyKey: string;
  event: string;
  from: ExperimentState | null;
  to: ExperimentState;
  actorId: string | null;
  reason: string | null;
  /** When it happened, in workflow time. */
  occurredAt: string;
  details?: Record<string, unknown>;
  patch?: ExperimentPatch;
  checkIn?: CheckInInput;
  evaluation?: EvaluationInput & {
    onTime: boolean;
    criteriaAtLaunch: Criterion[];
    amendments: CriteriaAmendment[];
  };
  decision?: DecisionInput & { onTime: boolean; childExperimentId: string | null };
  amendment?: { criteria: Criterion[]; reason: string };
  /** The notifications this event sends, written in the same transaction. */
  notice?: TransitionNotice;
}

export type NotificationEvent =
  | 'launched'
  | 'cancelled'
  | 'preExpiryReminder'
  | 'checkInDue'
  | 'checkInsMissed'
  | 'extensionRequested'
  | 'extensionApproved'
  | 'extensionRefused'
  | 'stopped'
  | 'evaluationReminder'
  | 'evaluationOverdue'
  | 'evaluationAlgeco'
  | 'evaluationSubmitted'
  | 'decisionReminder'
  | 'decisionOverdue'
  | 'decisionAlgeco'
  | 'decided'
  | 'criteriaAmended'
  | 'consentWithdrawn'
  | 'launchApprovalRequested'
  | 'launchApprovalReminder'
  | 'launchApproved'
  | 'launchRefused'
  | 'launchRequestWithdrawn'
  | 'experimentOrphaned'
  | 'peopleAssigned'
  | 'peopleUnassigned'
  // Questionnaires (issue 14): opened (participants), J-3 reminder (those who have not answered), closed (pilots).
  | 'questionnaireOpened'
  | 'questionnaireReminder'
  | 'questionnaireClosed';

export interface NotifyInput {
  experimentId: string;
  organizationId: string;
  /** Unique per event of this experiment: one notification per (key, recipient). */
  idempotencyKey: string;
  event: NotificationEvent;
  /** Named people (pilots, sponsor, participants) and organisation roles (codir, hr). */
  recipients: { userIds: string[]; roles: ('codir' | 'hr')[] };
  /** What the template needs: dates as ISO instants, days, reason, outcome… */
  data: Record<string, string | number | boolean | null>;
  /** The back-office path the notice links to (default: the experiment's page). */
  linkPath?: string;
}

export interface CreateIterationInput {
  parentId: string;
  newExperimentId: string;
  organizationId: string;
  createdBy: string | null;
  /** What the next iteration tests; the framing is copied from the parent, its hypothesis marked for revision. */
  nextFocus: string | null;
}

export interface ExperimentActivities {
  recordTransition(input: RecordTransitionInput): Promise<void>;
  notify(input: NotifyInput): Promise<void>;
  createIterationDraft(input: CreateIterationInput): Promise<void>;
}

/** A notification sent with a recorded event: the experiment and organisation are the event's. */
export type TransitionNotice = Omit<NotifyInput, 'experimentId' | 'organizationId'>;
