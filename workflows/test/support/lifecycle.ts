import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { experimentWorkflowId } from '@capacites/domain';
import {
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  initializeUpdate,
  type ExperimentLifecycleInput,
} from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import { people } from './stubs';

/**
 * Starts a test's lifecycle workflow on `taskQueue` (a new experiment of a new organisation,
 * created by HR, unless `input` says otherwise) and waits until it holds its draft; a workflow
 * that carries an imported or continued state needs no draft.
 */
export async function startLifecycle(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  input: Partial<ExperimentLifecycleInput> = {},
): Promise<WorkflowHandle> {
  const experimentId = input.experimentId ?? randomUUID();
  const handle = await env.client.workflow.start(EXPERIMENT_LIFECYCLE_WORKFLOW, {
    workflowId: experimentWorkflowId(experimentId),
    taskQueue,
    args: [{ experimentId, organizationId: randomUUID(), createdBy: people.hr, ...input }],
  });
  if (!input.carried) await handle.executeUpdate(initializeUpdate);
  return handle;
}
