// Entry point of the workflow bundle (apps/worker): every workflow implementation.
export { experimentLifecycle } from './experiment-lifecycle/experiment-lifecycle.workflow';
export { webhookDelivery } from './webhook-delivery/webhook-delivery.workflow';
