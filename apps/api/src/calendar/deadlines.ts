import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { DAY_MS, localDate } from '@capacites/domain';
import type { ExperimentEntity } from '@capacites/persistence';

export type DeadlineKind = 'expiry' | 'check-in' | 'evaluation' | 'decision';

export interface Deadline {
  kind: DeadlineKind;
  experimentId: string;
  title: string;
  /** Local calendar date (YYYY-MM-DD) in the organisation's time zone. */
  date: string;
}

const LABELS: Record<DeadlineKind, string> = {
  expiry: 'Date de péremption',
  'check-in': "Point d'étape",
  evaluation: 'Évaluation attendue',
  decision: 'Décision attendue',
};

/**
 * The deadlines of an experiment in its current state (what a calendar should hold):
 * the expiry while framed or running, the next check-in while running, the evaluation
 * or decision due date once stopped. Dates are local to the organisation.
 */
export function deadlinesOf(experiment: ExperimentEntity, timeZone: string): Deadline[] {
  const at = (kind: DeadlineKind, instant: Date | null): Deadline[] =>
    instant
      ? [{ kind, experimentId: experiment.id, title: experiment.title, date: localDate(instant, timeZone) }]
      : [];
  switch (experiment.state) {
    case 'draft':
      return at('expiry', experiment.expiresAt);
    case 'running': {
      // As the workflow's agenda: each missed check-in pushes the next one a cadence further
      // from the last check-in (or the launch), instead of leaving a date already past.
      const since = experiment.lastCheckInAt ?? experiment.launchedAt;
      const nextCheckIn =
        since && experiment.checkInCadenceDays
          ? new Date(
              since.getTime() +
                experiment.checkInCadenceDays * DAY_MS * ((experiment.missedCheckIns ?? 0) + 1),
            )
          : null;
      return [...at('check-in', nextCheckIn), ...at('expiry', experiment.expiresAt)];
    }
    case 'evaluating':
      return at('evaluation', experiment.evaluationDueAt);
    case 'deciding':
      return at('decision', experiment.decisionDueAt);
    default:
      return [];
  }
}

/**
 * A user's text made safe for the `ics` library, which escapes `\n` but leaves a lone CR
 * and other control characters as they are (a title holding `\r` or `\r\n` could then add
 * lines, even whole components, to the file): every line break becomes `\n`, which the
 * library escapes, and other control characters are dropped.
 */
export function icsSafe(text: string): string {
  return text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, '');
}

/** A TEXT value escaped as RFC 5545 §3.3.11 says, for the lines written without the library. */
export function icsText(text: string): string {
  return icsSafe(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

const dateArray = (date: string, plusDays = 0): DateArray => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};

/**
 * An iCalendar file (RFC 5545, through the `ics` library) of all-day events with stable
 * UIDs, so that importing it again updates the events instead of duplicating them.
 * The expiry carries reminders a week and a day before.
 */
export function toIcs(deadlines: Deadline[], backOfficeUrl: string, calendarName: string): string {
  // The library writes the calendar's name with its line breaks encoded only: escaped here.
  const calName = icsText(calendarName);
  if (deadlines.length === 0) {
    // `ics` refuses an empty list; an empty calendar is still a valid answer.
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Capacites//Deadlines//FR',
      `X-WR-CALNAME:${calName}`,
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const base = backOfficeUrl.replace(/\/$/, '');
  const safe: Deadline[] = deadlines.map((deadline) => ({ ...deadline, title: icsSafe(deadline.title) }));
  const attributes: EventAttributes[] = safe.map((d) => ({
    uid: `${d.kind}-${d.experimentId}@capacites`,
    title: `${LABELS[d.kind]} : ${d.title}`,
    start: dateArray(d.date),
    end: dateArray(d.date, 1),
    description: `${LABELS[d.kind]} du test « ${d.title} ».`,
    url: `${base}/#/experiments/${d.experimentId}/show`,
    categories: ['Capacités', LABELS[d.kind]],
    ...(d.kind === 'expiry'
      ? {
          alarms: [
            {
              action: 'display' as const,
              description: LABELS[d.kind],
              trigger: { hours: 7 * 24, before: true },
            },
            { action: 'display' as const, description: LABELS[d.kind], trigger: { hours: 24, before: true } },
          ],
        }
      : {}),
  }));
  const { error, value } = createEvents(attributes, {
    productId: '-//Capacites//Deadlines//FR',
    calName,
  });
  if (error || !value) throw error ?? new Error('the calendar could not be built');
  return value;
}
