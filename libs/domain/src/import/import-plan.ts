import { DAY_MS, endOfLocalDay, endOfLocalDayAfter, localDayAt } from '../experiment/time';
import type { LifecycleSettings } from '../organization/lifecycle-settings';
import type { ImportedExperiment } from './import-rows';

/** A checked row with the ids the import gives it (derived from its key: the same row, the same id). */
export interface PreparedImportRow extends ImportedExperiment {
  experimentId: string;
  parentId: string | null;
  /** Iteration number: the parent's plus one. */
  iteration: number;
}

/** The instants of an imported test, from the days of its row, in the organisation's time zone. */
export interface ImportTimeline {
  launchedAt: Date | null;
  expiresAt: Date | null;
  stoppedAt: Date | null;
  stopKind: 'expired' | 'early' | null;
  lastCheckInAt: Date | null;
  evaluationDueAt: Date | null;
  evaluatedAt: Date | null;
  evaluationOnTime: boolean;
  decisionDueAt: Date | null;
  decidedAt: Date | null;
  decisionOnTime: boolean;
  consentedAt: Date | null;
}

/**
 * A day of the file becomes an instant: the working morning of that day (the reminder hour)
 * for acts, the end of the day for the expiry ("an expiry given as a date means the end of
 * that day"). A stop on or after the expiry day is the expiry itself.
 */
export function importTimeline(row: ImportedExperiment, settings: LifecycleSettings): ImportTimeline {
  const zone = settings.timeZone;
  const morning = (day: string | null | undefined) =>
    day ? localDayAt(endOfLocalDay(day, zone), 0, settings.reminderHour, zone) : null;
  const expiresAt = row.expiresOn ? endOfLocalDay(row.expiresOn, zone) : null;
  let stoppedAt: Date | null = null;
  let stopKind: ImportTimeline['stopKind'] = null;
  if (row.stoppedOn) {
    const expired = row.expiresOn !== null && row.stoppedOn >= row.expiresOn;
    stopKind = expired ? 'expired' : 'early';
    stoppedAt = expired ? expiresAt : morning(row.stoppedOn);
  }
  const evaluationDueAt = stoppedAt ? endOfLocalDayAfter(stoppedAt, settings.evaluationDueDays, zone) : null;
  const evaluatedAt = morning(row.evaluation?.on);
  const decisionDueAt = evaluatedAt ? endOfLocalDayAfter(evaluatedAt, settings.decisionDueDays, zone) : null;
  const decidedAt = morning(row.decision?.on);
  return {
    launchedAt: morning(row.launchedOn),
    expiresAt,
    stoppedAt,
    stopKind,
    lastCheckInAt: morning(row.lastCheckIn?.on),
    evaluationDueAt,
    evaluatedAt,
    evaluationOnTime: !!evaluatedAt && !!evaluationDueAt && evaluatedAt <= evaluationDueAt,
    decisionDueAt,
    decidedAt,
    decisionOnTime: !!decidedAt && !!decisionDueAt && decidedAt <= decisionDueAt,
    consentedAt: morning(row.consent?.collectedOn),
  };
}

/**
 * Where the check-in cadence of an imported running test starts: its last check-in, unless
 * more than one period has passed since (the file does not say which check-ins were missed):
 * then from the import, so that a test imported after months does not fire every missed
 * reminder at once.
 */
export function importCheckInBase(lastCheckInOrLaunch: Date | null, cadenceDays: number, now: Date): Date {
  if (lastCheckInOrLaunch && now.getTime() - lastCheckInOrLaunch.getTime() < cadenceDays * DAY_MS)
    return lastCheckInOrLaunch;
  return now;
}
