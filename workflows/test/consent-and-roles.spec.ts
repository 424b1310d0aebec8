import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  approveExtensionUpdate,
  launchUpdate,
  requestExtensionUpdate,
  statusQuery,
  stopEarlyUpdate,
  withdrawConsentUpdate,
  type ExperimentLifecycleInput,
} from '../src/experiment-lifecycle/experiment-lifecycle.messages';
import { ExperimentLifecycle } from '../src/experiment-lifecycle/experiment-lifecycle.state';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';
import { startLifecycle } from './support/lifecycle';
import { fakeActivities, type FakeActivities } from './support/fake-activities';
import { actor, DAY, launchRequest, people, readyFraming, settingsStub } from './support/stubs';

/** The stable code and the reason of a refused update (validator or handler). */
async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      const details = cause instanceof ApplicationFailure ? (cause.details as { code?: string }[]) : [];
      return { code: details?.[0]?.code, message: cause?.message ?? error.message };
    }
    throw error;
  }
  throw new Error('the update was accepted');
}

describe('consent, pilot and sponsor, hypothesis to revise (workflow, time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;
  const started: WorkflowHandle[] = [];

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  afterEach(async () => {
    for (const handle of started.splice(0)) await handle.terminate('end of test').catch(() => undefined);
  });

  const now = async () => (await env.currentTimeMs()) as number;

  async function run(
    body: (start: (extra?: Partial<ExperimentLifecycleInput>) => Promise<WorkflowHandle>) => Promise<void>,
  ): Promise<FakeActivities> {
    const activities = fakeActivities();
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    await worker.runUntil(
      body(async (extra = {}) => {
        const handle = await startLifecycle(env, taskQueue, extra);
        started.push(handle);
        return handle;
      }),
    );
    return activities;
  }

  it('takes a withdrawal while running: recorded, the pilots told, and the person receives no more notices', async () => {
    const other = randomUUID();
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      const participants = [
        { userId: people.participant, consentedAt: new Date(at).toISOString() },
        { userId: other, consentedAt: new Date(at).toISOString() },
      ];
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(at, 60, { participants })] });
      await env.sleep(3 * DAY);
      await handle.executeUpdate(withdrawConsentUpdate, {
        args: [{ actor: { userId: people.participant } }],
      });
      // Once only; and nobody withdraws for someone else.
      expect(
        (
          await refusal(
            handle.executeUpdate(withdrawConsentUpdate, {
              args: [{ actor: { userId: people.participant } }],
            }),
          )
        ).message,
      ).toMatch(/already withdrawn/);
      expect(
        await refusal(handle.executeUpdate(withdrawConsentUpdate, { args: [{ actor: actor.hr }] })),
      ).toMatchObject({ code: 'CONSENT_NOT_OWN' });
      await handle.executeUpdate(stopEarlyUpdate, { args: [{ ...actor.pilot, reason: 'Assez de recul' }] });
      expect((await handle.query(statusQuery)).state).toBe('evaluating');
    });
    const withdrawn = activities.transitions.find((t) => t.event === 'consentWithdrawn');
    expect(withdrawn).toMatchObject({ actorId: people.participant, from: 'running', to: 'running' });
    expect(withdrawn?.patch?.participants).toEqual([
      { userId: people.participant, consentedAt: null, withdrawnAt: expect.any(String) },
      { userId: other, consentedAt: expect.any(String) },
    ]);
    expect(withdrawn?.notice).toMatchObject({
      event: 'consentWithdrawn',
      recipients: { userIds: [people.pilot] },
    });
    const launched = activities.notifications.find((n) => n.event === 'launched');
    expect(launched?.recipients.userIds).toContain(people.participant);
    const stopped = activities.notifications.find((n) => n.event === 'stopped');
    expect(stopped?.recipients.userIds).toContain(other);
    expect(stopped?.recipients.userIds).not.toContain(people.participant);
  });

  it('refuses to launch while the hypothesis is to revise, or when the sponsor is a pilot, each with its code', async () => {
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      expect(
        await refusal(
          handle.executeUpdate(launchUpdate, { args: [launchRequest(at, 60, { hypothesisToRevise: true })] }),
        ),
      ).toMatchObject({ code: 'HYPOTHESIS_TO_REVISE', message: expect.stringMatching(/must be revised/) });
      expect(
        await refusal(
          handle.executeUpdate(launchUpdate, {
            args: [launchRequest(at, 60, { pilotIds: [people.pilot, people.sponsor] })],
          }),
        ),
      ).toMatchObject({ code: 'PILOT_IS_SPONSOR' });
      await handle.executeUpdate(launchUpdate, {
        args: [launchRequest(at, 60, { hypothesisToRevise: false })],
      });
    });
    expect(activities.transitions.map((t) => t.event)).toEqual(['create', 'launch']);
  });

  it('refuses the approval of an extension by a sponsor who also pilots a test launched before the rule', async () => {
    const activities = await run(async (start) => {
      const at = await now();
      // The state a test launched before pilot and sponsor had to differ carries over.
      const legacy = ExperimentLifecycle.initial({
        experimentId: randomUUID(),
        organizationId: randomUUID(),
        createdBy: people.hr,
      });
      Object.assign(legacy.data, {
        state: 'running',
        version: 2,
        settings: settingsStub,
        framing: readyFraming(at, 60, { pilotIds: [people.pilot, people.sponsor] }),
        launchedAt: new Date(at).toISOString(),
        expiresAt: new Date(at + 60 * DAY).toISOString(),
        originalExpiresAt: new Date(at + 60 * DAY).toISOString(),
        checkInCadenceDays: 14,
      });
      const handle = await start({ experimentId: legacy.data.experimentId, carried: legacy.data });
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [
          {
            actor: actor.pilot,
            newExpiresAt: new Date(at + 90 * DAY).toISOString(),
            justification: 'Rentrée',
          },
        ],
      });
      expect(
        await refusal(handle.executeUpdate(approveExtensionUpdate, { args: [actor.sponsor] })),
      ).toMatchObject({
        code: 'APPROVER_IS_PILOT',
      });
      expect((await handle.query(statusQuery)).pendingExtension).not.toBeNull();
    });
    expect(activities.transitions.map((t) => t.event)).toEqual(['extensionRequested']);
  });
});
