import type {
  CreateIterationInput,
  ExperimentActivities,
  NotifyInput,
  RecordTransitionInput,
} from '../../src/experiment-lifecycle/experiment-lifecycle.activities';

export interface FakeActivities extends ExperimentActivities {
  transitions: RecordTransitionInput[];
  notifications: NotifyInput[];
  iterations: CreateIterationInput[];
  /** Events in the order they were recorded, e.g. "launch", "notify:stopped". */
  timeline(): string[];
}

/** In-memory activities: a fake of the worker's, idempotent by key like the real ones. */
export function fakeActivities(): FakeActivities {
  const transitions: RecordTransitionInput[] = [];
  const notifications: NotifyInput[] = [];
  const iterations: CreateIterationInput[] = [];
  const order: string[] = [];
  const notify = (input: NotifyInput) => {
    if (notifications.some((n) => n.idempotencyKey === input.idempotencyKey)) return;
    notifications.push(input);
    order.push(`notify:${input.event}`);
  };
  return {
    transitions,
    notifications,
    iterations,
    timeline: () => [...order],
    async recordTransition(input) {
      if (transitions.some((t) => t.idempotencyKey === input.idempotencyKey)) return;
      transitions.push(input);
      order.push(input.event);
      // The worker writes the event's notice in the same transaction.
      if (input.notice)
        notify({ ...input.notice, experimentId: input.experimentId, organizationId: input.organizationId });
    },
    async notify(input) {
      notify(input);
    },
    async createIterationDraft(input) {
      if (!iterations.some((i) => i.newExperimentId === input.newExperimentId)) iterations.push(input);
    },
  };
}
