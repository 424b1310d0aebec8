// What every history recorder (workflows/test/history/record-*.ts) shares: the time-skipping
// server, a worker on a queue of its own, starting a test's lifecycle, and writing a finished
// history as the JSON that replay.spec.ts replays.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker, WorkerOptions } from '@temporalio/worker';
import type { ExperimentLifecycleInput } from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import { createTestWorker, createTimeSkippingEnvironment } from './environment';
import { fakeActivities } from './fake-activities';
import { startLifecycle } from './lifecycle';

/** Where the releases' folders are; CAPACITES_HISTORY_DIR writes elsewhere (to try a recorder). */
const historyRoot = process.env.CAPACITES_HISTORY_DIR ?? join(__dirname, '..', 'history');

export interface RecorderOptions {
  /** The worker's activities (default: the lifecycle's fakes). */
  activities?: WorkerOptions['activities'];
  /** The client's and worker's converter (the application's codec, for encrypted histories). */
  dataConverter?: DataConverter;
  /** Checks a history before it is written (throws when it is not worth recording). */
  check?: (json: string) => void;
}

export interface HistoryRecorder {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  worker: Worker;
  /** The time-skipping server's clock. */
  now(): Promise<number>;
  /** Starts a test's lifecycle workflow with a fresh id and waits until it holds its draft. */
  start(extra?: Partial<ExperimentLifecycleInput>): Promise<WorkflowHandle>;
  /** Writes the workflow's history as `<release>/<name>.json`. */
  save(name: string, handle: WorkflowHandle): Promise<void>;
  close(): Promise<void>;
}

/** Opens the environment of one release's recorder: call `close` when done. */
export async function openHistoryRecorder(
  release: string,
  options: RecorderOptions = {},
): Promise<HistoryRecorder> {
  const outDir = join(historyRoot, release);
  mkdirSync(outDir, { recursive: true });
  const { dataConverter } = options;
  const env = await createTimeSkippingEnvironment(dataConverter ? { dataConverter } : {});
  try {
    const taskQueue = `record-${randomUUID()}`;
    const worker = await createTestWorker(env, {
      taskQueue,
      activities: options.activities ?? fakeActivities(),
      ...(dataConverter ? { dataConverter } : {}),
    });
    return {
      env,
      taskQueue,
      worker,
      now: async () => (await env.currentTimeMs()) as number,
      start: (extra = {}) => startLifecycle(env, taskQueue, extra),
      async save(name, handle) {
        const json = historyToJSON(await handle.fetchHistory());
        options.check?.(json);
        writeFileSync(join(outDir, `${name}.json`), json);
      },
      close: () => env.teardown(),
    };
  } catch (error) {
    await env.teardown();
    throw error;
  }
}
