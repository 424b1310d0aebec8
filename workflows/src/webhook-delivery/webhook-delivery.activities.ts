// The contract of the activities the webhook delivery workflow calls. Types only: the worker
// implements them (apps/worker/src/webhooks), the workflow imports them with `import type`.

export interface AttemptDeliveryInput {
  deliveryId: string;
  /** A person asked for it ("Renvoyer"): recorded as such in the journal. */
  manual: boolean;
}

/**
 * `delivered`: the receiver answered 2xx. `retry`: a failure worth another attempt (timeout,
 * 5xx, 4xx, redirect, refused address). `stop`: nothing more to do (the endpoint was deleted
 * or disabled meanwhile, the delivery purged).
 */
export type AttemptOutcome = 'delivered' | 'retry' | 'stop';

export interface WebhookDeliveryActivities {
  attemptWebhookDelivery(input: AttemptDeliveryInput): Promise<AttemptOutcome>;
  /**
   * Every attempt failed: the delivery is failed; an endpoint failing all along is disabled
   * (not after a person's resend: they are looking at it).
   */
  recordWebhookDeliveryFailed(input: { deliveryId: string; manual: boolean }): Promise<void>;
}
