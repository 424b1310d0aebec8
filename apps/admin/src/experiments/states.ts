import type { ChipProps } from '@mui/material';
import type { ExperimentState } from './types';

interface StateAppearance {
  color: ChipProps['color'];
  /** Outlined once the test is over, whatever its outcome. */
  variant: ChipProps['variant'];
}

// Typed by the domain's ExperimentState, so a new state fails compilation here.
// Abandon is a legitimate outcome (DOMAIN.md, rule 2): it is not shown as an error.
const STATE_APPEARANCE: Record<ExperimentState, StateAppearance> = {
  draft: { color: 'default', variant: 'filled' },
  running: { color: 'info', variant: 'filled' },
  evaluating: { color: 'warning', variant: 'filled' },
  deciding: { color: 'secondary', variant: 'filled' },
  cancelled: { color: 'default', variant: 'outlined' },
  perpetuated: { color: 'success', variant: 'outlined' },
  abandoned: { color: 'default', variant: 'outlined' },
  iterated: { color: 'primary', variant: 'outlined' },
};

/** Lifecycle order, as in the domain's EXPERIMENT_STATES. */
export const EXPERIMENT_STATES = Object.keys(STATE_APPEARANCE) as ExperimentState[];

export const stateLabelKey = (state: ExperimentState): string => `resources.experiments.states.${state}`;

export const stateAppearance = (state: ExperimentState): StateAppearance => STATE_APPEARANCE[state];

/** Choices for a SelectInput; react-admin translates the names. */
export const STATE_CHOICES = EXPERIMENT_STATES.map((state) => ({ id: state, name: stateLabelKey(state) }));
