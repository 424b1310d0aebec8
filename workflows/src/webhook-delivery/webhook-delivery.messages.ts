// Messages of the webhook delivery workflow: its name, input and the id it runs under.
// The worker starts it when an event is published; the API when a person resends.

export const WEBHOOK_DELIVERY_WORKFLOW = 'webhookDelivery';

export interface WebhookDeliveryInput {
  deliveryId: string;
  /**
   * Waits between attempts, in milliseconds (Standard Webhooks' schedule by default: 5 s,
   * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: about 28 hours). Fixed at start, so that a change
   * of setting never alters a delivery under way.
   */
  retryDelaysMs: number[];
  /** A person's "Renvoyer": one series of attempts, marked manual in the journal. */
  manual?: boolean;
}

export interface WebhookDeliveryResult {
  deliveryId: string;
  outcome: 'delivered' | 'failed' | 'stopped';
  attempts: number;
}

/** One automatic delivery workflow per delivery: starting it twice starts it once. */
export const webhookDeliveryWorkflowId = (deliveryId: string) => `webhook-delivery-${deliveryId}`;

/** A resend is a workflow of its own, beside the automatic one that has finished. */
export const webhookResendWorkflowId = (deliveryId: string, requestId: string) =>
  `webhook-resend-${deliveryId}-${requestId}`;
