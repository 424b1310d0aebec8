// The contract of the activities the lifecycle workflow calls. Types only: the worker
// implements them (apps/worker/src/activities), the workflow imports them with `import type`.
import type { ExperimentState } from '@capacites/domain';

export interface RecordTransitionInput {
  experimentId: string;
  organizationId: string;
  /** Unique per transition of this experiment, so a retried activity never writes twice. */
  idempotencyKey: string;
  event: string;
  from: ExperimentState | null;
  to: ExperimentState;
  actorId: string | null;
  reason: string | null;
  /** When the transition happened, in workflow time. */
  occurredAt: string;
}

export interface ExperimentActivities {
  recordTransition(input: RecordTransitionInput): Promise<void>;
}
