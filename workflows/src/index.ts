// Public surface of the workflows project for the API: messages and contracts only.
// The worker loads the workflow implementations from ./workflows.ts through its bundler.
export * from './experiment-lifecycle/experiment-lifecycle.messages';
export type * from './experiment-lifecycle/experiment-lifecycle.activities';
export * from './experiment-lifecycle/experiment-lifecycle.approval.messages';
export * from './digest/digest.messages';
export * from './experiment-lifecycle/experiment-lifecycle.questionnaires.messages';
export * from './webhook-delivery/webhook-delivery.messages';
export type * from './webhook-delivery/webhook-delivery.activities';
export * from './experiment-import/experiment-import.messages';
export * from './retention/retention.messages';
