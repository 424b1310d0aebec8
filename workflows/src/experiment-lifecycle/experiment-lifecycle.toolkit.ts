// What the lifecycle workflow lends to the capability modules beside it (launch approval,
// reassignment): its state and the helpers that serialise, refuse and record. Types only.
import type { TransitionName } from '@capacites/domain';
import type { NotificationEvent, RecordTransitionInput } from './experiment-lifecycle.activities';
import type { Actor } from './experiment-lifecycle.messages';
import type { ExperimentLifecycle } from './experiment-lifecycle.state';

export type NoticeData = Record<string, string | number | boolean | null>;

/** The notification an event sends: who receives it and what the template needs. */
export interface Notice {
  event: NotificationEvent;
  userIds: string[];
  roles: ('codir' | 'hr')[];
  data?: NoticeData;
}

export type RecordExtra = Partial<RecordTransitionInput> & { from?: RecordTransitionInput['from'] };

export interface LifecycleToolkit {
  lifecycle: ExperimentLifecycle;
  now: () => Date;
  /** Runs `work` in the transition queue once `check` passes again there. */
  guarded: <T>(check: () => void, work: () => Promise<T>) => Promise<T>;
  /** Turns a LifecycleRefusal into the Update's failure (code and parameters as details). */
  asFailure: (check: () => void) => void;
  record: (
    event: string,
    actor: Actor | null,
    extra?: RecordExtra,
    key?: string,
    notice?: Notice,
  ) => Promise<void>;
  transition: (
    name: TransitionName,
    actor: Actor | null,
    extra?: Partial<RecordTransitionInput>,
    notice?: Notice,
  ) => Promise<void>;
  send: (
    event: NotificationEvent,
    userIds: string[],
    roles: ('codir' | 'hr')[],
    data?: NoticeData,
  ) => Promise<void>;
  /** After a change of state: drops past reminders and wakes the agenda loop. */
  replan: () => void;
}
