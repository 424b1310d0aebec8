// The expiry storm's baseline: the least a workflow can do to "stop at its date" — sleep
// until the instant, then run one activity that does nothing. Bundled on its own (never
// part of the product's bundle) and run by bare-worker.ts with the product's settings.
import { proxyActivities, sleep } from '@temporalio/workflow';

export interface BareActivities {
  noop(id: string): Promise<void>;
}

// The same timeouts and retry policy as the lifecycle workflow's activities.
const { noop } = proxyActivities<BareActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const BARE_WORKFLOW = 'bareExpiry';

export interface BareExpiryInput {
  id: string;
  /** ISO instant at which to wake up. */
  at: string;
}

export async function bareExpiry(input: BareExpiryInput): Promise<void> {
  await sleep(Math.max(1, new Date(input.at).getTime() - Date.now()));
  await noop(input.id);
}
