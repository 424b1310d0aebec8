import { readFileSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataConverter } from '@temporalio/common';
import { DefaultLogger, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';

let runtimeInstalled = false;

/** Quiet SDK logs in tests: warnings and errors only. */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

/** The time-skipping test server, from the path prepared by the workflow global setup. */
export async function createTimeSkippingEnvironment(
  options: { dataConverter?: DataConverter } = {},
): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  const path = process.env.CAPACITES_TEST_SERVER_PATH;
  return TestWorkflowEnvironment.createTimeSkipping({
    ...(path ? { server: { executable: { type: 'existing-path', path } } } : {}),
    ...(options.dataConverter ? { client: { dataConverter: options.dataConverter } } : {}),
  });
}

/** A fresh worker over the bundle built once by the global setup. */
export async function createTestWorker(
  env: TestWorkflowEnvironment,
  options: Pick<WorkerOptions, 'activities' | 'taskQueue' | 'dataConverter'>,
): Promise<Worker> {
  const bundlePath = process.env.CAPACITES_TEST_WORKFLOW_BUNDLE;
  if (!bundlePath) throw new Error('CAPACITES_TEST_WORKFLOW_BUNDLE is not set: run through npm test');
  return Worker.create({
    connection: env.nativeConnection,
    workflowBundle: { code: readFileSync(bundlePath, 'utf8') },
    ...options,
  });
}
