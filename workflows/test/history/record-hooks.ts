// Records the histories of the webhook delivery workflow (release v4-hooks), replayed in CI by
// replay.spec.ts: delivered after retries, failed after the whole schedule, a manual resend.
// Run with `npx jest --selectProjects history-recorder --testPathPatterns record-hooks`.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type {
  AttemptOutcome,
  WebhookDeliveryActivities,
} from '../../src/webhook-delivery/webhook-delivery.activities';
import {
  WEBHOOK_DELIVERY_WORKFLOW,
  webhookDeliveryWorkflowId,
  type WebhookDeliveryInput,
} from '../../src/webhook-delivery/webhook-delivery.messages';
import { createTestWorker, createTimeSkippingEnvironment } from '../support/environment';

export const RELEASE = 'v4-hooks';
const outDir = join(__dirname, RELEASE);
const SCHEDULE = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

describe(`records the workflow histories of release ${RELEASE}`, () => {
  it('records one history per webhook delivery path', async () => {
    mkdirSync(outDir, { recursive: true });
    const env = await createTimeSkippingEnvironment();
    const scripts = new Map<string, AttemptOutcome[]>();
    const activities: WebhookDeliveryActivities = {
      async attemptWebhookDelivery({ deliveryId }) {
        const script = scripts.get(deliveryId) as AttemptOutcome[];
        return script.length > 1 ? (script.shift() as AttemptOutcome) : script[0];
      },
      async recordWebhookDeliveryFailed() {
        // The failure is the worker's to record; only the workflow's path is recorded here.
      },
    };
    const taskQueue = `record-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    const deliver = async (
      name: string,
      outcomes: AttemptOutcome[],
      input: Partial<WebhookDeliveryInput> = {},
    ) => {
      const deliveryId = randomUUID();
      scripts.set(deliveryId, [...outcomes]);
      const handle = await env.client.workflow.start(WEBHOOK_DELIVERY_WORKFLOW, {
        workflowId: webhookDeliveryWorkflowId(deliveryId),
        taskQueue,
        args: [{ deliveryId, retryDelaysMs: SCHEDULE, ...input } satisfies WebhookDeliveryInput],
      });
      await handle.result();
      writeFileSync(join(outDir, `${name}.json`), historyToJSON(await handle.fetchHistory()));
    };
    try {
      await worker.runUntil(async () => {
        await deliver('webhook-delivered-after-retries', [
          'retry',
          'retry',
          'retry',
          'retry',
          'retry',
          'delivered',
        ]);
        await deliver('webhook-failed-after-schedule', ['retry']);
        await deliver('webhook-endpoint-gone', ['stop']);
        await deliver('webhook-manual-resend', ['delivered'], { retryDelaysMs: [], manual: true });
      });
    } finally {
      await env.teardown();
    }
  });
});
