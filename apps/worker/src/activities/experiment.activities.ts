import { ApplicationFailure } from '@temporalio/common';
import type { ExperimentActivities } from '@capacites/workflows';
import { ExperimentNotFoundError, type TransitionRecorder } from '../transitions/transition-recorder.service';

/** Builds the activities over injected services; the Temporal worker registers the result. */
export function createExperimentActivities(recorder: TransitionRecorder): ExperimentActivities {
  return {
    async recordTransition(input) {
      try {
        await recorder.record(input);
      } catch (error) {
        // A missing experiment will not appear by retrying: fail the activity for good.
        if (error instanceof ExperimentNotFoundError) {
          throw ApplicationFailure.nonRetryable(error.message, 'ExperimentNotFound');
        }
        throw error;
      }
    },
  };
}
