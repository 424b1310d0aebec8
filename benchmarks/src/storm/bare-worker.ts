// The baseline's worker: the same Temporal worker settings as the product's
// (apps/worker/src/temporal-worker.ts, read from the same environment variables), the
// bare workflow's bundle, and one activity that only notes when it ran. The benchmark
// asks for those instants over IPC.
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalConnectionSettings } from '@capacites/config';
import { loadWorkerConfig } from '../../../apps/worker/src/config/worker.config';
import type { BareActivities } from './bare.workflow';

export type BareWorkerMessage = { count: number } | { done: [string, number][] };

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  if (!config.WORKFLOW_BUNDLE_PATH) throw new Error('WORKFLOW_BUNDLE_PATH: the bare workflow bundle');
  const settings = temporalConnectionSettings(config);
  const connection = await NativeConnection.connect({ address: settings.address });
  const done: [string, number][] = [];
  const activities: BareActivities = {
    async noop(id) {
      done.push([id, Date.now()]);
    },
  };
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH },
    activities,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  process.on('message', (message) => {
    const reply: BareWorkerMessage = message === 'report' ? { done } : { count: done.length };
    process.send?.(reply);
  });
  process.once('SIGTERM', () => worker.shutdown());
  console.log(`bare worker polling task queue "${settings.taskQueue}"`);
  try {
    await worker.run();
  } finally {
    await connection.close();
    // The IPC channel would keep the process alive.
    process.disconnect?.();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
