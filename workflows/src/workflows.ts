// Entry point of the workflow bundle (apps/worker): every workflow implementation.
export { experimentLifecycle } from './experiment-lifecycle/experiment-lifecycle.workflow';
export { experimentImport } from './experiment-import/experiment-import.workflow';
