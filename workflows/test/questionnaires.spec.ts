import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { localDayAt } from '@capacites/domain';
import {
  approveExtensionUpdate,
  cancelUpdate,
  launchUpdate,
  requestExtensionUpdate,
  statusQuery,
  stopEarlyUpdate,
  submitEvaluationUpdate,
  type ExperimentLifecycleInput,
} from '../src/experiment-lifecycle/experiment-lifecycle.messages';
import {
  closeQuestionnaireUpdate,
  questionnaireWindowsQuery,
  scheduleQuestionnaireUpdate,
  type QuestionnaireEventInput,
} from '../src/experiment-lifecycle/experiment-lifecycle.questionnaires.messages';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';
import { startLifecycle } from './support/lifecycle';
import {
  fakeActivitiesWithQuestionnaires,
  type FakeWithQuestionnaires,
} from './support/fake-questionnaire-activities';
import { actor, DAY, evaluationStub, launchRequest, people } from './support/stubs';

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      return cause instanceof ApplicationFailure ? (cause.details as { code?: string }[])?.[0]?.code : undefined;
    }
    throw error;
  }
  throw new Error('the update was accepted');
}

const PARIS = 'Europe/Paris';
/** The recorded event of that name (the test fails when there is none). */
const occurred = (transitions: { event: string; occurredAt: string }[], event: string): string => {
  const found = transitions.find((t) => t.event === event);
  if (!found) throw new Error(`no ${event} recorded`);
  return found.occurredAt;
};

/** Timers of a moment already past fire a millisecond later in workflow time. */
const near = (a: string, b: string) => Math.abs(new Date(a).getTime() - new Date(b).getTime()) < 60_000;
const summary = (events: QuestionnaireEventInput[], id: string) =>
  events.filter((e) => e.questionnaireId === id).map((e) => e.event);

describe('questionnaires in the experiment workflow: windows, reminders, closing (time-skipping test server)', () => {
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
  ): Promise<FakeWithQuestionnaires> {
    const activities = fakeActivitiesWithQuestionnaires();
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

  it('opens a pulse at launch, reminds non-respondents at J-3 09:00 Paris, closes at the expiry: each an audited event', async () => {
    const q = randomUUID();
    let launchedAt = 0;
    let expiresAt = '';
    const activities = await run(async (start) => {
      const handle = await start();
      // Published on a draft: nothing opens before the launch.
      const scheduled = await handle.executeUpdate(scheduleQuestionnaireUpdate, {
        args: [{ actor: actor.pilot, questionnaireId: q, audience: 'participants', window: { kind: 'run' } }],
      });
      expect(scheduled).toMatchObject({ status: 'scheduled', opensAt: null, closesAt: null });
      // Publishing twice (a retried request) answers with the same state, records nothing more.
      await handle.executeUpdate(scheduleQuestionnaireUpdate, {
        args: [{ actor: actor.pilot, questionnaireId: q, audience: 'participants', window: { kind: 'run' } }],
      });
      await env.sleep(2 * DAY);
      launchedAt = await now();
      const launch = launchRequest(launchedAt, 30);
      expiresAt = launch.framing.expiresAt as string;
      await handle.executeUpdate(launchUpdate, { args: [launch] });
      // The workflow opens it by itself at the launch.
      await env.sleep(1000);
      expect((await handle.query(questionnaireWindowsQuery))[0]).toMatchObject({ status: 'open', closesAt: expiresAt });
      await env.sleep(31 * DAY);
      expect((await handle.query(statusQuery)).state).toBe('evaluating');
      expect((await handle.query(questionnaireWindowsQuery))[0].status).toBe('closed');
    });
    const events = activities.questionnaireEvents;
    expect(summary(events, q)).toEqual([
      'questionnairePublished',
      'questionnaireOpened',
      'questionnaireReminded',
      'questionnaireClosed',
    ]);
    const [published, opened, reminded, closed] = events;
    expect(published).toMatchObject({ status: 'scheduled', actorId: people.pilot, experimentState: 'draft' });
    expect(new Date(opened.occurredAt).getTime()).toBeGreaterThanOrEqual(launchedAt);
    expect(opened).toMatchObject({ status: 'open', recipientIds: [people.participant], closesAt: expiresAt });
    expect(near(reminded.occurredAt, localDayAt(new Date(expiresAt), -3, 9, PARIS).toISOString())).toBe(true);
    expect(reminded.recipientIds).toEqual([people.participant]);
    // Closed at the expiry itself, after the stop was recorded, the pilots told.
    expect(closed).toMatchObject({ status: 'closed', recipientIds: [people.pilot], experimentState: 'evaluating' });
    expect(near(closed.occurredAt, occurred(activities.transitions, 'expire'))).toBe(true);
    // Unique keys: one audit row per event.
    expect(new Set(events.map((e) => e.idempotencyKey)).size).toBe(events.length);
  });

  it('follows an extension, and at an early stop closes at once without a late reminder', async () => {
    const q = randomUUID();
    let newExpiry = '';
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(at, 20)] });
      const state = await handle.executeUpdate(scheduleQuestionnaireUpdate, {
        args: [{ actor: actor.hr, questionnaireId: q, audience: 'participants', window: { kind: 'run' } }],
      });
      // Published on a running test: open at once.
      expect(state.status).toBe('open');
      newExpiry = new Date(at + 40 * DAY).toISOString();
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actor: actor.pilot, newExpiresAt: newExpiry, justification: 'Plus de recul' }],
      });
      await handle.executeUpdate(approveExtensionUpdate, { args: [actor.sponsor] });
      // Past the old J-3 and the old expiry: no reminder, still open.
      await env.sleep(21 * DAY);
      // No reminder was sent for the old closing (none is handled yet).
      expect((await handle.query(questionnaireWindowsQuery))[0]).toMatchObject({ status: 'open', handled: [] });
      // Stopped 2 days before the new J-3: closes now; the reminder never comes.
      await env.sleep(15 * DAY);
      await handle.executeUpdate(stopEarlyUpdate, { args: [{ ...actor.pilot, reason: 'Assez de recul' }] });
      await env.sleep(10 * DAY);
    });
    expect(summary(activities.questionnaireEvents, q)).toEqual([
      'questionnairePublished',
      'questionnaireOpened',
      'questionnaireClosed',
    ]);
    const closed = activities.questionnaireEvents.at(-1);
    expect(near(closed?.occurredAt ?? '', occurred(activities.transitions, 'stopEarly'))).toBe(true);
  });

  it('an evaluation-period survey opens at the stop and closes when the evaluation is submitted', async () => {
    const q = randomUUID();
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(at, 10)] });
      await handle.executeUpdate(scheduleQuestionnaireUpdate, {
        args: [{ actor: actor.pilot, questionnaireId: q, audience: 'public', window: { kind: 'evaluation' } }],
      });
      expect((await handle.query(questionnaireWindowsQuery))[0].status).toBe('scheduled');
      await env.sleep(11 * DAY);
      const windows = await handle.query(questionnaireWindowsQuery);
      const status = await handle.query(statusQuery);
      expect(windows[0]).toMatchObject({ status: 'open', closesAt: status.deadlines.evaluationDueAt });
      await env.sleep(5 * DAY);
      await handle.executeUpdate(submitEvaluationUpdate, { args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }] });
      await env.sleep(1000);
      expect((await handle.query(questionnaireWindowsQuery))[0].status).toBe('closed');
    });
    const events = activities.questionnaireEvents.filter((e) => e.questionnaireId === q);
    // The public is never reminded (nobody to remind); opening at the expiry.
    expect(events.map((e) => e.event)).toEqual(['questionnairePublished', 'questionnaireOpened', 'questionnaireClosed']);
    expect(near(events[1].occurredAt, occurred(activities.transitions, 'expire'))).toBe(true);
    expect(events[1].recipientIds).toEqual([]);
    expect(near(events[2].occurredAt, occurred(activities.transitions, 'submitEvaluation'))).toBe(true);
  });

  it('refuses what the rules refuse, closes by hand once, and closes everything when a draft is cancelled', async () => {
    const custom = randomUUID();
    const byHand = randomUUID();
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      const window = { kind: 'custom' as const, opensAt: new Date(at + 2 * DAY).toISOString(), closesAt: new Date(at + 30 * DAY).toISOString() };
      expect(
        await refusal(
          handle.executeUpdate(scheduleQuestionnaireUpdate, {
            args: [
              {
                actor: actor.pilot,
                questionnaireId: randomUUID(),
                audience: 'public',
                window: { ...window, closesAt: new Date(at - DAY).toISOString() },
              },
            ],
          }),
        ),
      ).toBe('QUESTIONNAIRE_WINDOW_PAST');
      await handle.executeUpdate(scheduleQuestionnaireUpdate, {
        args: [{ actor: actor.pilot, questionnaireId: custom, audience: 'public', window }],
      });
      await handle.executeUpdate(scheduleQuestionnaireUpdate, {
        args: [{ actor: actor.pilot, questionnaireId: byHand, audience: 'public', window: { kind: 'custom', opensAt: null, closesAt: window.closesAt } }],
      });
      expect((await handle.query(questionnaireWindowsQuery)).map((w) => w.status)).toEqual(['scheduled', 'open']);
      await handle.executeUpdate(closeQuestionnaireUpdate, {
        args: [{ actor: { userId: people.hr, reason: 'Assez de réponses' }, questionnaireId: byHand }],
      });
      expect(
        await refusal(handle.executeUpdate(closeQuestionnaireUpdate, { args: [{ actor: actor.hr, questionnaireId: byHand }] })),
      ).toBe('QUESTIONNAIRE_CLOSED');
      expect(
        await refusal(handle.executeUpdate(closeQuestionnaireUpdate, { args: [{ actor: actor.hr, questionnaireId: randomUUID() }] })),
      ).toBe('NOT_FOUND');
      // The public's custom window opens on its day, even before the launch (a baseline).
      await env.sleep(3 * DAY);
      expect((await handle.query(questionnaireWindowsQuery))[0].status).toBe('open');
      await handle.executeUpdate(cancelUpdate, { args: [actor.hr] });
      await handle.result();
    });
    expect(summary(activities.questionnaireEvents, byHand)).toEqual([
      'questionnairePublished',
      'questionnaireOpened',
      'questionnaireClosed',
    ]);
    expect(activities.questionnaireEvents.find((e) => e.questionnaireId === byHand && e.event === 'questionnaireClosed')).toMatchObject({
      actorId: people.hr,
      reason: 'Assez de réponses',
    });
    // A questionnaire never outlives its test.
    const closed = activities.questionnaireEvents.filter((e) => e.questionnaireId === custom).at(-1);
    expect(closed).toMatchObject({ event: 'questionnaireClosed', experimentState: 'cancelled' });
  });

  it('refuses a pulse on a test being evaluated, and carries the windows across continue-as-new', async () => {
    const q = randomUUID();
    const activities = await run(async (start) => {
      const handle = await start({ historyLimit: 40 });
      const firstRun = (await handle.describe()).runId;
      const at = await now();
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(at, 60, { checkInCadenceDays: 1 })] });
      await handle.executeUpdate(scheduleQuestionnaireUpdate, {
        args: [{ actor: actor.pilot, questionnaireId: q, audience: 'participants', window: { kind: 'run' } }],
      });
      // Daily missed check-ins fill the history: the workflow continues as new several times.
      await env.sleep(61 * DAY);
      // It did continue as new: the window was carried into a later run and closed there.
      expect((await handle.describe()).runId).not.toBe(firstRun);
      expect((await handle.query(questionnaireWindowsQuery))[0].status).toBe('closed');
      expect(
        await refusal(
          handle.executeUpdate(scheduleQuestionnaireUpdate, {
            args: [{ actor: actor.pilot, questionnaireId: randomUUID(), audience: 'participants', window: { kind: 'run' } }],
          }),
        ),
      ).toBe('QUESTIONNAIRE_EXPERIMENT_STATE');
    });
    expect(summary(activities.questionnaireEvents, q)).toEqual([
      'questionnairePublished',
      'questionnaireOpened',
      'questionnaireReminded',
      'questionnaireClosed',
    ]);
  });
});
