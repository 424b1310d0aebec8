import type { Worker } from '@temporalio/worker';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface StopOnSignals {
  /** True once SIGINT or SIGTERM has arrived (before the worker exists, too). */
  readonly requested: boolean;
  /** The worker to stop; stopped at once if a signal already arrived. */
  attach(worker: Pick<Worker, 'shutdown' | 'getState'>): void;
  dispose(): void;
}

/**
 * Stops the worker at the first SIGINT or SIGTERM, once: later signals (Ctrl-C reaches
 * every process of the terminal's group, and `npm start` then sends SIGTERM too) are
 * acknowledged and ignored while the worker drains. Installed first thing at boot, so that
 * no signal ever falls back to Node's default (killing the process mid-start or mid-drain).
 */
export function stopOnSignals(log: (message: string) => void): StopOnSignals {
  let requested = false;
  let worker: Pick<Worker, 'shutdown' | 'getState'> | undefined;
  const stopWorker = (): void => {
    if (!worker) return;
    const state = worker.getState();
    if (state === 'RUNNING') worker.shutdown();
    // run() has been called but the pollers are not started yet: ask again in a moment.
    else if (state === 'INITIALIZED') setTimeout(stopWorker, 50);
    // Any other state: the worker is already stopping (or stopped) on its own.
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (requested) {
      log(`${signal}: already stopping`);
      return;
    }
    requested = true;
    log(`${signal}: finishing in-flight tasks, then stopping`);
    stopWorker();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    get requested() {
      return requested;
    },
    attach(target) {
      worker = target;
      if (requested) stopWorker();
    },
    dispose() {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}
