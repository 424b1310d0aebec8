/**
 * States of an experiment ("test") through its lifecycle (DOMAIN.md, "Lifecycle").
 * The workflow is the source of truth; PostgreSQL holds a projection of it.
 */
export const EXPERIMENT_STATES = [
  'draft',
  'running',
  'evaluating',
  'deciding',
  'cancelled',
  'perpetuated',
  'abandoned',
  'iterated',
] as const;

export type ExperimentState = (typeof EXPERIMENT_STATES)[number];

export const TERMINAL_STATES: readonly ExperimentState[] = [
  'cancelled',
  'perpetuated',
  'abandoned',
  'iterated',
];

export function isTerminalState(state: ExperimentState): boolean {
  return TERMINAL_STATES.includes(state);
}

export function isExperimentState(value: unknown): value is ExperimentState {
  return typeof value === 'string' && (EXPERIMENT_STATES as readonly string[]).includes(value);
}

/** The transitions the lifecycle allows, by name, with their source and target states. */
export const TRANSITIONS = {
  create: { from: [] as ExperimentState[], to: 'draft' },
  launch: { from: ['draft'], to: 'running' },
  cancel: { from: ['draft'], to: 'cancelled' },
  expire: { from: ['running'], to: 'evaluating' },
  stopEarly: { from: ['running'], to: 'evaluating' },
  submitEvaluation: { from: ['evaluating'], to: 'deciding' },
  decideIterate: { from: ['deciding'], to: 'iterated' },
  decidePerpetuate: { from: ['deciding'], to: 'perpetuated' },
  decideAbandon: { from: ['deciding'], to: 'abandoned' },
} as const satisfies Record<string, { from: readonly ExperimentState[]; to: ExperimentState }>;

export type TransitionName = keyof typeof TRANSITIONS;

export function canTransition(name: TransitionName, from: ExperimentState | null): boolean {
  const allowed: readonly ExperimentState[] = TRANSITIONS[name].from;
  return from === null ? allowed.length === 0 : allowed.includes(from);
}
