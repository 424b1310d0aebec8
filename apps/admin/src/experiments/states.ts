import type { ExperimentState } from './types';

export interface StateAppearance {
  /** Text and background, fixed in both themes: checked at 4.5:1 (RGAA 3.2) by a test. */
  text: string;
  background: string;
  /** Over, whatever the outcome: a pale chip with a border, like an outlined one. */
  over: boolean;
}

// Typed by the domain's ExperimentState, so a new state fails compilation here.
// Abandon is a legitimate outcome (DOMAIN.md, rule 2): it is not shown as an error.
const STATE_APPEARANCE: Record<ExperimentState, StateAppearance> = {
  draft: { text: '#1a1a1a', background: '#e0e0e0', over: false },
  running: { text: '#ffffff', background: '#01579b', over: false },
  evaluating: { text: '#7a3a00', background: '#fff3e0', over: false },
  deciding: { text: '#ffffff', background: '#6a1b9a', over: false },
  cancelled: { text: '#424242', background: '#f5f5f5', over: true },
  perpetuated: { text: '#1b5e20', background: '#e8f5e9', over: true },
  abandoned: { text: '#424242', background: '#f5f5f5', over: true },
  iterated: { text: '#0d47a1', background: '#e3f2fd', over: true },
};

/** Lifecycle order, as in the domain's EXPERIMENT_STATES. */
export const EXPERIMENT_STATES = Object.keys(STATE_APPEARANCE) as ExperimentState[];

export const stateLabelKey = (state: ExperimentState): string => `resources.experiments.states.${state}`;

export const stateAppearance = (state: ExperimentState): StateAppearance => STATE_APPEARANCE[state];

/** The chip's colours as MUI `sx` (evaluating keeps a visible edge on white). */
export const stateChipSx = (state: ExperimentState) => {
  const { text, background, over } = STATE_APPEARANCE[state];
  return {
    color: text,
    bgcolor: background,
    border: '1px solid',
    borderColor: over || state === 'evaluating' ? text : background,
    fontWeight: over ? 400 : 600,
  };
};

/** Choices for a SelectInput; react-admin translates the names. */
export const STATE_CHOICES = EXPERIMENT_STATES.map((state) => ({ id: state, name: stateLabelKey(state) }));
