// Messages of the experiment lifecycle workflow: its name, task queue, input and the
// updates and queries the API sends. The API imports this file, never the workflow.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ExperimentState } from '@capacites/domain';

export const EXPERIMENT_LIFECYCLE_WORKFLOW = 'experimentLifecycle';
export const DEFAULT_TASK_QUEUE = 'capacites-experiments';

export interface ExperimentLifecycleInput {
  experimentId: string;
  organizationId: string;
  /** The user who created the experiment; null when the system did (an iteration). */
  createdBy: string | null;
}

/** Who asks for a transition, and why. */
export interface Actor {
  userId: string | null;
  reason?: string;
}

export interface ExperimentSnapshot {
  experimentId: string;
  state: ExperimentState;
  /** Monotonic counter of recorded transitions (also used for idempotency keys). */
  version: number;
}

/** Confirms the creation: answers once the draft is recorded in PostgreSQL. */
export const initializeUpdate = defineUpdate<ExperimentSnapshot, []>('initialize');

/** Cancels a draft. */
export const cancelUpdate = defineUpdate<ExperimentSnapshot, [Actor]>('cancel');

export const snapshotQuery = defineQuery<ExperimentSnapshot>('snapshot');
