// Records histories of the lifecycle with the application's payload codec (issue 17, item 1):
// replay.spec.ts then proves that encrypted histories replay against the current code.
// Run: npx jest --selectProjects history-recorder --testPathPatterns record-codec
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { experimentWorkflowId } from '@capacites/domain';
import {
  decideUpdate,
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  initializeUpdate,
  launchUpdate,
  recordCheckInUpdate,
  submitEvaluationUpdate,
  type ExperimentLifecycleInput,
} from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import { recordedHistoryDataConverter } from '../support/codec';
import { createTestWorker, createTimeSkippingEnvironment } from '../support/environment';
import { fakeActivities } from '../support/fake-activities';
import { actor, DAY, evaluationStub, launchRequest } from '../support/stubs';

export const RELEASE = 'v4-codec';
const outDir = join(__dirname, RELEASE);

describe(`records the encrypted workflow histories of release ${RELEASE}`, () => {
  it('records a whole lifecycle with every payload encrypted', async () => {
    mkdirSync(outDir, { recursive: true });
    const dataConverter = recordedHistoryDataConverter();
    const env = await createTimeSkippingEnvironment({ dataConverter });
    const taskQueue = `record-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities: fakeActivities(), dataConverter });
    const now = async () => (await env.currentTimeMs()) as number;
    const save = async (name: string, handle: WorkflowHandle) => {
      const json = historyToJSON(await handle.fetchHistory());
      // Recorded encrypted, or not worth recording.
      if (!json.includes(Buffer.from('binary/encrypted').toString('base64')))
        throw new Error('the history was not encrypted');
      writeFileSync(join(outDir, `${name}.json`), json);
    };
    try {
      await worker.runUntil(async () => {
        const experimentId = randomUUID();
        const input: ExperimentLifecycleInput = {
          experimentId,
          organizationId: randomUUID(),
          createdBy: actor.hr.userId,
        };
        const handle = await env.client.workflow.start(EXPERIMENT_LIFECYCLE_WORKFLOW, {
          workflowId: experimentWorkflowId(experimentId),
          taskQueue,
          args: [input],
        });
        await handle.executeUpdate(initializeUpdate);
        await handle.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 30)] });
        await env.sleep(10 * DAY);
        await handle.executeUpdate(recordCheckInUpdate, {
          args: [
            { actor: actor.pilot, checkIn: { weather: 'rainy', progress: 'Texte chiffré', blockers: '' } },
          ],
        });
        await env.sleep(25 * DAY);
        await handle.executeUpdate(submitEvaluationUpdate, {
          args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
        });
        await handle.executeUpdate(decideUpdate, {
          args: [{ actor: actor.sponsor, decision: { outcome: 'abandon', rationale: 'Non concluant' } }],
        });
        await handle.result();
        await save('encrypted-lifecycle-abandon', handle);
      });
    } finally {
      await env.teardown();
    }
  });
});
