// Entry point of the workflow bundle (apps/worker): every workflow implementation.
export { experimentLifecycle } from './experiment-lifecycle/experiment-lifecycle.workflow';
export { webhookDelivery } from './webhook-delivery/webhook-delivery.workflow';
// The organisation digest, started by one Temporal Schedule per organisation (issue 15).
export { organizationDigest } from './digest/digest.workflow';
export { experimentImport } from './experiment-import/experiment-import.workflow';
// The daily personal-data retention run, started by one Temporal Schedule (issue 17, item 3).
export { personalDataRetention } from './retention/retention.workflow';
