import { daysBetween } from '@capacites/domain';
import type { Experiment } from '../types';

export type DeadlineKind = 'expiry' | 'evaluation' | 'decision';

/** The date the experiment is heading to now, by state: its expiry, then the evaluation, then the decision. */
export interface Deadline {
  kind: DeadlineKind;
  at: string;
}

export function currentDeadline(
  experiment: Pick<Experiment, 'state' | 'expiresAt' | 'evaluationDueAt' | 'decisionDueAt'>,
): Deadline | null {
  switch (experiment.state) {
    case 'running':
      return experiment.expiresAt ? { kind: 'expiry', at: experiment.expiresAt } : null;
    case 'evaluating':
      return experiment.evaluationDueAt ? { kind: 'evaluation', at: experiment.evaluationDueAt } : null;
    case 'deciding':
      return experiment.decisionDueAt ? { kind: 'decision', at: experiment.decisionDueAt } : null;
    default:
      return null;
  }
}

export interface Countdown {
  overdue: boolean;
  /** Whole days left (rounded up, "J-12") or overdue (rounded up, "dépassé de 5 jours"). */
  days: number;
}

/** Same rounding as the API's dashboard (daysBetween), so both show the same number. */
export function countdown(deadline: Date, now: Date): Countdown {
  if (deadline.getTime() < now.getTime()) return { overdue: true, days: daysBetween(deadline, now) };
  return { overdue: false, days: daysBetween(now, deadline) };
}
