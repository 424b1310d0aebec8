import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { experimentWorkflowId } from '@capacites/domain';
import {
  amendCriteriaUpdate,
  approveExtensionUpdate,
  cancelUpdate,
  decideUpdate,
  launchUpdate,
  recordCheckInUpdate,
  refuseExtensionUpdate,
  requestExtensionUpdate,
  snapshotQuery,
  statusQuery,
  stopEarlyUpdate,
  submitEvaluationUpdate,
  type ExperimentLifecycleInput,
} from '../src/experiment-lifecycle/experiment-lifecycle.messages';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';
import { startLifecycle } from './support/lifecycle';
import { fakeActivities, type FakeActivities } from './support/fake-activities';
import { actor, DAY, evaluationStub, launchRequest, people, readyFraming } from './support/stubs';

const evaluationCriteria = [
  ...readyFraming(0, 1).criteria,
  {
    id: 'trust',
    name: 'Confiance des familles',
    method: 'Questionnaire',
    target: 'En hausse',
    coBuiltWithUsers: true,
  },
];

/** The reason a refused update gives (validator or handler). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) return error.cause?.message ?? error.message;
    throw error;
  }
  throw new Error('the update was accepted');
}

/** The stable code and parameters a refusal carries (the failure's details), for the API to send on. */
async function refusalCode(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
      return { type: error.cause.type, details: error.cause.details };
    throw error;
  }
  throw new Error('the update was accepted');
}

describe('experiment lifecycle workflow (time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  // A workflow left running without a worker would hold the test server's clock (it
  // skips time only when no task is outstanding): close what each test started.
  const started: WorkflowHandle[] = [];
  afterEach(async () => {
    for (const handle of started.splice(0)) {
      await handle.terminate('end of test').catch(() => undefined);
    }
  });

  interface Run {
    activities: FakeActivities;
    worker: Worker;
    taskQueue: string;
    start(
      extra?: Partial<ExperimentLifecycleInput>,
    ): Promise<{ handle: WorkflowHandle; experimentId: string }>;
  }

  async function setup(): Promise<Run> {
    const activities = fakeActivities();
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    return {
      activities,
      worker,
      taskQueue,
      async start(extra = {}) {
        const experimentId = randomUUID();
        const handle = await startLifecycle(env, taskQueue, { ...extra, experimentId });
        started.push(handle);
        return { handle, experimentId };
      },
    };
  }

  const now = async () => (await env.currentTimeMs()) as number;
  const status = (handle: WorkflowHandle) => handle.query(statusQuery);
  const notified = (a: FakeActivities, event: string) => a.notifications.filter((n) => n.event === event);

  it('runs a six-month test with check-ins, one extension, expiry, a late evaluation with both escalations, then a decision', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start();
      const launchedAt = await now();
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(launchedAt, 180)] });
      expect((await status(handle)).state).toBe('running');

      // Three check-ins on time, then silence: two missed check-ins tell the sponsor once.
      for (let i = 0; i < 3; i += 1) {
        await env.sleep(13 * DAY);
        await handle.executeUpdate(recordCheckInUpdate, {
          args: [
            {
              actor: actor.pilot,
              checkIn: { weather: 'sunny', progress: `Semaine ${2 * (i + 1)}`, blockers: '' },
            },
          ],
        });
      }
      await env.sleep(29 * DAY);
      expect((await status(handle)).missedCheckIns).toBe(2);
      expect(notified(run.activities, 'checkInsMissed')).toHaveLength(1);
      expect(notified(run.activities, 'checkInsMissed')[0].recipients.userIds).toEqual([people.sponsor]);

      // One extension of 30 days, approved by the sponsor, moves the expiry and its reminders.
      const original = (await status(handle)).deadlines.expiresAt as string;
      const extended = new Date(new Date(original).getTime() + 30 * DAY).toISOString();
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [
          {
            actor: actor.pilot,
            newExpiresAt: extended,
            justification: 'Les familles reviennent en septembre',
          },
        ],
      });
      await handle.executeUpdate(approveExtensionUpdate, { args: [actor.sponsor] });
      const afterExtension = await status(handle);
      expect(afterExtension.deadlines).toMatchObject({ expiresAt: extended, originalExpiresAt: original });
      expect(afterExtension.allowedActions.map((a) => a.action)).not.toContain('requestExtension');
      // Reminders at 9:00 in Paris (8:00Z in winter, 7:00Z in summer).
      const planned = afterExtension.nextReminders.filter((r) => r.kind === 'preExpiryReminder');
      expect(planned.every((r) => /T0[78]:00:00\.000Z$/.test(r.at))).toBe(true);

      // The test stops at its (new) date, whatever happens.
      await env.sleep(new Date(extended).getTime() - (await now()) + 1000);
      const stopped = await status(handle);
      expect(stopped.state).toBe('evaluating');
      // Due at the end of a day in Paris (23:59:59.999 local).
      expect(stopped.deadlines.evaluationDueAt).toMatch(/T2[12]:59:59\.999Z$/);
      const reminders = notified(run.activities, 'preExpiryReminder');
      expect(reminders.map((r) => r.data.days)).toEqual([14, 7, 1]);
      expect(reminders.every((r) => r.data.expiresAt === extended)).toBe(true);
      const stopNotice = notified(run.activities, 'stopped')[0];
      expect(stopNotice.recipients.userIds.sort()).toEqual(
        [people.pilot, people.sponsor, people.participant].sort(),
      );
      expect(stopNotice.data).toMatchObject({
        kind: 'expired',
        evaluationDueAt: stopped.deadlines.evaluationDueAt,
      });

      // The evaluation is late: the sponsor, then the CODIR with the "Algeco" flag.
      await env.sleep(
        new Date(stopped.deadlines.evaluationDueAt as string).getTime() - (await now()) + 15 * DAY,
      );
      expect(notified(run.activities, 'evaluationReminder').map((r) => r.data.days)).toEqual([7, 1]);
      expect(notified(run.activities, 'evaluationOverdue')).toHaveLength(1);
      expect(notified(run.activities, 'evaluationAlgeco')[0].recipients.roles).toEqual(['codir']);
      expect((await status(handle)).algeco).toBe(true);

      await handle.executeUpdate(submitEvaluationUpdate, {
        args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
      });
      const deciding = await status(handle);
      expect(deciding).toMatchObject({ state: 'deciding', algeco: false });
      const evaluation = run.activities.transitions.find((t) => t.event === 'submitEvaluation');
      expect(evaluation?.evaluation?.onTime).toBe(false);

      await handle.executeUpdate(decideUpdate, {
        args: [
          {
            actor: actor.sponsor,
            decision: { outcome: 'abandon', rationale: 'L’hypothèse ne tient pas hors crèche.' },
          },
        ],
      });
      expect(await handle.result()).toMatchObject({ state: 'abandoned' });
    });
    const states = run.activities.transitions.filter((t) => t.from !== t.to).map((t) => `${t.from}->${t.to}`);
    expect(states).toEqual([
      'null->draft',
      'draft->running',
      'running->evaluating',
      'evaluating->deciding',
      'deciding->abandoned',
    ]);
    // Every recorded event has its own key: nothing recorded twice.
    const keys = run.activities.transitions.map((t) => t.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('perpetuates with a handover, and refuses to perpetuate without one', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start();
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 60)] });
      await handle.executeUpdate(stopEarlyUpdate, {
        args: [{ ...actor.pilot, reason: 'Objectifs atteints' }],
      });
      await handle.executeUpdate(submitEvaluationUpdate, {
        args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
      });
      const reason = await refusal(
        handle.executeUpdate(decideUpdate, {
          args: [{ actor: actor.sponsor, decision: { outcome: 'perpetuate', rationale: 'Ça marche' } }],
        }),
      );
      expect(reason).toMatch(/handover/);
      await handle.executeUpdate(decideUpdate, {
        args: [
          {
            actor: actor.sponsor,
            decision: {
              outcome: 'perpetuate',
              rationale: 'Adopté par les quatre équipes',
              handover: { pilotWithdrawal: 'Fin janvier', takeover: 'Les équipes, avec la puéricultrice' },
            },
          },
        ],
      });
      expect(await handle.result()).toMatchObject({ state: 'perpetuated' });
    });
    const decision = run.activities.transitions.find((t) => t.event === 'decidePerpetuate')?.decision;
    expect(decision).toMatchObject({
      outcome: 'perpetuate',
      onTime: true,
      handover: { takeover: 'Les équipes, avec la puéricultrice' },
    });
  });

  it('refuses to launch until the readiness checklist holds, naming each missing item, and changes nothing', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start();
      const request = launchRequest(await now(), 400, {
        hypothesis: ' ',
        criteria: [],
        sponsorId: null,
        participants: [{ userId: people.participant, consentedAt: null }],
        exitPlan: { pilotWithdrawal: '', takeover: '' },
      });
      const reason = await refusal(handle.executeUpdate(launchUpdate, { args: [request] }));
      expect(reason).toMatch(/hypothesis is required/);
      expect(reason).toMatch(/at least one evaluation criterion/);
      expect(reason).toMatch(/sponsor is required/);
      expect(reason).toMatch(/maximum duration of 365 days/);
      expect(reason).toMatch(/1 participant\(s\) have not consented/);
      expect(reason).toMatch(/exit plan/);
      const past = launchRequest(await now(), -1);
      expect(await refusal(handle.executeUpdate(launchUpdate, { args: [past] }))).toMatch(
        /must be in the future/,
      );
      expect((await status(handle)).state).toBe('draft');
    });
    expect(run.activities.transitions.map((t) => t.event)).toEqual(['create']);
  });

  it('refuses transitions that the current state does not allow, with their reason', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start();
      expect(
        await refusal(handle.executeUpdate(stopEarlyUpdate, { args: [{ ...actor.pilot, reason: 'x' }] })),
      ).toMatch(/"stopEarly" is not allowed while the experiment is draft/);
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 90)] });
      expect(await refusal(handle.executeUpdate(cancelUpdate, { args: [actor.hr] }))).toMatch(
        /not allowed while the experiment is running/,
      );
      expect(
        await refusal(
          handle.executeUpdate(submitEvaluationUpdate, {
            args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
          }),
        ),
      ).toMatch(/"submitEvaluation" is not allowed while the experiment is running/);
      expect(await refusal(handle.executeUpdate(stopEarlyUpdate, { args: [actor.pilot] }))).toMatch(
        /needs a reason/,
      );

      const expiresAt = (await status(handle)).deadlines.expiresAt as string;
      const tooLate = new Date(new Date(expiresAt).getTime() + 400 * DAY).toISOString();
      expect(
        await refusal(
          handle.executeUpdate(requestExtensionUpdate, {
            args: [{ actor: actor.pilot, newExpiresAt: tooLate, justification: 'x' }],
          }),
        ),
      ).toMatch(/maximum duration of 365 days/);
      expect(
        await refusalCode(
          handle.executeUpdate(requestExtensionUpdate, {
            args: [{ actor: actor.pilot, newExpiresAt: tooLate, justification: 'x' }],
          }),
        ),
      ).toEqual({
        type: 'LifecycleRefusal',
        details: [{ code: 'EXTENSION_TOO_LONG', params: { maxDays: 365 } }],
      });
      const later = new Date(new Date(expiresAt).getTime() + 10 * DAY).toISOString();
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actor: actor.pilot, newExpiresAt: later, justification: 'Été' }],
      });
      expect(await refusal(handle.executeUpdate(approveExtensionUpdate, { args: [actor.pilot] }))).toMatch(
        /only the experiment's sponsor/,
      );
      await handle.executeUpdate(refuseExtensionUpdate, {
        args: [{ ...actor.sponsor, reason: 'Pas de budget' }],
      });
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actor: actor.pilot, newExpiresAt: later, justification: 'Été' }],
      });
      await handle.executeUpdate(approveExtensionUpdate, { args: [actor.sponsor] });
      const second = new Date(new Date(later).getTime() + 5 * DAY).toISOString();
      expect(
        await refusal(
          handle.executeUpdate(requestExtensionUpdate, {
            args: [{ actor: actor.pilot, newExpiresAt: second, justification: 'Encore' }],
          }),
        ),
      ).toMatch(/no extension left: at most 1/);
      expect((await status(handle)).deadlines.expiresAt).toBe(later);
    });
    expect(
      run.activities.transitions.filter((t) => t.event.startsWith('extension')).map((t) => t.event),
    ).toEqual(['extensionRequested', 'extensionRefused', 'extensionRequested', 'extensionApproved']);
  });

  it('does not send late the reminders whose time is already past when they are planned', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start();
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 5)] });
      expect(
        (await status(handle)).nextReminders.filter((r) => r.kind === 'preExpiryReminder').map((r) => r.days),
      ).toEqual([1]);
      await env.sleep(6 * DAY);
      expect((await status(handle)).state).toBe('evaluating');
    });
    expect(notified(run.activities, 'preExpiryReminder').map((r) => r.data.days)).toEqual([1]);
  });

  it('keeps the settings it was launched with', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start();
      await handle.executeUpdate(launchUpdate, {
        args: [launchRequest(await now(), 40, {}, { preExpiryReminderDays: [21, 3], evaluationDueDays: 10 })],
      });
      await env.sleep(41 * DAY);
      const stopped = await status(handle);
      const stoppedAt = new Date(
        run.activities.transitions.find((t) => t.event === 'expire')?.occurredAt as string,
      ).getTime();
      const dueInDays = (new Date(stopped.deadlines.evaluationDueAt as string).getTime() - stoppedAt) / DAY;
      expect(dueInDays).toBeGreaterThan(10);
      expect(dueInDays).toBeLessThanOrEqual(11);
    });
    expect(notified(run.activities, 'preExpiryReminder').map((r) => r.data.days)).toEqual([21, 3]);
  });

  it('continues as new before the history grows large, carrying its state, and goes on as before', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start({ historyLimit: 60 });
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 300)] });
      const firstRun = (await handle.describe()).runId;
      for (let week = 1; week <= 12; week += 1) {
        await env.sleep(7 * DAY);
        await handle.executeUpdate(recordCheckInUpdate, {
          args: [
            {
              actor: actor.pilot,
              checkIn: {
                weather: week % 3 === 0 ? 'cloudy' : 'sunny',
                progress: `Semaine ${week}`,
                blockers: '',
              },
            },
          ],
        });
      }
      const described = await handle.describe();
      expect(described.runId).not.toBe(firstRun);
      const carried = await status(handle);
      expect(carried).toMatchObject({ state: 'running', missedCheckIns: 0 });
      await handle.executeUpdate(stopEarlyUpdate, {
        args: [{ ...actor.sponsor, reason: 'Fin de l’année scolaire' }],
      });
      expect((await status(handle)).state).toBe('evaluating');
    });
    expect(run.activities.transitions.filter((t) => t.event === 'checkIn')).toHaveLength(12);
    const keys = run.activities.transitions.map((t) => t.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('escalates a late decision to the sponsor, then to the CODIR with the Algeco flag, and records it as late', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start();
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 30)] });
      await handle.executeUpdate(stopEarlyUpdate, { args: [{ ...actor.pilot, reason: 'Assez de recul' }] });
      await handle.executeUpdate(submitEvaluationUpdate, {
        args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
      });
      const due = (await status(handle)).deadlines.decisionDueAt as string;
      await env.sleep(new Date(due).getTime() - (await now()) + 15 * DAY);
      expect(notified(run.activities, 'decisionReminder').map((r) => r.recipients.userIds)).toEqual([
        [people.sponsor],
        [people.sponsor],
      ]);
      expect(notified(run.activities, 'decisionOverdue')[0].recipients.userIds).toEqual([people.sponsor]);
      expect(notified(run.activities, 'decisionAlgeco')[0].recipients.roles).toEqual(['codir']);
      expect((await status(handle)).algeco).toBe(true);
      await handle.executeUpdate(decideUpdate, {
        args: [
          { actor: actor.sponsor, decision: { outcome: 'abandon', rationale: 'Trop tard pour itérer' } },
        ],
      });
      await handle.result();
    });
    expect(run.activities.transitions.find((t) => t.event === 'decideAbandon')?.decision?.onTime).toBe(false);
    expect(run.activities.transitions.filter((t) => t.event === 'decisionAlgeco')).toHaveLength(1);
  });

  it('records an amendment of the criteria with its reason, and asks the evaluation to answer the amended ones', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start();
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 30)] });
      expect(
        await refusal(
          handle.executeUpdate(amendCriteriaUpdate, {
            args: [{ actor: actor.pilot, criteria: evaluationCriteria, reason: ' ' }],
          }),
        ),
      ).toMatch(/needs a reason/);
      await handle.executeUpdate(amendCriteriaUpdate, {
        args: [
          {
            actor: actor.pilot,
            criteria: evaluationCriteria,
            reason: 'Les familles ont demandé un critère de confiance',
          },
        ],
      });
      await handle.executeUpdate(stopEarlyUpdate, { args: [{ ...actor.pilot, reason: 'Fin' }] });
      const reason = await refusal(
        handle.executeUpdate(submitEvaluationUpdate, {
          args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
        }),
      );
      expect(reason).toMatch(/missing: Confiance des familles/);
      await handle.executeUpdate(submitEvaluationUpdate, {
        args: [
          {
            actor: actor.pilot,
            evaluation: {
              ...evaluationStub.complete,
              criterionResults: [
                ...evaluationStub.complete.criterionResults,
                { criterionId: 'trust', result: 'Les familles se disent rassurées', met: true },
              ],
            },
          },
        ],
      });
      expect((await status(handle)).amendments).toHaveLength(1);
    });
    const evaluation = run.activities.transitions.find((t) => t.event === 'submitEvaluation')?.evaluation;
    expect(evaluation?.criteriaAtLaunch.map((c) => c.id)).toEqual(['errors', 'load']);
    expect(evaluation?.amendments[0]).toMatchObject({
      reason: 'Les familles ont demandé un critère de confiance',
    });
    expect(
      run.activities.transitions.find((t) => t.event === 'criteriaAmended')?.amendment?.criteria,
    ).toHaveLength(3);
  });

  it('cancels a draft and completes', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const { handle } = await run.start();
      await handle.executeUpdate(cancelUpdate, { args: [{ ...actor.hr, reason: 'Doublon' }] });
      expect(await handle.result()).toMatchObject({ state: 'cancelled' });
    });
    expect(run.activities.transitions.at(-1)).toMatchObject({
      event: 'cancel',
      from: 'draft',
      to: 'cancelled',
      reason: 'Doublon',
    });
  });

  // The Java test server leaks its time-skipping lock when a parent closes before an
  // abandoned child; this test gets an environment of its own so that others keep skipping.
  describe('with its own test server', () => {
    beforeAll(async () => {
      await env.teardown();
      env = await createTimeSkippingEnvironment();
    });

    it('iterates: the next experiment is created in draft, linked to its parent, and its workflow started', async () => {
      const run = await setup();
      await run.worker.runUntil(async () => {
        const { handle, experimentId } = await run.start();
        await handle.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 30)] });
        await env.sleep(31 * DAY);
        await handle.executeUpdate(submitEvaluationUpdate, {
          args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
        });
        await handle.executeUpdate(decideUpdate, {
          args: [
            {
              actor: actor.sponsor,
              decision: {
                outcome: 'iterate',
                rationale: 'À tester sur un autre site',
                nextFocus: 'Deux autres crèches',
              },
            },
          ],
        });
        const result = await handle.result();
        expect(result.state).toBe('iterated');
        const [iteration] = run.activities.iterations;
        expect(iteration).toMatchObject({ parentId: experimentId, nextFocus: 'Deux autres crèches' });
        const child = env.client.workflow.getHandle(experimentWorkflowId(iteration.newExperimentId));
        started.push(child);
        expect(await child.query(snapshotQuery)).toMatchObject({
          experimentId: iteration.newExperimentId,
          state: 'draft',
        });
        expect((await status(handle)).childExperimentId).toBe(iteration.newExperimentId);
      });
    });
  });
});
