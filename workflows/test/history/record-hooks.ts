// Records the histories of the webhook delivery workflow (release v4-hooks), replayed in CI by
// replay.spec.ts: delivered after retries, failed after the whole schedule, a manual resend.
// Run with `npx jest --selectProjects history-recorder --testPathPatterns record-hooks`.
import { randomUUID } from 'node:crypto';
import type {
  AttemptOutcome,
  WebhookDeliveryActivities,
} from '../../src/webhook-delivery/webhook-delivery.activities';
import {
  WEBHOOK_DELIVERY_WORKFLOW,
  webhookDeliveryWorkflowId,
  type WebhookDeliveryInput,
} from '../../src/webhook-delivery/webhook-delivery.messages';
import { openHistoryRecorder } from '../support/history-recorder';

export const RELEASE = 'v4-hooks';
const SCHEDULE = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

describe(`records the workflow histories of release ${RELEASE}`, () => {
  it('records one history per webhook delivery path', async () => {
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
    const { env, taskQueue, worker, save, close } = await openHistoryRecorder(RELEASE, { activities });
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
      await save(name, handle);
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
      await close();
    }
  });
});
