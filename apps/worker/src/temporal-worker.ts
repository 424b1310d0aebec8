import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { temporalConnectionSettings } from '@capacites/config';
import { createExperimentActivities } from './activities/experiment.activities';
import type { WorkerConfig } from './config/worker.config';
import { IterationService } from './iterations/iteration.service';
import { createImportActivities } from './imports/import.activities';
import { ImportRunner } from './imports/import-runner.service';
import { NotifierService } from './notifications/notifier.service';
import { TransitionRecorder } from './transitions/transition-recorder.service';
import { prebuiltWorkflowBundle, WORKFLOWS_ENTRY, workflowBundlerOptions } from './workflow-bundle';

export interface CapacitesWorker {
  worker: Worker;
  connection: NativeConnection;
}

/** Wires the Temporal worker: connection, workflow code, activities over Nest services. */
export async function createTemporalWorker(
  app: INestApplicationContext,
  config: WorkerConfig,
): Promise<CapacitesWorker> {
  const settings = temporalConnectionSettings(config);
  const connection = await NativeConnection.connect({
    address: settings.address,
    tls: settings.tls,
    apiKey: settings.apiKey,
  });
  const bundlePath = config.WORKFLOW_BUNDLE_PATH ?? prebuiltWorkflowBundle();
  const workflowCode: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> = bundlePath
    ? { workflowBundle: { codePath: bundlePath } }
    : { workflowsPath: WORKFLOWS_ENTRY, bundlerOptions: workflowBundlerOptions() };
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    ...workflowCode,
    activities: {
      ...createExperimentActivities({
        recorder: app.get(TransitionRecorder),
        notifier: app.get(NotifierService),
        iterations: app.get(IterationService),
      }),
      ...createImportActivities({ imports: app.get(ImportRunner) }),
    },
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  return { worker, connection };
}
