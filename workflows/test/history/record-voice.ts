// Records the histories of the questionnaires' windows (issue 14, helper `voice`): the paths
// this release adds to the experiment's workflow. Run with
// `npx jest --selectProjects history-recorder --testPathPatterns record-voice`, commit the JSON
// files, never edit them: replay.spec.ts replays them against every later version.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  approveExtensionUpdate,
  cancelUpdate,
  decideUpdate,
  launchUpdate,
  requestExtensionUpdate,
  statusQuery,
  stopEarlyUpdate,
  submitEvaluationUpdate,
} from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import {
  closeQuestionnaireUpdate,
  scheduleQuestionnaireUpdate,
} from '../../src/experiment-lifecycle/experiment-lifecycle.questionnaires.messages';
import { fakeActivitiesWithQuestionnaires } from '../support/fake-questionnaire-activities';
import { openHistoryRecorder } from '../support/history-recorder';
import { actor, DAY, evaluationStub, launchRequest } from '../support/stubs';

export const RELEASE = 'v4-voice';

describe(`records the workflow histories of release ${RELEASE}`, () => {
  it('records one history per questionnaire path', async () => {
    const { env, worker, now, start, save, close } = await openHistoryRecorder(RELEASE, {
      activities: fakeActivitiesWithQuestionnaires(),
    });
    const schedule = (handle: WorkflowHandle, audience: 'participants' | 'public', window: { kind: 'run' | 'evaluation' | 'custom'; opensAt?: string; closesAt?: string }) => {
      const questionnaireId = randomUUID();
      return handle
        .executeUpdate(scheduleQuestionnaireUpdate, { args: [{ actor: actor.pilot, questionnaireId, audience, window }] })
        .then(() => questionnaireId);
    };
    try {
      await worker.runUntil(async () => {
        // A pulse published in draft, opened at launch, following an extension, reminded at J-3,
        // closed at the expiry; an end-of-test survey from the stop to the evaluation; decided.
        const pulse = await start();
        await schedule(pulse, 'participants', { kind: 'run' });
        await schedule(pulse, 'public', { kind: 'evaluation' });
        await pulse.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 30)] });
        await env.sleep(5 * DAY);
        const expiresAt = (await pulse.query(statusQuery)).deadlines.expiresAt as string;
        await pulse.executeUpdate(requestExtensionUpdate, {
          args: [{ actor: actor.pilot, newExpiresAt: new Date(new Date(expiresAt).getTime() + 10 * DAY).toISOString(), justification: 'Été' }],
        });
        await pulse.executeUpdate(approveExtensionUpdate, { args: [actor.sponsor] });
        await env.sleep(40 * DAY);
        await pulse.executeUpdate(submitEvaluationUpdate, { args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }] });
        await pulse.executeUpdate(decideUpdate, {
          args: [{ actor: actor.sponsor, decision: { outcome: 'abandon', rationale: 'Non concluant' } }],
        });
        await pulse.result();
        await save('questionnaire-pulse-and-survey', pulse);

        // Published while running, closed by hand, another stopped early (no late reminder).
        const byHand = await start();
        await byHand.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 60)] });
        const first = await schedule(byHand, 'public', { kind: 'custom', closesAt: new Date((await now()) + 20 * DAY).toISOString() });
        await schedule(byHand, 'participants', { kind: 'run' });
        await env.sleep(2 * DAY);
        await byHand.executeUpdate(closeQuestionnaireUpdate, { args: [{ actor: actor.hr, questionnaireId: first }] });
        await env.sleep(2 * DAY);
        await byHand.executeUpdate(stopEarlyUpdate, { args: [{ ...actor.pilot, reason: 'Assez de recul' }] });
        await env.sleep(DAY);
        await byHand.terminate('recorded');
        await save('questionnaire-closed-by-hand-and-early-stop', byHand);

        // A draft cancelled with a published questionnaire: it closes with the test.
        const cancelled = await start();
        await schedule(cancelled, 'public', { kind: 'custom', opensAt: new Date((await now()) + DAY).toISOString(), closesAt: new Date((await now()) + 10 * DAY).toISOString() });
        await cancelled.executeUpdate(cancelUpdate, { args: [{ ...actor.hr, reason: 'Doublon' }] });
        await cancelled.result();
        await save('questionnaire-cancelled-draft', cancelled);
      });
    } finally {
      await close();
    }
  });
});
