import { DAY_MS, localDayAt } from '@capacites/domain';
import type { AgendaEvent, LifecycleData } from './experiment-lifecycle.messages';
import { launchApprovalAgenda } from './experiment-lifecycle.launch-approval.agenda';
import { onWorkingDays } from './experiment-lifecycle.working-days';

/**
 * Everything the workflow will do by itself from now on, computed from its state:
 * reminders, the expiry, check-in reminders, escalations. Pure: the workflow waits for
 * the earliest event not yet handled, and recomputes after every change, so that an
 * extension moves the expiry and its reminders, a check-in resets its cadence…
 */
export function computeAgenda(data: LifecycleData): AgendaEvent[] {
  const settings = data.settings;
  // A launch waiting for its approval: reminders to the approvers, before any settings exist.
  const approval = launchApprovalAgenda(data);
  if (!settings) return approval;
  const events: AgendaEvent[] = [...approval];
  const zone = settings.timeZone;
  const hour = settings.reminderHour;

  if (data.state === 'running' && data.expiresAt) {
    const expiresAt = new Date(data.expiresAt);
    for (const days of settings.preExpiryReminderDays) {
      const at = localDayAt(expiresAt, -days, hour, zone);
      events.push({
        key: `preExpiry:${days}:${data.expiresAt}`,
        kind: 'preExpiryReminder',
        at: at.toISOString(),
        skippable: true,
        days,
      });
    }
    events.push({ key: `expiry:${data.expiresAt}`, kind: 'expiry', at: data.expiresAt, skippable: false });
    const cadence = data.checkInCadenceDays;
    const base = data.lastCheckInAt ?? data.launchedAt;
    if (cadence && base) {
      const due = new Date(new Date(base).getTime() + cadence * DAY_MS * (data.missedCheckIns + 1));
      if (due.getTime() < expiresAt.getTime()) {
        events.push({
          key: `checkIn:${due.toISOString()}`,
          kind: 'checkInDue',
          at: due.toISOString(),
          skippable: false,
        });
      }
    }
  }

  const dueEvents = (prefix: 'evaluation' | 'decision', dueAt: string | null): AgendaEvent[] => {
    if (!dueAt) return [];
    const due = new Date(dueAt);
    const list: AgendaEvent[] = settings.dueReminderDays.map((days) => ({
      key: `${prefix}Reminder:${days}:${dueAt}`,
      kind: `${prefix}Reminder` as const,
      at: localDayAt(due, -days, hour, zone).toISOString(),
      skippable: true,
      days,
    }));
    list.push({
      key: `${prefix}Overdue:${dueAt}`,
      kind: `${prefix}Overdue` as const,
      at: dueAt,
      skippable: false,
    });
    list.push({
      key: `${prefix}Algeco:${dueAt}`,
      kind: `${prefix}Algeco` as const,
      at: new Date(due.getTime() + settings.codirEscalationDays * DAY_MS).toISOString(),
      skippable: false,
      days: settings.codirEscalationDays,
    });
    return list;
  };
  if (data.state === 'evaluating') events.push(...dueEvents('evaluation', data.evaluationDueAt));
  if (data.state === 'deciding') events.push(...dueEvents('decision', data.decisionDueAt));

  return onWorkingDays(data, events).sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : 1,
  );
}

/** Events still to come: neither fired nor dropped. */
export function pendingEvents(data: LifecycleData): AgendaEvent[] {
  return computeAgenda(data).filter((event) => !data.handledEvents.includes(event.key));
}
