import type {
  ExperimentActivities,
  RecordTransitionInput,
} from '../../src/experiment-lifecycle/experiment-lifecycle.activities';

/** In-memory activities: a fake of the worker's, recording every call (idempotently, like the real ones). */
export function fakeActivities(): ExperimentActivities & { transitions: RecordTransitionInput[] } {
  const transitions: RecordTransitionInput[] = [];
  return {
    transitions,
    async recordTransition(input) {
      if (!transitions.some((t) => t.idempotencyKey === input.idempotencyKey)) transitions.push(input);
    },
  };
}
