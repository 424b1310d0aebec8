// Records the histories of the launch approval and reassignment release (issue 15, items 4
// and 7): a launch requested then approved (its reminders on working days), a request
// refused then withdrawn then cancelled, and a running test whose pilot leaves and whose
// people are reassigned. Replayed in CI by replay.spec.ts; run once, commit the JSON.
import { calendarForLaunch, resolveLifecycleSettings } from '@capacites/domain';
import {
  approveLaunchUpdate,
  reassignPeopleUpdate,
  refuseLaunchUpdate,
  reportDepartureUpdate,
  requestLaunchUpdate,
  withdrawLaunchRequestUpdate,
} from '../../src/experiment-lifecycle/experiment-lifecycle.approval.messages';
import {
  cancelUpdate,
  launchUpdate,
  stopEarlyUpdate,
} from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import { openHistoryRecorder } from '../support/history-recorder';
import { actor, DAY, launchRequest, people } from '../support/stubs';

export const RELEASE = 'v4-approval';

describe(`records the workflow histories of release ${RELEASE}`, () => {
  it('records the launch approval and reassignment paths', async () => {
    const { env, worker, now, start, save, close } = await openHistoryRecorder(RELEASE);
    const settings = resolveLifecycleSettings({ launchApproval: true, departement: '57' });
    const request = async (who = actor.hr) => {
      const at = await now();
      return {
        ...launchRequest(at, 60, {}, settings),
        actor: who,
        calendar: calendarForLaunch(settings, new Date(at)),
      };
    };
    try {
      await worker.runUntil(async () => {
        const approved = await start();
        await approved.executeUpdate(requestLaunchUpdate, { args: [await request()] });
        // Both reminders fire (2 and 5 working days), then the sponsor approves.
        await env.sleep(9 * DAY);
        await approved.executeUpdate(approveLaunchUpdate, { args: [await request(actor.sponsor)] });
        await approved.executeUpdate(stopEarlyUpdate, {
          args: [{ ...actor.pilot, reason: 'Assez de recul' }],
        });
        await save('launch-requested-approved', approved);

        const refused = await start();
        await refused.executeUpdate(requestLaunchUpdate, { args: [await request(actor.pilot)] });
        await refused.executeUpdate(refuseLaunchUpdate, {
          args: [{ ...actor.sponsor, reason: 'Périmètre flou' }],
        });
        await refused.executeUpdate(requestLaunchUpdate, { args: [await request(actor.pilot)] });
        await refused.executeUpdate(withdrawLaunchRequestUpdate, { args: [actor.pilot] });
        await refused.executeUpdate(requestLaunchUpdate, { args: [await request(actor.pilot)] });
        await refused.executeUpdate(cancelUpdate, { args: [{ ...actor.hr, reason: 'Abandon du projet' }] });
        await refused.result();
        await save('launch-refused-withdrawn-cancelled', refused);

        const orphan = await start();
        await orphan.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 60)] });
        await env.sleep(5 * DAY);
        await orphan.executeUpdate(reportDepartureUpdate, {
          args: [{ actor: actor.hr, userId: people.pilot, kind: 'left' }],
        });
        await orphan.executeUpdate(reassignPeopleUpdate, {
          args: [{ actor: actor.hr, pilotIds: [people.hr], sponsorId: people.sponsor, reason: 'Mutation' }],
        });
        await env.sleep(60 * DAY);
        await save('orphan-reassigned', orphan);
      });
    } finally {
      await close();
    }
  });
});
