import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  addWorkingDays,
  launchApprovalReminders,
  localDate,
  type LaunchRequestInfo,
  type WorkingCalendar,
} from '@capacites/domain';
import {
  approveExtensionUpdate,
  cancelUpdate,
  launchUpdate,
  requestExtensionUpdate,
  statusQuery,
  type Actor,
  type LaunchRequest,
} from '../src/experiment-lifecycle/experiment-lifecycle.messages';
import {
  approveLaunchUpdate,
  reassignPeopleUpdate,
  refuseLaunchUpdate,
  reportDepartureUpdate,
  requestLaunchUpdate,
  withdrawLaunchRequestUpdate,
} from '../src/experiment-lifecycle/experiment-lifecycle.approval.messages';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';
import { startLifecycle } from './support/lifecycle';
import { fakeActivities, type FakeActivities } from './support/fake-activities';
import { actor, DAY, launchRequest, people } from './support/stubs';

/** The stable code and parameters of a refused update (validator or handler). */
async function refusal(
  promise: Promise<unknown>,
): Promise<{ code?: string; params?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      const details =
        cause instanceof ApplicationFailure
          ? (cause.details as { code?: string; params?: Record<string, unknown> }[])
          : [];
      return { code: details?.[0]?.code, params: details?.[0]?.params };
    }
    throw error;
  }
  throw new Error('the update was accepted');
}

const codir = randomUUID();
const newPilot = randomUUID();
const newSponsor = randomUUID();

/** A launch as the API sends it in an organisation that approves launches (four-eyes). */
const approvalRequest = (
  at: number,
  who: Actor,
  days = 60,
  extra: Partial<LaunchRequest> = {},
): LaunchRequest => {
  const request = launchRequest(at, days, {}, { launchApproval: true });
  return { ...request, actor: who, ...extra };
};

describe('launch approval and reassignment (workflow, time-skipping test server)', () => {
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

  async function run(body: (start: () => Promise<WorkflowHandle>) => Promise<void>): Promise<FakeActivities> {
    const activities = fakeActivities();
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    await worker.runUntil(
      body(async () => {
        const handle = await startLifecycle(env, taskQueue);
        started.push(handle);
        return handle;
      }),
    );
    return activities;
  }

  it('waits in draft for the sponsor, who approves: the test runs, audited, and the requester is told', async () => {
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      await handle.executeUpdate(requestLaunchUpdate, { args: [approvalRequest(at, actor.hr)] });
      const waiting = await handle.query(statusQuery);
      expect(waiting.state).toBe('draft');
      expect(waiting.launchRequest).toMatchObject({ requestedBy: people.hr, sponsorId: people.sponsor });
      expect(waiting.allowedActions.map((a) => a.action)).toEqual([
        'approveLaunch',
        'refuseLaunch',
        'withdrawLaunchRequest',
        'cancel',
      ]);
      // Nobody launches around the request, nor asks twice.
      expect(
        await refusal(handle.executeUpdate(launchUpdate, { args: [approvalRequest(at, actor.pilot)] })),
      ).toMatchObject({
        code: 'LAUNCH_REQUEST_PENDING',
      });
      expect(
        await refusal(
          handle.executeUpdate(requestLaunchUpdate, { args: [approvalRequest(at, actor.pilot)] }),
        ),
      ).toMatchObject({ code: 'LAUNCH_REQUEST_PENDING' });
      await env.sleep(DAY / 2);
      await handle.executeUpdate(approveLaunchUpdate, {
        args: [approvalRequest(await now(), actor.sponsor)],
      });
      const running = await handle.query(statusQuery);
      expect(running.state).toBe('running');
      expect(running.launchRequest).toBeNull();
    });
    expect(activities.transitions.map((t) => t.event)).toEqual(['create', 'launchRequested', 'launch']);
    const [, requested, launched] = activities.transitions;
    expect(requested).toMatchObject({ actorId: people.hr, from: 'draft', to: 'draft' });
    expect(requested.patch).toMatchObject({
      launchRequestedBy: people.hr,
      launchRequestedAt: expect.any(String),
    });
    expect(launched).toMatchObject({ actorId: people.sponsor, from: 'draft', to: 'running' });
    expect(launched.patch).toMatchObject({
      launchRequestedAt: null,
      launchRequestedBy: null,
      launchedAt: expect.any(String),
    });
    expect(launched.details).toMatchObject({ approval: { requestedBy: people.hr } });
    const byEvent = (event: string) => activities.notifications.filter((n) => n.event === event);
    expect(byEvent('launchApprovalRequested')[0].recipients).toEqual({
      userIds: [people.sponsor],
      roles: ['codir'],
    });
    expect(byEvent('launchApproved')[0].recipients).toEqual({ userIds: [people.hr], roles: [] });
    expect(byEvent('launched')[0].recipients.userIds).toEqual(
      expect.arrayContaining([people.pilot, people.sponsor, people.participant]),
    );
  });

  it('refuses a direct launch when the organisation approves launches, and a request when it does not', async () => {
    await run(async (start) => {
      const handle = await start();
      const at = await now();
      expect(
        await refusal(handle.executeUpdate(launchUpdate, { args: [approvalRequest(at, actor.pilot)] })),
      ).toMatchObject({
        code: 'LAUNCH_APPROVAL_REQUIRED',
      });
      expect(
        await refusal(handle.executeUpdate(requestLaunchUpdate, { args: [launchRequest(at, 60)] })),
      ).toMatchObject({ code: 'LAUNCH_APPROVAL_NOT_REQUIRED' });
      expect(
        await refusal(
          handle.executeUpdate(approveLaunchUpdate, { args: [approvalRequest(at, actor.sponsor)] }),
        ),
      ).toMatchObject({ code: 'NO_LAUNCH_REQUEST' });
      expect((await handle.query(statusQuery)).state).toBe('draft');
    });
  });

  it('never lets the requester, nor a pilot, approve; a refusal needs a reason and reaches the requester and pilots', async () => {
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      await handle.executeUpdate(requestLaunchUpdate, { args: [approvalRequest(at, actor.pilot)] });
      expect(
        await refusal(
          handle.executeUpdate(approveLaunchUpdate, { args: [approvalRequest(at, actor.pilot)] }),
        ),
      ).toMatchObject({ code: 'LAUNCH_APPROVER_IS_REQUESTER' });
      expect(
        await refusal(
          handle.executeUpdate(refuseLaunchUpdate, { args: [{ ...actor.pilot, reason: 'Non' }] }),
        ),
      ).toMatchObject({ code: 'LAUNCH_APPROVER_IS_REQUESTER' });
      expect(
        await refusal(handle.executeUpdate(refuseLaunchUpdate, { args: [{ userId: codir }] })),
      ).toMatchObject({ code: 'LAUNCH_REFUSAL_REASON_REQUIRED' });
      await handle.executeUpdate(refuseLaunchUpdate, {
        args: [{ userId: codir, reason: 'Le périmètre doit inclure la crèche Nord' }],
      });
      expect((await handle.query(statusQuery)).launchRequest).toBeNull();
      // HR asks again; a pilot who is also on the CODIR does not approve their own test.
      await handle.executeUpdate(requestLaunchUpdate, { args: [approvalRequest(at, actor.hr)] });
      expect(
        await refusal(
          handle.executeUpdate(approveLaunchUpdate, { args: [approvalRequest(at, actor.pilot)] }),
        ),
      ).toMatchObject({ code: 'LAUNCH_APPROVER_IS_PILOT' });
      await handle.executeUpdate(withdrawLaunchRequestUpdate, { args: [{ ...actor.hr, reason: 'Doublon' }] });
      expect((await handle.query(statusQuery)).state).toBe('draft');
    });
    expect(activities.transitions.map((t) => t.event)).toEqual([
      'create',
      'launchRequested',
      'launchRefused',
      'launchRequested',
      'launchRequestWithdrawn',
    ]);
    const refused = activities.transitions[2];
    expect(refused).toMatchObject({ actorId: codir, reason: 'Le périmètre doit inclure la crèche Nord' });
    expect(refused.patch).toEqual({ launchRequestedAt: null, launchRequestedBy: null });
    const notice = activities.notifications.find((n) => n.event === 'launchRefused');
    expect(notice?.recipients.userIds.sort()).toEqual([people.pilot].sort());
    expect(notice?.data).toMatchObject({ reason: 'Le périmètre doit inclure la crèche Nord' });
    const withdrawn = activities.notifications.find((n) => n.event === 'launchRequestWithdrawn');
    expect(withdrawn?.recipients).toEqual({ userIds: [people.sponsor], roles: ['codir'] });
  });

  it('checks the readiness again at approval and refuses with the reasons, the request still waiting', async () => {
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      await handle.executeUpdate(requestLaunchUpdate, { args: [approvalRequest(at, actor.hr, 3)] });
      // Between request and approval: a participant withdrew consent, and later the expiry passed.
      const withdrawn = approvalRequest(at, actor.sponsor, 3);
      withdrawn.framing.participants = [{ userId: people.participant, consentedAt: null }];
      expect(await refusal(handle.executeUpdate(approveLaunchUpdate, { args: [withdrawn] }))).toMatchObject({
        code: 'CONSENT_MISSING',
        params: { missing: ['consent'] },
      });
      await env.sleep(4 * DAY);
      const stale = await refusal(
        handle.executeUpdate(approveLaunchUpdate, { args: [approvalRequest(at, actor.sponsor, 3)] }),
      );
      expect(stale).toMatchObject({ code: 'EXPIRY_INVALID', params: { missing: ['expiry'] } });
      expect((stale.params?.problems as string[]).join(' ')).toMatch(/in the future/);
      const status = await handle.query(statusQuery);
      expect(status.state).toBe('draft');
      expect(status.launchRequest?.requestedBy).toBe(people.hr);
      await handle.executeUpdate(cancelUpdate, { args: [{ ...actor.hr, reason: 'Trop tard' }] });
    });
    expect(activities.transitions.map((t) => t.event)).toEqual(['create', 'launchRequested', 'cancel']);
    // A cancelled request no longer shows as waiting.
    expect(activities.transitions[2].patch).toEqual({ launchRequestedAt: null, launchRequestedBy: null });
  });

  it('reminds the approvers on working days (holidays skipped), the last reminder reaching the CODIR; none once decided', async () => {
    let planned: string[] = [];
    let expected: string[] = [];
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      const zone = 'Europe/Paris';
      // A public holiday on the second working day after the request: the first reminder skips it.
      const today = localDate(new Date(at), zone);
      const holiday = addWorkingDays(today, 2, null);
      const year = Number(today.slice(0, 4));
      const calendar: WorkingCalendar = {
        departement: null,
        firstYear: year,
        lastYear: year + 1,
        holidays: [holiday],
      };
      await handle.executeUpdate(requestLaunchUpdate, {
        args: [approvalRequest(at, actor.hr, 60, { calendar })],
      });
      const status = await handle.query(statusQuery);
      planned = status.nextReminders.filter((r) => r.kind === 'launchApprovalReminder').map((r) => r.at);
      const info = status.launchRequest as LaunchRequestInfo;
      expected = launchApprovalReminders(info).map((r) => r.at.toISOString());
      expect(localDate(new Date(planned[0]), zone)).toBe(addWorkingDays(today, 2, calendar));
      expect(localDate(new Date(planned[0]), zone)).not.toBe(holiday);
      await env.sleep(12 * DAY);
      // Decided: the reminders stop.
      const other = await start();
      await other.executeUpdate(requestLaunchUpdate, { args: [approvalRequest(await now(), actor.hr)] });
      await other.executeUpdate(approveLaunchUpdate, { args: [approvalRequest(await now(), actor.sponsor)] });
      await env.sleep(12 * DAY);
    });
    expect(planned).toEqual(expected);
    expect(planned).toHaveLength(2);
    for (const instant of planned) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        weekday: 'short',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(instant));
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri),? 09$/);
    }
    const reminders = activities.notifications.filter((n) => n.event === 'launchApprovalReminder');
    expect(reminders).toHaveLength(2);
    expect(reminders[0].recipients).toEqual({ userIds: [people.sponsor], roles: [] });
    expect(reminders[1].recipients).toEqual({ userIds: [people.sponsor], roles: ['codir'] });
    expect(reminders[1].data).toMatchObject({ days: 5, last: true });
  });

  it('tells HR once when a pilot is gone, and a reassignment gives the test to new people who get its notices', async () => {
    const activities = await run(async (start) => {
      const handle = await start();
      const at = await now();
      await handle.executeUpdate(launchUpdate, { args: [launchRequest(at, 30)] });
      const report = { actor: { userId: people.hr }, userId: people.pilot, kind: 'disabled' as const };
      await handle.executeUpdate(reportDepartureUpdate, { args: [report] });
      await handle.executeUpdate(reportDepartureUpdate, { args: [report] });
      await handle.executeUpdate(reportDepartureUpdate, { args: [{ ...report, userId: randomUUID() }] });
      expect((await handle.query(statusQuery)).departedPeople).toEqual([people.pilot]);
      const reassign = (pilotIds: string[], sponsorId: string) =>
        handle.executeUpdate(reassignPeopleUpdate, {
          args: [{ actor: actor.hr, pilotIds, sponsorId, reason: 'Départ' }],
        });
      expect(await refusal(reassign([newPilot], newPilot))).toMatchObject({ code: 'PILOT_IS_SPONSOR' });
      expect(await refusal(reassign([people.pilot], people.sponsor))).toMatchObject({
        code: 'REASSIGNMENT_UNCHANGED',
      });
      expect(await refusal(reassign([], people.sponsor))).toMatchObject({
        code: 'REASSIGNMENT_PEOPLE_REQUIRED',
      });
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [
          { actor: actor.hr, newExpiresAt: new Date(at + 50 * DAY).toISOString(), justification: 'Été' },
        ],
      });
      await reassign([newPilot], newSponsor);
      expect((await handle.query(statusQuery)).departedPeople).toEqual([]);
      // The former sponsor no longer decides; the new one does.
      expect(
        await refusal(handle.executeUpdate(approveExtensionUpdate, { args: [actor.sponsor] })),
      ).toMatchObject({
        code: 'SPONSOR_DECIDES_EXTENSION',
      });
      await handle.executeUpdate(approveExtensionUpdate, { args: [{ userId: newSponsor }] });
      // Past the new expiry (day 50): reminders, then the stop.
      await env.sleep(52 * DAY);
    });
    const events = activities.transitions.map((t) => t.event);
    expect(events.filter((e) => e === 'personDeparted')).toHaveLength(1);
    const departed = activities.transitions.find((t) => t.event === 'personDeparted');
    expect(departed).toMatchObject({
      actorId: people.hr,
      details: { userId: people.pilot, kind: 'disabled', roles: ['pilot'] },
    });
    expect(departed?.notice).toMatchObject({
      event: 'experimentOrphaned',
      recipients: { userIds: [], roles: ['hr'] },
    });
    const reassigned = activities.transitions.find((t) => t.event === 'peopleReassigned');
    expect(reassigned).toMatchObject({
      actorId: people.hr,
      reason: 'Départ',
      from: 'running',
      to: 'running',
    });
    expect(reassigned?.patch).toEqual({ pilotIds: [newPilot], sponsorId: newSponsor });
    expect(reassigned?.details).toMatchObject({
      before: { pilotIds: [people.pilot], sponsorId: people.sponsor },
      added: [newPilot, newSponsor],
      removed: [people.pilot, people.sponsor],
    });
    expect(reassigned?.notice).toMatchObject({
      event: 'peopleAssigned',
      recipients: { userIds: [newPilot, newSponsor] },
      data: { extensionPending: true },
    });
    expect(activities.notifications.find((n) => n.event === 'peopleUnassigned')?.recipients.userIds).toEqual([
      people.pilot,
      people.sponsor,
    ]);
    // From then on, the test's notices go to the new people only.
    const after = activities.notifications.slice(
      activities.notifications.findIndex((n) => n.event === 'peopleUnassigned') + 1,
    );
    const reminders = after.filter((n) => n.event === 'preExpiryReminder');
    expect(reminders.length).toBeGreaterThan(0);
    for (const reminder of reminders)
      expect(reminder.recipients.userIds.sort()).toEqual([newPilot, newSponsor].sort());
    const stopped = after.find((n) => n.event === 'stopped');
    expect(stopped?.recipients.userIds).toEqual(expect.arrayContaining([newPilot, newSponsor]));
    expect(stopped?.recipients.userIds).not.toContain(people.pilot);
  });

  it('refuses a reassignment or a departure report of a draft', async () => {
    await run(async (start) => {
      const handle = await start();
      expect(
        await refusal(
          handle.executeUpdate(reassignPeopleUpdate, {
            args: [{ actor: actor.hr, pilotIds: [newPilot], sponsorId: newSponsor, reason: 'x' }],
          }),
        ),
      ).toMatchObject({ code: 'REASSIGNMENT_NOT_ALLOWED', params: { state: 'draft' } });
      expect(
        await refusal(
          handle.executeUpdate(reportDepartureUpdate, {
            args: [{ actor: actor.hr, userId: people.pilot, kind: 'left' }],
          }),
        ),
      ).toMatchObject({ code: 'REASSIGNMENT_NOT_ALLOWED' });
    });
  });
});
