// Entry point of the workflow bundle (apps/worker): every workflow implementation.
export { experimentLifecycle } from './experiment-lifecycle/experiment-lifecycle.workflow';
export { webhookDelivery } from './webhook-delivery/webhook-delivery.workflow';
// The organisation digest, started by one Temporal Schedule per organisation (issue 15).
export { organizationDigest } from './digest/digest.workflow';
