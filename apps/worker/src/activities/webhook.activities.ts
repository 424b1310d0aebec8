import { Context } from '@temporalio/activity';
import {
  WEBHOOK_DELIVERY_WORKFLOW,
  webhookDeliveryWorkflowId,
  type WebhookDeliveryActivities,
  type WebhookDeliveryInput,
} from '@capacites/workflows';
import type { WebhookDeliveryService } from '../webhooks/webhook-delivery.service';
import type { DeliveryStarter } from '../webhooks/webhook-publisher.service';

/**
 * Starts delivery workflows through the worker's own client, on the worker's task queue. A
 * workflow already started (a retried activity) is left as it is.
 */
export function temporalDeliveryStarter(retryDelaysMs: number[]): DeliveryStarter {
  const context = Context.current();
  return {
    async start(deliveryId) {
      const input: WebhookDeliveryInput = { deliveryId, retryDelaysMs };
      try {
        await context.client.workflow.start(WEBHOOK_DELIVERY_WORKFLOW, {
          workflowId: webhookDeliveryWorkflowId(deliveryId),
          taskQueue: context.info.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (error) {
        // Started and finished already: nothing to do (matched by name: the client runs over
        // the worker's native connection, whose error classes may differ).
        if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
      }
    },
  };
}

/** The delivery workflow's activities over the injected service. */
export function createWebhookActivities(deliveries: WebhookDeliveryService): WebhookDeliveryActivities {
  return {
    async attemptWebhookDelivery(input) {
      const context = Context.current();
      return deliveries.attempt(input, () => context.heartbeat());
    },
    async recordWebhookDeliveryFailed({ deliveryId, manual }) {
      await deliveries.recordFailed(deliveryId, manual);
    },
  };
}
