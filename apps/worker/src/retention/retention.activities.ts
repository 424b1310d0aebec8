import { Context } from '@temporalio/activity';
import type { RetentionActivities } from '@capacites/workflows';
import type { RetentionService } from './retention.service';

/** Temporal's NotFound (gRPC code 5), matched by code: the native connection's errors differ. */
const isNotFound = (error: unknown) => (error as { code?: number }).code === 5;

/**
 * The retention Schedule's activities. The workflow history of a test is deleted through the
 * worker's own client (`workflowService.deleteWorkflowExecution`), only once the execution is
 * closed; a history already gone counts 0.
 */
export function createRetentionActivities(retention: RetentionService): RetentionActivities {
  return {
    findDueExperiments: ({ at, limit }) => retention.findDue(new Date(at), limit),
    async deleteExperimentHistory({ experimentId }) {
      const workflowId = await retention.workflowIdOf(experimentId);
      if (!workflowId) return { deleted: 0, stillOpen: false };
      const context = Context.current();
      const handle = context.client.workflow.getHandle(workflowId);
      let description;
      try {
        description = await handle.describe();
      } catch (error) {
        if (isNotFound(error) || (error as Error).name === 'WorkflowNotFoundError') return { deleted: 0, stillOpen: false };
        throw error;
      }
      if (description.status.name === 'RUNNING') return { deleted: 0, stillOpen: true };
      try {
        await context.client.workflowService.deleteWorkflowExecution({
          namespace: context.info.activityNamespace,
          workflowExecution: { workflowId, runId: description.runId },
        });
      } catch (error) {
        if (isNotFound(error)) return { deleted: 0, stillOpen: false };
        throw error;
      }
      return { deleted: 1, stillOpen: false };
    },
    pseudonymiseExperiment: ({ experimentId, at, retentionDays, workflowHistories }) =>
      retention.pseudonymise({ experimentId, at: new Date(at), retentionDays, workflowHistories }),
  };
}
