// When a published questionnaire is open, from the test's state: pure and zod-free, used by
// the experiment's workflow (its timers) and by the API (what it shows before the workflow
// answers). Dates are ISO instants.
import { localDayAt } from '../experiment/time';
import { QUESTIONNAIRE_REMINDER_DAYS, type QuestionnaireAudience, type QuestionnaireWindowKind } from './questionnaire.types';

/** The window as the workflow holds it: custom days already turned into instants by the API. */
export interface QuestionnaireWindowSpec {
  kind: QuestionnaireWindowKind;
  /** custom only. */
  opensAt?: string | null;
  closesAt?: string | null;
}

/** What the window depends on in the test's lifecycle. */
export interface WindowFacts {
  state: string | null;
  launchedAt: string | null;
  expiresAt: string | null;
  stoppedAt: string | null;
  evaluationDueAt: string | null;
  evaluationSubmittedAt: string | null;
  /** When the test reached a terminal state (cancelled or decided), if it did. */
  closedAt: string | null;
}

const earliest = (...dates: (string | null | undefined)[]): string | null => {
  const known = dates.filter((d): d is string => typeof d === 'string');
  if (known.length === 0) return null;
  return known.reduce((a, b) => (new Date(a).getTime() <= new Date(b).getTime() ? a : b));
};
const latest = (a: string, b: string) => (new Date(a).getTime() >= new Date(b).getTime() ? a : b);

/**
 * Effective opening and closing instants, or null while unknown (a `run` window before the
 * launch, an `evaluation` window before the stop). `publishedAt` bounds the opening: a window
 * never opens before its questionnaire is published. The closing is bounded by the test's end.
 */
export function resolveWindow(
  spec: QuestionnaireWindowSpec,
  facts: WindowFacts,
  publishedAt: string,
  audience: QuestionnaireAudience = 'public',
): { opensAt: string | null; closesAt: string | null } {
  let opensAt: string | null = null;
  let closesAt: string | null = null;
  if (spec.kind === 'run') {
    opensAt = facts.launchedAt ? latest(facts.launchedAt, publishedAt) : null;
    closesAt = facts.launchedAt ? earliest(facts.stoppedAt ?? facts.expiresAt, facts.closedAt) : null;
  } else if (spec.kind === 'evaluation') {
    opensAt = facts.stoppedAt ? latest(facts.stoppedAt, publishedAt) : null;
    closesAt = facts.stoppedAt
      ? earliest(facts.evaluationSubmittedAt ?? facts.evaluationDueAt, facts.closedAt)
      : facts.closedAt;
  } else {
    opensAt = spec.opensAt ? latest(spec.opensAt, publishedAt) : publishedAt;
    // The participants are known at launch: their questionnaire never opens before it (the
    // public may answer before, a baseline of "before the test").
    if (audience === 'participants') opensAt = facts.launchedAt ? latest(opensAt, facts.launchedAt) : null;
    closesAt = earliest(spec.closesAt, facts.closedAt);
  }
  // A test cancelled in draft closes what never opened.
  if (!opensAt && facts.closedAt) closesAt = facts.closedAt;
  return { opensAt, closesAt };
}

/** J-3 before closing, at the organisation's reminder hour: only for participants, only inside the window. */
export function reminderAt(
  audience: QuestionnaireAudience,
  window: { opensAt: string | null; closesAt: string | null },
  reminderHour: number,
  timeZone: string,
): string | null {
  if (audience !== 'participants' || !window.opensAt || !window.closesAt) return null;
  const at = localDayAt(new Date(window.closesAt), -QUESTIONNAIRE_REMINDER_DAYS, reminderHour, timeZone);
  if (at.getTime() <= new Date(window.opensAt).getTime()) return null;
  if (at.getTime() >= new Date(window.closesAt).getTime()) return null;
  return at.toISOString();
}

/** States of the test in which a questionnaire may be built and published, by window kind. */
export const QUESTIONNAIRE_OPEN_STATES: Readonly<Record<QuestionnaireWindowKind, readonly string[]>> = {
  run: ['draft', 'running'],
  evaluation: ['draft', 'running', 'evaluating'],
  custom: ['draft', 'running', 'evaluating'],
};

export function canBuildQuestionnaireIn(kind: QuestionnaireWindowKind, state: string): boolean {
  return QUESTIONNAIRE_OPEN_STATES[kind].includes(state);
}
