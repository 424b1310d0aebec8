import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type {
  AttemptDeliveryInput,
  AttemptOutcome,
  WebhookDeliveryActivities,
} from '../src/webhook-delivery/webhook-delivery.activities';
import {
  WEBHOOK_DELIVERY_WORKFLOW,
  webhookDeliveryWorkflowId,
  type WebhookDeliveryInput,
  type WebhookDeliveryResult,
} from '../src/webhook-delivery/webhook-delivery.messages';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';

const HOUR = 3_600_000;
/** The default schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
const SCHEDULE = [5_000, 300_000, 1_800_000, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];

/** Activities that answer a scripted series of outcomes and note when each attempt came. */
function scriptedActivities(outcomes: AttemptOutcome[], clock: () => Promise<number>) {
  const attempts: { input: AttemptDeliveryInput; at: number }[] = [];
  const failed: { deliveryId: string; manual: boolean }[] = [];
  const activities: WebhookDeliveryActivities = {
    async attemptWebhookDelivery(input) {
      attempts.push({ input, at: await clock() });
      return outcomes[Math.min(attempts.length - 1, outcomes.length - 1)];
    },
    async recordWebhookDeliveryFailed(input) {
      failed.push(input);
    },
  };
  return { activities, attempts, failed };
}

describe('Webhook delivery workflow: attempts on a back-off schedule of about a day', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  const run = async (outcomes: AttemptOutcome[], input: Partial<WebhookDeliveryInput> = {}) => {
    const clock = async () => Number(await env.currentTimeMs());
    const script = scriptedActivities(outcomes, clock);
    const taskQueue = `webhooks-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities: script.activities });
    const deliveryId = randomUUID();
    const result = await worker.runUntil(
      env.client.workflow.execute(WEBHOOK_DELIVERY_WORKFLOW, {
        workflowId: webhookDeliveryWorkflowId(deliveryId),
        taskQueue,
        args: [{ deliveryId, retryDelaysMs: SCHEDULE, ...input } satisfies WebhookDeliveryInput],
      }) as Promise<WebhookDeliveryResult>,
    );
    return { ...script, result, deliveryId };
  };

  it('retries a receiver that fails five times, waiting the schedule between attempts, and stops once delivered', async () => {
    const { result, attempts, failed } = await run([
      'retry',
      'retry',
      'retry',
      'retry',
      'retry',
      'delivered',
    ]);
    expect(result).toMatchObject({ outcome: 'delivered', attempts: 6 });
    const waits = attempts.slice(1).map((a, i) => a.at - attempts[i].at);
    // Each wait is the schedule's (a time-skipping clock: exact but for the activity's own time).
    waits.forEach((wait, i) => expect(Math.abs(wait - SCHEDULE[i])).toBeLessThan(2_000));
    expect(failed).toEqual([]);
    expect(attempts.every((a) => a.input.manual === false)).toBe(true);
  });

  it('gives up after the whole schedule (about 28 hours) and records the failure once', async () => {
    const { result, attempts, failed, deliveryId } = await run(['retry']);
    expect(result).toMatchObject({ outcome: 'failed', attempts: SCHEDULE.length + 1 });
    const span = attempts[attempts.length - 1].at - attempts[0].at;
    expect(span).toBeGreaterThan(27 * HOUR);
    expect(span).toBeLessThan(29 * HOUR);
    expect(failed).toEqual([{ deliveryId, manual: false }]);
  });

  it('stops at once when the endpoint is gone or disabled', async () => {
    const { result, attempts, failed } = await run(['stop']);
    expect(result).toMatchObject({ outcome: 'stopped', attempts: 1 });
    expect(attempts).toHaveLength(1);
    expect(failed).toEqual([]);
  });

  it('makes a resend a single manual attempt, whose failure is recorded as manual', async () => {
    const { result, attempts, failed, deliveryId } = await run(['retry'], {
      retryDelaysMs: [],
      manual: true,
    });
    expect(result).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(attempts[0].input.manual).toBe(true);
    expect(failed).toEqual([{ deliveryId, manual: true }]);
  });
});
