import { ApplicationFailure } from '@temporalio/common';
import type { ExperimentActivities } from '@capacites/workflows';
import type { IterationService } from '../iterations/iteration.service';
import type { NotifierService } from '../notifications/notifier.service';
import { ExperimentNotFoundError, type TransitionRecorder } from '../transitions/transition-recorder.service';

export interface ActivityServices {
  recorder: TransitionRecorder;
  notifier: NotifierService;
  iterations: IterationService;
}

/** A missing experiment will not appear by retrying: fail the activity for good. */
async function failForGoodIfMissing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExperimentNotFoundError) {
      throw ApplicationFailure.nonRetryable(error.message, 'ExperimentNotFound');
    }
    throw error;
  }
}

/** Builds the activities over injected services; the Temporal worker registers the result. */
export function createExperimentActivities(services: ActivityServices): ExperimentActivities {
  return {
    async recordTransition(input) {
      await failForGoodIfMissing(() => services.recorder.record(input));
    },
    async notify(input) {
      await services.notifier.notify(input);
    },
    async createIterationDraft(input) {
      await failForGoodIfMissing(() => services.iterations.createDraft(input));
    },
  };
}
