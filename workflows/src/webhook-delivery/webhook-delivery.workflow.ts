import { proxyActivities, sleep } from '@temporalio/workflow';
import type { WebhookDeliveryActivities } from './webhook-delivery.activities';
import type { WebhookDeliveryInput, WebhookDeliveryResult } from './webhook-delivery.messages';

const activities = proxyActivities<WebhookDeliveryActivities>({
  // The HTTP request has its own timeout (WEBHOOK_TIMEOUT_MS, at most 30 s); the heartbeat
  // notices a worker killed mid-request within seconds, and the attempt is made again.
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  // Infrastructure failures (PostgreSQL down): retried; a receiver's failure is an outcome.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Delivers one message to one endpoint: an attempt, then waits of the retry schedule between
 * the next ones (durable timers, so that a restart loses nothing), until the receiver accepts
 * it or the schedule is spent. Receivers dedupe by `webhook-id`, the same on every attempt.
 */
export async function webhookDelivery(input: WebhookDeliveryInput): Promise<WebhookDeliveryResult> {
  const manual = input.manual ?? false;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const outcome = await activities.attemptWebhookDelivery({ deliveryId: input.deliveryId, manual });
    if (outcome === 'delivered') return { deliveryId: input.deliveryId, outcome: 'delivered', attempts };
    if (outcome === 'stop') return { deliveryId: input.deliveryId, outcome: 'stopped', attempts };
    const wait = input.retryDelaysMs[attempts - 1];
    if (wait === undefined) {
      await activities.recordWebhookDeliveryFailed({ deliveryId: input.deliveryId, manual });
      return { deliveryId: input.deliveryId, outcome: 'failed', attempts };
    }
    await sleep(wait);
  }
}
