import { addWorkingDays, localDayAtHour, type WorkingCalendar } from '../calendar/working-days';
import { localDate } from './time';

/**
 * Launch approval (four-eyes): when the organisation's setting is on, a launch requested by
 * HR or a pilot waits for the sponsor's or a CODIR member's approval, never the requester's.
 * Pure rules shared by the workflow, the API and the back-office.
 */
export interface LaunchRequestInfo {
  requestedBy: string | null;
  /** ISO instant. */
  requestedAt: string;
  /** The sponsor named when it was requested: the first approver, reminded. */
  sponsorId: string | null;
  pilotIds: string[];
  /** Reminder plan frozen with the request (the organisation's settings then). */
  reminderDays: number[];
  timeZone: string;
  reminderHour: number;
  /** Public holidays where the organisation is (null: weekends only are skipped). */
  calendar?: WorkingCalendar | null;
}

/**
 * One reminder to the approvers: `days` working days after the request (weekends and the
 * organisation's public holidays skipped), at the reminder hour, local time.
 */
export interface LaunchApprovalReminder {
  days: number;
  at: Date;
  /** The last reminder reaches the CODIR too. */
  last: boolean;
}

export function launchApprovalReminders(request: LaunchRequestInfo): LaunchApprovalReminder[] {
  const days = [...new Set(request.reminderDays)].filter((d) => d > 0).sort((a, b) => a - b);
  return days.map((d, index) => ({
    days: d,
    at: localDayAtHour(
      addWorkingDays(localDate(new Date(request.requestedAt), request.timeZone), d, request.calendar ?? null),
      request.reminderHour,
      request.timeZone,
    ),
    last: index === days.length - 1,
  }));
}

/** Why a person may not approve (or refuse) a launch request, as a stable code; null if they may. */
export function launchApproverRefusal(
  request: Pick<LaunchRequestInfo, 'requestedBy'>,
  approverId: string | null,
  pilotIds: readonly string[],
): 'LAUNCH_APPROVER_IS_REQUESTER' | 'LAUNCH_APPROVER_IS_PILOT' | null {
  if (approverId !== null && approverId === request.requestedBy) return 'LAUNCH_APPROVER_IS_REQUESTER';
  if (approverId !== null && pilotIds.includes(approverId)) return 'LAUNCH_APPROVER_IS_PILOT';
  return null;
}

/** A launch waiting for its approval, as the dashboard lists it (API and back-office). */
export interface AwaitingLaunchApproval {
  id: string;
  title: string;
  organizationId: string;
  requestedAt: string;
  /** Whole days since the request. */
  daysWaiting: number;
}
