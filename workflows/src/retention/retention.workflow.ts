import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import {
  RETENTION_BATCH,
  type RetentionActivities,
  type RetentionRunInput,
  type RetentionRunResult,
} from './retention.messages';

const activities = proxyActivities<RetentionActivities>({
  // One transaction per test (a few thousand rows at most), one Temporal call per history.
  startToCloseTimeout: '5 minutes',
  // Each activity is idempotent (a done test is skipped, a deleted history is not found):
  // a retry after a crash adds nothing.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * One run of the daily retention Schedule: every closed test whose organisation's period has
 * passed loses its workflow history in Temporal (closed executions only), then its personal
 * data in PostgreSQL, with one audit record. The history goes first: a test whose data is
 * already pseudonymised is never found again, so a history left behind would stay.
 */
export async function personalDataRetention(input: RetentionRunInput = {}): Promise<RetentionRunResult> {
  const at = input.at ?? new Date(Date.now()).toISOString();
  const due = await activities.findDueExperiments({ at, limit: RETENTION_BATCH });
  const result: RetentionRunResult = { at, due: due.length, pseudonymised: 0, workflowHistories: 0, workflowsStillOpen: 0 };
  for (const test of due) {
    const history = await activities.deleteExperimentHistory({ experimentId: test.experimentId });
    result.workflowHistories += history.deleted;
    if (history.stillOpen) result.workflowsStillOpen += 1;
    const pass = await activities.pseudonymiseExperiment({
      experimentId: test.experimentId,
      at,
      retentionDays: test.retentionDays,
      workflowHistories: history.deleted,
    });
    if (pass.done) result.pseudonymised += 1;
  }
  // A backlog (the first run on old data): the rest in a fresh history, same instant.
  if (due.length === RETENTION_BATCH && result.pseudonymised > 0) await continueAsNew<typeof personalDataRetention>({ at });
  return result;
}
