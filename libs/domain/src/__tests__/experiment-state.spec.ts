import {
  canTransition,
  isExperimentState,
  isTerminalState,
  TRANSITIONS,
} from '../experiment/experiment-state';

describe('experiment lifecycle rules', () => {
  it('creates an experiment in draft only from nothing', () => {
    expect(canTransition('create', null)).toBe(true);
    expect(canTransition('create', 'draft')).toBe(false);
  });

  it('launches only a draft, and cancels only a draft', () => {
    expect(canTransition('launch', 'draft')).toBe(true);
    expect(canTransition('launch', 'running')).toBe(false);
    expect(canTransition('cancel', 'draft')).toBe(true);
    expect(canTransition('cancel', 'running')).toBe(false);
  });

  it('stops a running experiment into evaluation, by expiry or early stop', () => {
    expect(TRANSITIONS.expire.to).toBe('evaluating');
    expect(TRANSITIONS.stopEarly.to).toBe('evaluating');
    expect(canTransition('expire', 'draft')).toBe(false);
  });

  it('treats cancelled, perpetuated, abandoned and iterated as terminal', () => {
    expect(
      ['cancelled', 'perpetuated', 'abandoned', 'iterated'].every(
        (s) => isExperimentState(s) && isTerminalState(s),
      ),
    ).toBe(true);
    expect(isTerminalState('running')).toBe(false);
  });

  it('allows no transition out of a terminal state', () => {
    for (const name of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) {
      expect(canTransition(name, 'abandoned')).toBe(false);
    }
  });
});
