import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';

/** What a Schedule's state may be set to here: paused or not, and its note. */
interface ScheduleStateSetting {
  paused?: boolean;
  note?: string;
}

/**
 * Creates a Temporal Schedule, or brings an existing one's spec and action up to date, and its
 * paused state and note when `updateState` says so (otherwise an operator's pause or note
 * stays). Its policies are set at creation only.
 */
export async function ensureSchedule(
  client: Client,
  options: Pick<ScheduleOptions, 'scheduleId' | 'spec' | 'action' | 'policies'> & {
    state?: ScheduleStateSetting;
    updateState?: ScheduleStateSetting;
  },
): Promise<void> {
  const { updateState, ...created } = options;
  try {
    await client.schedule.create(created);
    return;
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(options.scheduleId).update((previous) => ({
    ...previous,
    spec: options.spec,
    action: options.action,
    ...(updateState ? { state: { ...previous.state, ...updateState } } : {}),
  }));
}
