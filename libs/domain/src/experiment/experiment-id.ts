/**
 * Workflow ids are opaque: derived from the experiment's UUID only, never from a title
 * or a person (Temporal stores ids and search attributes unencrypted).
 */
const WORKFLOW_ID_PREFIX = 'experiment-';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function experimentWorkflowId(experimentId: string): string {
  if (!UUID.test(experimentId)) {
    throw new Error(`experiment id must be a UUID, got "${experimentId}"`);
  }
  return `${WORKFLOW_ID_PREFIX}${experimentId.toLowerCase()}`;
}

export function experimentIdFromWorkflowId(workflowId: string): string {
  const id = workflowId.startsWith(WORKFLOW_ID_PREFIX) ? workflowId.slice(WORKFLOW_ID_PREFIX.length) : '';
  if (!UUID.test(id)) throw new Error(`"${workflowId}" is not an experiment workflow id`);
  return id;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
