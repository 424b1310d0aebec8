// "Mes tâches" (GET /api/me/tasks): one shape for the API and the back-office. No zod, no I/O.

export const TASK_KINDS = [
  'launch',
  'check-in',
  'evaluation',
  'decision',
  'extension-approval',
  'launch-approval',
  'reassignment',
  'questionnaire',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** One thing the current user has to do now, on one test. */
export interface MyTask {
  /** `<kind>:<experimentId>`, or `questionnaire:<questionnaireId>`: stable for react-admin. */
  id: string;
  kind: TaskKind;
  experimentId: string;
  organizationId: string;
  /** The test's title. */
  title: string;
  /** When it falls due (a questionnaire: when it closes); null when undated. */
  dueAt: string | null;
  overdue: boolean;
  /**
   * A participants' questionnaire open to the caller (kind `questionnaire`): which one, and
   * whether they have answered it already (then it is no longer to do, but the answer may
   * still be changed until it closes).
   */
  questionnaire?: { id: string; title: string; answered: boolean };
}
