import {
  canTransition,
  isTerminalState,
  type ExperimentState,
  type TransitionName,
  TRANSITIONS,
} from '@capacites/domain';
import type { ExperimentLifecycleInput, ExperimentSnapshot } from './experiment-lifecycle.messages';

/** The workflow's state, kept in a small plain class so that it can be carried across continue-as-new. */
export class ExperimentLifecycleState {
  state: ExperimentState | null = null;
  version = 0;

  constructor(readonly input: ExperimentLifecycleInput) {}

  get isTerminal(): boolean {
    return this.state !== null && isTerminalState(this.state);
  }

  /** Throws a readable error when the transition is not allowed from the current state. */
  assertCan(name: TransitionName): void {
    if (!canTransition(name, this.state)) {
      throw new Error(`"${name}" is not allowed while the experiment is ${this.state ?? 'not created yet'}`);
    }
  }

  apply(name: TransitionName): { from: ExperimentState | null; to: ExperimentState; key: string } {
    this.assertCan(name);
    const from = this.state;
    const to = TRANSITIONS[name].to;
    this.state = to;
    this.version += 1;
    return { from, to, key: `${this.input.experimentId}:${this.version}:${name}` };
  }

  snapshot(): ExperimentSnapshot {
    return { experimentId: this.input.experimentId, state: this.state ?? 'draft', version: this.version };
  }
}
