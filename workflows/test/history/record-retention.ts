// Records the histories of the personal-data retention workflow (issue 17, item 3), a new
// workflow type started by the daily Schedule, to be replayed in CI by replay.spec.ts. Run with
// `npx jest --selectProjects history-recorder --testPathPatterns record-retention`, commit the JSON.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { RETENTION_WORKFLOW, type RetentionActivities } from '../../src/retention/retention.messages';
import { createTestWorker, createTimeSkippingEnvironment } from '../support/environment';

export const RELEASE = 'v4-retention';
const outDir = join(__dirname, RELEASE);

describe(`records the workflow histories of release ${RELEASE}`, () => {
  it('records a retention run with two tests due and an empty run', async () => {
    mkdirSync(outDir, { recursive: true });
    const env = await createTimeSkippingEnvironment();
    const taskQueue = `record-${randomUUID()}`;
    let due = [
      { experimentId: randomUUID(), retentionDays: 730 },
      { experimentId: randomUUID(), retentionDays: 30 },
    ];
    const activities: RetentionActivities = {
      findDueExperiments: async () => {
        const found = due;
        due = [];
        return found;
      },
      deleteExperimentHistory: async ({ experimentId }) =>
        experimentId === due[0]?.experimentId ? { deleted: 0, stillOpen: true } : { deleted: 1, stillOpen: false },
      pseudonymiseExperiment: async () => ({ done: true }),
    };
    const worker = await createTestWorker(env, { taskQueue, activities });
    const save = async (name: string, handle: WorkflowHandle) => {
      writeFileSync(join(outDir, `${name}.json`), historyToJSON(await handle.fetchHistory()));
    };
    try {
      await worker.runUntil(async () => {
        for (const name of ['retention-run', 'retention-run-empty']) {
          const handle = await env.client.workflow.start(RETENTION_WORKFLOW, {
            workflowId: `retention-${randomUUID()}`,
            taskQueue,
            args: [{}],
          });
          await handle.result();
          await save(name, handle);
        }
      });
    } finally {
      await env.teardown();
    }
  });
});
