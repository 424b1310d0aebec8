// Records the histories of the paths the spreadsheet import adds (issue 16, item 3), to be
// replayed in CI by replay.spec.ts: the import workflow itself, and lifecycles started in the
// state an import built (patched 'imported-start'). Run with
// `npx jest --selectProjects history-recorder --testPathPatterns record-import`, commit the JSON.
import { randomUUID } from 'node:crypto';
import { experimentWorkflowId } from '@capacites/domain';
import {
  EXPERIMENT_IMPORT_WORKFLOW,
  importWorkflowId,
  type ImportActivities,
} from '../../src/experiment-import/experiment-import.messages';
import {
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  recordCheckInUpdate,
  submitEvaluationUpdate,
  type ExperimentLifecycleInput,
  type LifecycleData,
} from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import { fakeActivities } from '../support/fake-activities';
import { openHistoryRecorder } from '../support/history-recorder';
import { importedDataStub } from '../support/imported';
import { actor, DAY, evaluationStub } from '../support/stubs';

export const RELEASE = 'v4-import';

describe(`records the workflow histories of release ${RELEASE}`, () => {
  it('records the import workflow and the lifecycles an import starts', async () => {
    // Three batches of a 7-row import, as the worker's activity answers them.
    let processed = 0;
    const importBatch: ImportActivities['importBatch'] = async ({ batchSize }) => {
      processed = Math.min(7, processed + batchSize);
      return { done: processed >= 7, processed, total: 7, created: processed, skipped: 0 };
    };
    const { env, taskQueue, worker, now, save, close } = await openHistoryRecorder(RELEASE, {
      activities: { ...fakeActivities(), importBatch },
    });
    const startImported = (carried: LifecycleData) => {
      const input: ExperimentLifecycleInput = {
        experimentId: carried.experimentId,
        organizationId: carried.organizationId,
        createdBy: carried.createdBy,
        carried,
        imported: true,
      };
      return env.client.workflow.start(EXPERIMENT_LIFECYCLE_WORKFLOW, {
        workflowId: experimentWorkflowId(carried.experimentId),
        taskQueue,
        args: [input],
      });
    };
    try {
      await worker.runUntil(async () => {
        const importId = randomUUID();
        const run = await env.client.workflow.start(EXPERIMENT_IMPORT_WORKFLOW, {
          workflowId: importWorkflowId(importId),
          taskQueue,
          args: [{ importId, batchSize: 3 }],
        });
        await run.result();
        await save('import-three-batches', run);

        // Running, J-14 already past: J-7, J-1, a check-in, the expiry; then the evaluation.
        const running = await startImported(
          importedDataStub(await now(), 'running', { launchedDaysAgo: 100, expiresInDays: 10 }),
        );
        await env.sleep(3 * DAY);
        await running.executeUpdate(recordCheckInUpdate, {
          args: [{ actor: actor.pilot, checkIn: { weather: 'cloudy', progress: 'Repris', blockers: '' } }],
        });
        await env.sleep(8 * DAY);
        await running.executeUpdate(submitEvaluationUpdate, {
          args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
        });
        await save('imported-running-expires', running);
        await running.terminate('recorded');

        // Running past its expiry: stopped at once.
        const past = await startImported(
          importedDataStub(await now(), 'running', { launchedDaysAgo: 100, expiresInDays: -3 }),
        );
        await env.sleep(DAY);
        await save('imported-running-past-expiry', past);
        await past.terminate('recorded');

        // Evaluation overdue for a month: escalated at once.
        const overdue = await startImported(
          importedDataStub(await now(), 'evaluating', {
            launchedDaysAgo: 200,
            expiresInDays: -60,
            evaluationDueInDays: -30,
          }),
        );
        await env.sleep(DAY);
        await save('imported-evaluation-overdue', overdue);
        await overdue.terminate('recorded');
      });
    } finally {
      await close();
    }
  });
});
