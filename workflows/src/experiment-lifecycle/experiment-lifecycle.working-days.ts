import {
  addWorkingDays,
  endOfLocalDayAfter,
  endOfWorkingDayAfter,
  localDate,
  localDayAt,
  localDayAtHour,
  onPreviousWorkingDay,
  type LifecycleSettings,
  type WorkingCalendar,
  type WorkingDayDuration,
} from '@capacites/domain';
import type { AgendaEvent, LifecycleData } from './experiment-lifecycle.messages';

/**
 * Working days in the lifecycle (issue 15, item 5): due dates counted in working days when
 * the organisation says so, and reminders that never fall on a weekend or a public holiday
 * (moved to the previous working day). Only for tests launched with a holiday table
 * (`LaunchRequest.calendar`, kept from the patch `working-days-calendar` on): older tests
 * and their histories keep calendar days.
 */

const counts = (settings: LifecycleSettings, duration: WorkingDayDuration): boolean =>
  (settings.workingDayDurations ?? []).includes(duration);

/** The evaluation's or decision's due date, `days` (calendar or working) after `from`. */
export function dueDateAfter(
  from: Date,
  settings: LifecycleSettings,
  duration: 'evaluationDue' | 'decisionDue',
  calendar: WorkingCalendar | null | undefined,
): Date {
  const days = duration === 'evaluationDue' ? settings.evaluationDueDays : settings.decisionDueDays;
  if (calendar && counts(settings, duration))
    return endOfWorkingDayAfter(from, days, settings.timeZone, calendar);
  return endOfLocalDayAfter(from, days, settings.timeZone);
}

/** A reminder `days` before a deadline, at the reminder hour, on a working day. */
export function reminderBefore(
  deadline: Date,
  days: number,
  settings: LifecycleSettings,
  calendar: WorkingCalendar | null | undefined,
): Date {
  if (!calendar) return localDayAt(deadline, -days, settings.reminderHour, settings.timeZone);
  if (counts(settings, 'reminders')) {
    const day = addWorkingDays(localDate(deadline, settings.timeZone), -days, calendar);
    return localDayAtHour(day, settings.reminderHour, settings.timeZone);
  }
  const at = localDayAt(deadline, -days, settings.reminderHour, settings.timeZone);
  return onPreviousWorkingDay(at, settings.timeZone, calendar);
}

const REMINDERS: ReadonlySet<AgendaEvent['kind']> = new Set([
  'preExpiryReminder',
  'checkInDue',
  'evaluationReminder',
  'decisionReminder',
]);

/**
 * The agenda on working days: each reminder at its working-day instant. Keys stay those of
 * the calendar-day agenda, so that a reminder already handled is never sent twice.
 * Deadlines (expiry, overdue, Algeco) keep their instant: a test stops at its date.
 */
export function onWorkingDays(data: LifecycleData, events: AgendaEvent[]): AgendaEvent[] {
  const calendar = data.calendar;
  const settings = data.settings;
  if (!calendar || !settings) return events;
  const deadlineOf = (event: AgendaEvent): string | null => {
    if (event.kind === 'preExpiryReminder') return data.expiresAt;
    if (event.kind === 'evaluationReminder') return data.evaluationDueAt;
    if (event.kind === 'decisionReminder') return data.decisionDueAt;
    return null;
  };
  return events.map((event) => {
    if (!REMINDERS.has(event.kind)) return event;
    const deadline = deadlineOf(event);
    const at =
      deadline && event.days !== undefined
        ? reminderBefore(new Date(deadline), event.days, settings, calendar)
        : onPreviousWorkingDay(new Date(event.at), settings.timeZone, calendar);
    return { ...event, at: at.toISOString() };
  });
}
