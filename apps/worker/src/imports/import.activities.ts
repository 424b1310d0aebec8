import { activityInfo, Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { experimentWorkflowId } from '@capacites/domain';
import {
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  type ExperimentLifecycleInput,
  type ImportActivities,
} from '@capacites/workflows';
import type { ImportedStart, ImportRunner } from './import-runner.service';

/** Workflow starts in flight at once: enough to keep Temporal busy, few enough for a small machine. */
const START_CONCURRENCY = 32;

/** The import workflow's activity over the worker's services (it starts the imported tests' workflows). */
export function createImportActivities(services: { imports: ImportRunner }): ImportActivities {
  return {
    async importBatch(input) {
      const context = Context.current();
      const client = context.client;
      const taskQueue = activityInfo().taskQueue;
      const start = async (item: ImportedStart) => {
        const args: ExperimentLifecycleInput = {
          experimentId: item.experimentId,
          organizationId: item.organizationId,
          createdBy: item.createdBy,
          carried: item.carried,
          imported: true,
        };
        try {
          await client.workflow.start(EXPERIMENT_LIFECYCLE_WORKFLOW, {
            workflowId: experimentWorkflowId(item.experimentId),
            taskQueue,
            args: [args],
            // A retried batch finds it running (or already closed): never a second lifecycle.
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      };
      // Beat while the batch's transaction runs too, so that only a dead worker misses the heartbeat.
      const beat = setInterval(() => context.heartbeat(), 2000);
      try {
        return await services.imports.runBatch(input.importId, input.batchSize, async (starts) => {
          for (let i = 0; i < starts.length; i += START_CONCURRENCY) {
            await Promise.all(starts.slice(i, i + START_CONCURRENCY).map(start));
            context.heartbeat(i);
          }
        });
      } finally {
        clearInterval(beat);
      }
    },
  };
}
