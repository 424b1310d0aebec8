// Records the histories of the working-days release (issue 15, item 5): a test launched with
// a holiday table, reminders moved to working days, evaluation and decision due counted in
// working days. Replayed in CI by replay.spec.ts; run once, commit the JSON, never edit it.
import { randomUUID } from 'node:crypto';
import { calendarForLaunch, resolveLifecycleSettings } from '@capacites/domain';
import {
  decideUpdate,
  launchUpdate,
  recordCheckInUpdate,
  submitEvaluationUpdate,
} from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import { ORGANIZATION_DIGEST_WORKFLOW } from '../../src/digest/digest.messages';
import { createTestWorker } from '../support/environment';
import { openHistoryRecorder } from '../support/history-recorder';
import { actor, DAY, evaluationStub, launchRequest } from '../support/stubs';

export const RELEASE = 'v4-calendar';

describe(`records the workflow histories of release ${RELEASE}`, () => {
  it('records a lifecycle on working days', async () => {
    const { env, worker, now, start, save, close } = await openHistoryRecorder(RELEASE);
    try {
      await worker.runUntil(async () => {
        const settings = resolveLifecycleSettings({
          departement: '67',
          evaluationDueDays: 20,
          decisionDueDays: 15,
          workingDayDurations: ['evaluationDue', 'decisionDue', 'reminders'],
        });
        const full = await start();
        const launchedAt = await now();
        const request = launchRequest(launchedAt, 60, {}, settings);
        await full.executeUpdate(launchUpdate, {
          args: [{ ...request, calendar: calendarForLaunch(settings, new Date(launchedAt)) }],
        });
        await env.sleep(10 * DAY);
        await full.executeUpdate(recordCheckInUpdate, {
          args: [{ actor: actor.pilot, checkIn: { weather: 'cloudy', progress: 'OK', blockers: '' } }],
        });
        // Expiry, pre-expiry and evaluation reminders on working days, the evaluation overdue.
        await env.sleep(90 * DAY);
        await full.executeUpdate(submitEvaluationUpdate, {
          args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
        });
        await env.sleep(30 * DAY);
        await full.executeUpdate(decideUpdate, {
          args: [
            {
              actor: actor.sponsor,
              decision: {
                outcome: 'perpetuate',
                rationale: 'Adopté',
                handover: { pilotWithdrawal: 'Fin juin', takeover: 'Équipe RH' },
              },
            },
          ],
        });
        await full.result();
        await save('working-days-lifecycle', full);
      });
      // One run of the digest Schedule's workflow (issue 15, item 1): planned, then sent.
      const digestQueue = `record-digest-${randomUUID()}`;
      const digestWorker = await createTestWorker(env, {
        taskQueue: digestQueue,
        activities: {
          planDigest: async () => ({ period: '2027-03-29', reason: 'send' as const }),
          sendDigest: async () => ({ recipients: 3, waiting: 0 }),
        },
      });
      await digestWorker.runUntil(async () => {
        const digest = await env.client.workflow.start(ORGANIZATION_DIGEST_WORKFLOW, {
          workflowId: `digest-${randomUUID()}`,
          taskQueue: digestQueue,
          args: [{ organizationId: randomUUID() }],
        });
        await digest.result();
        await save('organization-digest', digest);
      });
    } finally {
      await close();
    }
  });
});
