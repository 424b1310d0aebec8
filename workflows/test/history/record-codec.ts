// Records histories of the lifecycle with the application's payload codec (issue 17, item 1):
// replay.spec.ts then proves that encrypted histories replay against the current code.
// Run: npx jest --selectProjects history-recorder --testPathPatterns record-codec
import {
  decideUpdate,
  launchUpdate,
  recordCheckInUpdate,
  submitEvaluationUpdate,
} from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import { recordedHistoryDataConverter } from '../support/codec';
import { openHistoryRecorder } from '../support/history-recorder';
import { actor, DAY, evaluationStub, launchRequest } from '../support/stubs';

export const RELEASE = 'v4-codec';

describe(`records the encrypted workflow histories of release ${RELEASE}`, () => {
  it('records a whole lifecycle with every payload encrypted', async () => {
    const { env, worker, now, start, save, close } = await openHistoryRecorder(RELEASE, {
      dataConverter: recordedHistoryDataConverter(),
      // Recorded encrypted, or not worth recording.
      check: (json) => {
        if (!json.includes(Buffer.from('binary/encrypted').toString('base64')))
          throw new Error('the history was not encrypted');
      },
    });
    try {
      await worker.runUntil(async () => {
        const handle = await start();
        await handle.executeUpdate(launchUpdate, { args: [launchRequest(await now(), 30)] });
        await env.sleep(10 * DAY);
        await handle.executeUpdate(recordCheckInUpdate, {
          args: [
            { actor: actor.pilot, checkIn: { weather: 'rainy', progress: 'Texte chiffré', blockers: '' } },
          ],
        });
        await env.sleep(25 * DAY);
        await handle.executeUpdate(submitEvaluationUpdate, {
          args: [{ actor: actor.pilot, evaluation: evaluationStub.complete }],
        });
        await handle.executeUpdate(decideUpdate, {
          args: [{ actor: actor.sponsor, decision: { outcome: 'abandon', rationale: 'Non concluant' } }],
        });
        await handle.result();
        await save('encrypted-lifecycle-abandon', handle);
      });
    } finally {
      await close();
    }
  });
});
