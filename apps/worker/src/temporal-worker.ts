import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import {
  payloadEncryptionProblem,
  temporalConnectionSettings,
  temporalDataConverter,
} from '@capacites/config';
import { createExperimentActivities } from './activities/experiment.activities';
import { createDigestActivities } from './digest/digest.activities';
import { DigestService } from './digest/digest.service';
import { createQuestionnaireActivities } from './activities/questionnaire.activities';
import { QuestionnaireEventsService } from './questionnaires/questionnaire-events.service';
import { createWebhookActivities, temporalDeliveryStarter } from './activities/webhook.activities';
import { retryDelaysMs } from './webhooks/webhook.config';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service';
import { WebhookPublisher } from './webhooks/webhook-publisher.service';
import type { WorkerConfig } from './config/worker.config';
import { IterationService } from './iterations/iteration.service';
import { createImportActivities } from './imports/import.activities';
import { ImportRunner } from './imports/import-runner.service';
import { NotifierService } from './notifications/notifier.service';
import { TransitionRecorder } from './transitions/transition-recorder.service';
import { createRetentionActivities } from './retention/retention.activities';
import { RetentionService } from './retention/retention.service';
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
  const problem = payloadEncryptionProblem(config);
  if (problem) throw new Error(problem);
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
  const delays = retryDelaysMs(config.WEBHOOK_RETRY_SCHEDULE);
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    ...workflowCode,
    // Payloads encrypted (when keys are set) and failures' messages encoded: the same
    // converter as the API's client (libs/config temporalDataConverter); the workflow bundle
    // holds the same failure converter (workflow-bundle.ts).
    dataConverter: temporalDataConverter(settings.payloadKeys),
    // The worker's own client (activity context) uses this converter too: delivery workflows start encrypted.
    activities: {
      ...createExperimentActivities({
        recorder: app.get(TransitionRecorder),
        notifier: app.get(NotifierService),
        iterations: app.get(IterationService),
        webhooks: {
          publisher: app.get(WebhookPublisher),
          starter: () => temporalDeliveryStarter(delays),
        },
      }),
      // The organisation digest's Schedule (issue 15).
      ...createDigestActivities(app.get(DigestService)),
      ...createQuestionnaireActivities(app.get(QuestionnaireEventsService)),
      ...createWebhookActivities(app.get(WebhookDeliveryService)),
      ...createImportActivities({ imports: app.get(ImportRunner) }),
      // The daily personal-data retention Schedule (issue 17, item 3).
      ...createRetentionActivities(app.get(RetentionService)),
    },
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  return { worker, connection };
}
