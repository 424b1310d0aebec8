import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { recordedHistoryDataConverter } from './support/codec';

const historyRoot = join(__dirname, 'history');
const recorded = readdirSync(historyRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((release) =>
    readdirSync(join(historyRoot, release.name))
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({ release: release.name, file, path: join(historyRoot, release.name, file) })),
  );

describe('recorded histories of every released workflow version replay against the current code', () => {
  it('has recorded histories to replay', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(3);
  });

  it.each(recorded)('replays $release/$file deterministically', async ({ path, file }) => {
    const bundlePath = process.env.CAPACITES_TEST_WORKFLOW_BUNDLE as string;
    const history = historyFromJSON(JSON.parse(readFileSync(path, 'utf8')));
    // Throws DeterminismViolationError when the current code would take another path.
    // With the application's data converter: encrypted histories (v4-codec) are decoded with
    // the recorded histories' test key; older, unencrypted ones pass through it unchanged.
    await Worker.runReplayHistory(
      {
        workflowBundle: { code: readFileSync(bundlePath, 'utf8') },
        replayName: file,
        dataConverter: recordedHistoryDataConverter(),
      },
      history,
    );
  });
});
