import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type {
  ExperimentImportInput,
  ImportActivities,
  ImportBatchResult,
} from './experiment-import.messages';

/** A batch's activity: its heartbeat tells Temporal within this time that a worker died with it. */
const importActivities = (heartbeatSeconds: number) =>
  proxyActivities<ImportActivities>({
    // A batch writes a few hundred rows and starts their workflows.
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: heartbeatSeconds * 1000,
    // PostgreSQL or Temporal may be away for a while: the import waits and resumes where it was.
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

const DEFAULT_BATCH_SIZE = 500;

/**
 * Runs one spreadsheet import to its end: batch after batch, each idempotent (the rows keep
 * the ids their content gives them), the progress recorded in PostgreSQL with each batch. A
 * worker that dies mid-batch is replaced and the batch is done again, writing nothing twice.
 */
export async function experimentImport(input: ExperimentImportInput): Promise<ImportBatchResult> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const { importBatch } = importActivities(input.heartbeatSeconds ?? 30);
  for (;;) {
    const result = await importBatch({ importId: input.importId, batchSize });
    if (result.done) return result;
    if (workflowInfo().historyLength > 2000) await continueAsNew<typeof experimentImport>(input);
  }
}
