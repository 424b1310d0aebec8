import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { experimentWorkflowId } from '@capacites/domain';
import {
  cancelUpdate,
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  initializeUpdate,
  snapshotQuery,
} from '../src/experiment-lifecycle/experiment-lifecycle.messages';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';
import { fakeActivities } from './support/fake-activities';

describe('experiment lifecycle workflow (time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  const start = async (taskQueue: string) => {
    const experimentId = randomUUID();
    const handle = await env.client.workflow.start(EXPERIMENT_LIFECYCLE_WORKFLOW, {
      workflowId: experimentWorkflowId(experimentId),
      taskQueue,
      args: [{ experimentId, organizationId: randomUUID(), createdBy: randomUUID() }],
    });
    return { handle, experimentId };
  };

  it('records the draft exactly once, whether or not the initialize update is sent', async () => {
    const activities = fakeActivities();
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    await worker.runUntil(async () => {
      const { handle, experimentId } = await start(taskQueue);
      const snapshot = await handle.executeUpdate(initializeUpdate);
      expect(snapshot).toEqual({ experimentId, state: 'draft', version: 1 });
      await handle.executeUpdate(initializeUpdate);
      expect(await handle.query(snapshotQuery)).toEqual({ experimentId, state: 'draft', version: 1 });
    });
    expect(activities.transitions.map((t) => [t.event, t.from, t.to])).toEqual([['create', null, 'draft']]);
  });

  it('cancels a draft, records the reason and completes in the cancelled state', async () => {
    const activities = fakeActivities();
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    await worker.runUntil(async () => {
      const { handle } = await start(taskQueue);
      const actor = randomUUID();
      await handle.executeUpdate(cancelUpdate, {
        args: [{ userId: actor, reason: 'Projet abandonné avant lancement' }],
      });
      const result = await handle.result();
      expect(result.state).toBe('cancelled');
      expect(activities.transitions.at(-1)).toMatchObject({
        event: 'cancel',
        from: 'draft',
        to: 'cancelled',
        actorId: actor,
        reason: 'Projet abandonné avant lancement',
      });
    });
  });

  it('accepts no transition once the experiment is closed, and records nothing more', async () => {
    const activities = fakeActivities();
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    await worker.runUntil(async () => {
      const { handle } = await start(taskQueue);
      await handle.executeUpdate(cancelUpdate, { args: [{ userId: null }] });
      // The workflow has completed: Temporal itself refuses updates to a closed workflow.
      await expect(handle.executeUpdate(cancelUpdate, { args: [{ userId: null }] })).rejects.toThrow();
    });
    expect(activities.transitions.filter((t) => t.event === 'cancel')).toHaveLength(1);
  });
});
