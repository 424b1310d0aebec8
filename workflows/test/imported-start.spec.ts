import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { experimentWorkflowId } from '@capacites/domain';
import {
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  statusQuery,
  type ExperimentLifecycleInput,
  type LifecycleData,
} from '../src/experiment-lifecycle/experiment-lifecycle.messages';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';
import { fakeActivities } from './support/fake-activities';
import { importedDataStub } from './support/imported';
import { DAY } from './support/stubs';

describe('a test imported from a spreadsheet starts its workflow in its state', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  const run = async (carried: LifecycleData, work: (handle: ReturnType<typeof start>) => Promise<void>) => {
    const activities = fakeActivities();
    const taskQueue = `imported-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    const input: ExperimentLifecycleInput = {
      experimentId: carried.experimentId,
      organizationId: carried.organizationId,
      createdBy: carried.createdBy,
      carried,
      imported: true,
    };
    await worker.runUntil(async () => {
      const handle = start(taskQueue, input);
      await work(handle);
    });
    return activities;
  };
  const start = (taskQueue: string, input: ExperimentLifecycleInput) =>
    env.client.workflow.start(EXPERIMENT_LIFECYCLE_WORKFLOW, {
      workflowId: experimentWorkflowId(input.experimentId),
      taskQueue,
      args: [input],
    });
  const now = async () => (await env.currentTimeMs()) as number;

  it('keeps its real expiry: reminders already past are dropped, the later ones and the expiry fire on time', async () => {
    const t0 = await now();
    const carried = importedDataStub(t0, 'running', { launchedDaysAgo: 100, expiresInDays: 10 });
    const activities = await run(carried, async (started) => {
      const handle = await started;
      const status = await handle.query(statusQuery);
      expect(status.state).toBe('running');
      expect(status.deadlines.expiresAt).toBe(carried.expiresAt);
      // J-14 was four days ago: never sent; J-7 and J-1 are planned.
      expect(status.nextReminders.filter((r) => r.kind === 'preExpiryReminder').map((r) => r.days)).toEqual([
        7, 1,
      ]);
      await env.sleep(11 * DAY);
      expect((await handle.query(statusQuery)).state).toBe('evaluating');
    });
    const reminders = activities.notifications
      .filter((n) => n.event === 'preExpiryReminder')
      .map((n) => n.data.days);
    expect(reminders).toEqual([7, 1]);
    expect(activities.transitions.map((t) => t.event)).toContain('expire');
    expect(activities.transitions.find((t) => t.event === 'expire')?.from).toBe('running');
  });

  it('stops at once when its expiry is already past, as a test whose worker was down: evaluation due from now', async () => {
    const t0 = await now();
    const carried = importedDataStub(t0, 'running', { launchedDaysAgo: 100, expiresInDays: -3 });
    const activities = await run(carried, async (started) => {
      const handle = await started;
      await env.sleep(1000);
      const status = await handle.query(statusQuery);
      expect(status.state).toBe('evaluating');
      const due = new Date(status.deadlines.evaluationDueAt as string).getTime();
      expect(due - t0).toBeGreaterThan(29 * DAY);
      expect(due - t0).toBeLessThan(32 * DAY);
    });
    expect(activities.transitions.map((t) => t.event)).toEqual(['expire']);
    expect(activities.notifications.map((n) => n.event)).toEqual(['stopped']);
  });

  it('escalates an evaluation already overdue at once (sponsor, then the CODIR "Algeco" alert), never its past reminders', async () => {
    const t0 = await now();
    const carried = importedDataStub(t0, 'evaluating', {
      launchedDaysAgo: 200,
      expiresInDays: -60,
      evaluationDueInDays: -30,
    });
    const activities = await run(carried, async (started) => {
      const handle = await started;
      await env.sleep(1000);
      expect((await handle.query(statusQuery)).algeco).toBe(true);
    });
    expect(activities.transitions.map((t) => t.event)).toEqual(['evaluationOverdue', 'evaluationAlgeco']);
    expect(activities.notifications.some((n) => n.event === 'evaluationReminder')).toBe(false);
  });
});
