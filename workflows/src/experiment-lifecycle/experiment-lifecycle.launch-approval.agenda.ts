import { launchApprovalReminders } from '@capacites/domain';
import type { AgendaEvent, LifecycleData } from './experiment-lifecycle.messages';

/** The approvers' reminders while a request waits: workflow timers, planned from the request. */
export function launchApprovalAgenda(data: LifecycleData): AgendaEvent[] {
  const pending = data.pendingLaunch;
  if (data.state !== 'draft' || !pending) return [];
  return launchApprovalReminders(pending).map((reminder) => ({
    key: `launchApproval:${reminder.days}:${pending.requestedAt}`,
    kind: 'launchApprovalReminder' as const,
    at: reminder.at.toISOString(),
    skippable: true,
    days: reminder.days,
  }));
}
