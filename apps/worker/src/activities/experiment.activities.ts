import { ApplicationFailure } from '@temporalio/common';
import type { ExperimentActivities } from '@capacites/workflows';
import type { IterationService } from '../iterations/iteration.service';
import type { NotifierService } from '../notifications/notifier.service';
import { ExperimentNotFoundError, type TransitionRecorder } from '../transitions/transition-recorder.service';
import type { DeliveryStarter, WebhookPublisher } from '../webhooks/webhook-publisher.service';

export interface ActivityServices {
  recorder: TransitionRecorder;
  notifier: NotifierService;
  iterations: IterationService;
  /** Publishes each recorded event to the organisation's endpoints, once it is recorded. */
  webhooks?: { publisher: WebhookPublisher; starter: () => DeliveryStarter };
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
      // After the record's commit, in the same activity: a retry publishes what a crash left.
      if (services.webhooks)
        await services.webhooks.publisher.publishTransition(input, services.webhooks.starter());
    },
    async notify(input) {
      await services.notifier.notify(input);
      if (services.webhooks)
        await services.webhooks.publisher.publishReminder(input, services.webhooks.starter());
    },
    async createIterationDraft(input) {
      await failForGoodIfMissing(() => services.iterations.createDraft(input));
    },
  };
}
