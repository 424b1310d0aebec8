import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ExperimentActivities } from './experiment-lifecycle.activities';
import {
  cancelUpdate,
  initializeUpdate,
  snapshotQuery,
  type Actor,
  type ExperimentLifecycleInput,
  type ExperimentSnapshot,
} from './experiment-lifecycle.messages';
import { ExperimentLifecycleState } from './experiment-lifecycle.state';
import type { TransitionName } from '@capacites/domain';

const activities = proxyActivities<ExperimentActivities>({
  startToCloseTimeout: '30 seconds',
  // PostgreSQL may be down for a while: keep retrying with back-off, never give up a transition.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** One durable workflow per experiment, from draft to a terminal state. */
export async function experimentLifecycle(input: ExperimentLifecycleInput): Promise<ExperimentSnapshot> {
  const lifecycle = new ExperimentLifecycleState(input);

  const transition = async (name: TransitionName, actorId: string | null, reason: string | null) => {
    const { from, to, key } = lifecycle.apply(name);
    await activities.recordTransition({
      experimentId: input.experimentId,
      organizationId: input.organizationId,
      idempotencyKey: key,
      event: name,
      from,
      to,
      actorId,
      reason,
      occurredAt: new Date(Date.now()).toISOString(),
    });
    return lifecycle.snapshot();
  };

  setHandler(snapshotQuery, () => lifecycle.snapshot());

  // The creation is recorded once, whether it comes from the update or from the start.
  let creation: Promise<ExperimentSnapshot> | undefined;
  const recordCreation = () => (creation ??= transition('create', input.createdBy, null));

  setHandler(initializeUpdate, () => recordCreation());

  setHandler(
    cancelUpdate,
    async (actor) => {
      await recordCreation();
      return transition('cancel', actor.userId, actor.reason ?? null);
    },
    { validator: (_actor: Actor) => lifecycle.assertCan('cancel') },
  );

  await recordCreation();
  await condition(() => lifecycle.isTerminal);
  await condition(allHandlersFinished);
  return lifecycle.snapshot();
}
