// Records the histories of the released workflow version, to be replayed in CI by
// replay.spec.ts. Run once per release (npm run record:histories), commit the JSON files,
// and never edit them: a non-deterministic change to the workflow then fails the build.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { experimentWorkflowId } from '@capacites/domain';
import {
  approveExtensionUpdate,
  cancelUpdate,
  decideUpdate,
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  initializeUpdate,
  launchUpdate,
  recordCheckInUpdate,
  requestExtensionUpdate,
  statusQuery,
  submitEvaluationUpdate,
  withdrawConsentUpdate,
  type ExperimentLifecycleInput,
} from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import { createTestWorker, createTimeSkippingEnvironment } from '../support/environment';
import { fakeActivities } from '../support/fake-activities';
import { actor, DAY, evaluationStub, launchRequest, people } from '../support/stubs';

export const RELEASE = 'v3';
const outDir = join(__dirname, RELEASE);

describe(`records the workflow histories of release ${RELEASE}`, () => {
  it('records one history per lifecycle path', async () => {
    mkdirSync(outDir, { recursive: true });
    const env = await createTimeSkippingEnvironment();
    const taskQueue = `record-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities: fakeActivities() });
    const now = async () => (await env.currentTimeMs()) as number;
    const start = async (extra: Partial<ExperimentLifecycleInput> = {}) => {
      const experimentId = randomUUID();
      const handle = await env.client.workflow.start(EXPERIMENT_LIFECYCLE_WORKFLOW, {
        workflowId: experimentWorkflowId(experimentId),
        taskQueue,
        args: [{ experimentId, organizationId: randomUUID(), createdBy: actor.hr.userId, ...extra }],
      });
      await handle.executeUpdate(initializeUpdate);
      return handle;
    };
    const save = async (name: string, handle: WorkflowHandle) => {
      writeFileSync(join(outDir, `${name}.json`), historyToJSON(await handle.fetchHistory()));
    };
    try {
      await worker.runUntil(async () => {
        const full = await start();
        await full.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 90)] });
        await env.sleep(10 * DAY);
        await full.executeUpdate(recordCheckInUpdate, {
          args: [{ actor: actor.pilot, checkIn: { weather: 'sunny', progress: 'OK', blockers: '' } }],
        });
        // v3: a participant withdraws while running (no more notices to them, the pilots told).
        await full.executeUpdate(withdrawConsentUpdate, {
          args: [{ actor: { userId: people.participant } }],
        });
        await env.sleep(40 * DAY);
        const expiresAt = (await full.query(statusQuery)).deadlines.expiresAt as string;
        await full.executeUpdate(requestExtensionUpdate, {
          args: [
            {
              actor: actor.pilot,
              newExpiresAt: new Date(new Date(expiresAt).getTime() + 20 * DAY).toISOString(),
              justification: 'Été',
            },
          ],
        });
        await full.executeUpdate(approveExtensionUpdate, { args: [actor.sponsor] });
        await env.sleep(120 * DAY);
        await full.executeUpdate(submitEvaluationUpdate, {
          args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
        });
        await full.executeUpdate(decideUpdate, {
          args: [{ actor: actor.sponsor, decision: { outcome: 'abandon', rationale: 'Non concluant' } }],
        });
        await full.result();
        await save('full-lifecycle-abandon', full);

        const iterate = await start();
        await iterate.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 20)] });
        await env.sleep(21 * DAY);
        await iterate.executeUpdate(submitEvaluationUpdate, {
          args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
        });
        await iterate.executeUpdate(decideUpdate, {
          args: [
            {
              actor: actor.sponsor,
              decision: { outcome: 'iterate', rationale: 'Autre site', nextFocus: 'Deux crèches' },
            },
          ],
        });
        await iterate.result();
        await save('iterate', iterate);

        const cancelled = await start();
        await cancelled.executeUpdate(cancelUpdate, { args: [{ ...actor.hr, reason: 'Doublon' }] });
        await cancelled.result();
        await save('cancel', cancelled);
      });
    } finally {
      await env.teardown();
    }
  });
});
