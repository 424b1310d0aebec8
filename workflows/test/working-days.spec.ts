import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  addWorkingDays,
  endOfLocalDay,
  isWorkingDay,
  localDate,
  workingCalendar,
  type LifecycleSettings,
} from '@capacites/domain';
import {
  launchUpdate,
  statusQuery,
  stopEarlyUpdate,
} from '../src/experiment-lifecycle/experiment-lifecycle.messages';
import type { NotifyInput } from '../src/experiment-lifecycle/experiment-lifecycle.activities';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';
import { startLifecycle } from './support/lifecycle';
import { fakeActivities } from './support/fake-activities';
import { actor, DAY, launchRequest } from './support/stubs';

const PARIS = 'Europe/Paris';

/**
 * Working days in the lifecycle (issue 15, item 5), on the time-skipping server: a test
 * expiring on 26 December (a holiday in Moselle) has its reminders before Christmas moved
 * to working days, and an evaluation due counted in working days skips the holidays.
 */
describe('experiment lifecycle on working days (time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;
  const started: WorkflowHandle[] = [];

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });
  afterEach(async () => {
    for (const handle of started.splice(0)) await handle.terminate('end of test').catch(() => undefined);
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const now = async () => (await env.currentTimeMs()) as number;

  async function setup() {
    const activities = fakeActivities();
    // When each notice was asked for, in the server's (skipped) time.
    const sentAt = new Map<string, number>();
    const notify = activities.notify;
    activities.notify = async (input: NotifyInput) => {
      sentAt.set(input.idempotencyKey, Context.current().info.scheduledTimestampMs);
      await notify(input);
    };
    const taskQueue = `wd-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    const start = async () => {
      const handle = await startLifecycle(env, taskQueue);
      started.push(handle);
      return handle;
    };
    return { activities, sentAt, worker, start };
  }

  /** 26 December of the first year it is at least 20 days away (the server's clock is today's). */
  const boxingDay = (from: number): string => {
    let year = new Date(from).getUTCFullYear();
    while (endOfLocalDay(`${year}-12-26`, PARIS).getTime() < from + 20 * DAY) year += 1;
    return `${year}-12-26`;
  };

  it('sends each reminder on a working day, moved before the weekend or the holiday, at 9:00 local time', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const handle = await run.start();
      const launchedAt = await now();
      const expiryDay = boxingDay(launchedAt);
      const year = Number(expiryDay.slice(0, 4));
      const calendar = workingCalendar('57', year - 1, year + 3);
      const expiresAt = endOfLocalDay(expiryDay, PARIS).toISOString();
      const request = launchRequest(
        launchedAt,
        1,
        { expiresAt, checkInCadenceDays: null },
        { departement: '57' },
      );
      await handle.executeUpdate(launchUpdate, { args: [{ ...request, calendar }] });

      const planned = (await handle.query(statusQuery)).nextReminders.filter(
        (r) => r.kind === 'preExpiryReminder',
      );
      expect(planned).toHaveLength(3);
      for (const reminder of planned) {
        const day = localDate(new Date(reminder.at), PARIS);
        expect(isWorkingDay(day, calendar)).toBe(true);
        // 9:00 in Paris in winter.
        expect(reminder.at).toMatch(/T08:00:00\.000Z$/);
      }
      // "1 day before" is 25 December, Christmas: the reminder goes out on the last working day before.
      const dayBefore = planned.find((r) => r.days === 1);
      expect(localDate(new Date(dayBefore?.at as string), PARIS) < `${year}-12-25`).toBe(true);

      await env.sleep(new Date(expiresAt).getTime() - (await now()) + 1000);
      expect((await handle.query(statusQuery)).state).toBe('evaluating');
      const sent = run.activities.notifications.filter((n) => n.event === 'preExpiryReminder');
      expect(sent.map((n) => n.data.days)).toEqual([14, 7, 1]);
      for (const notice of sent) {
        const at = run.sentAt.get(notice.idempotencyKey) as number;
        expect(isWorkingDay(localDate(new Date(at), PARIS), calendar)).toBe(true);
      }
    });
  });

  it('counts the evaluation due in working days when the organisation says so, skipping the holidays', async () => {
    const run = await setup();
    await run.worker.runUntil(async () => {
      const settings: Partial<LifecycleSettings> = {
        departement: '57',
        evaluationDueDays: 10,
        workingDayDurations: ['evaluationDue', 'reminders'],
      };
      const withCalendar = await run.start();
      const control = await run.start();
      const launchedAt = await now();
      const expiryDay = boxingDay(launchedAt);
      const year = Number(expiryDay.slice(0, 4));
      const calendar = workingCalendar('57', year - 1, year + 3);
      const framing = { expiresAt: endOfLocalDay(expiryDay, PARIS).toISOString(), checkInCadenceDays: null };
      await withCalendar.executeUpdate(launchUpdate, {
        args: [{ ...launchRequest(launchedAt, 1, framing, settings), calendar }],
      });
      // A test launched without a holiday table (before this release) keeps calendar days.
      await control.executeUpdate(launchUpdate, { args: [launchRequest(launchedAt, 1, framing, settings)] });

      // Both stop early on the same day, 22 December; Christmas, 26 December and New Year's Day are off in Moselle.
      await env.sleep(endOfLocalDay(`${year}-12-22`, PARIS).getTime() - 12 * 3600 * 1000 - (await now()));
      await withCalendar.executeUpdate(stopEarlyUpdate, { args: [{ ...actor.sponsor, reason: 'Fin anticipée' }] });
      await control.executeUpdate(stopEarlyUpdate, { args: [{ ...actor.sponsor, reason: 'Fin anticipée' }] });

      const due = (await withCalendar.query(statusQuery)).deadlines.evaluationDueAt as string;
      expect(localDate(new Date(due), PARIS)).toBe(addWorkingDays(`${year}-12-22`, 10, calendar));
      expect(localDate(new Date(due), PARIS) > `${year + 1}-01-04`).toBe(true);
      const controlDue = (await control.query(statusQuery)).deadlines.evaluationDueAt as string;
      expect(localDate(new Date(controlDue), PARIS)).toBe(`${year + 1}-01-01`);
      // Reminders counted in working days before the due date: 7 and 1 working days before, at 9:00.
      const reminders = (await withCalendar.query(statusQuery)).nextReminders.filter(
        (r) => r.kind === 'evaluationReminder',
      );
      expect(reminders.map((r) => localDate(new Date(r.at), PARIS))).toEqual([
        addWorkingDays(localDate(new Date(due), PARIS), -7, calendar),
        addWorkingDays(localDate(new Date(due), PARIS), -1, calendar),
      ]);
    });
  });
});
