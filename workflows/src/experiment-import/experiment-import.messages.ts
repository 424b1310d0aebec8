// Messages of the import workflow: one per spreadsheet import, which writes its rows in
// batches through an activity. Its progress lives in PostgreSQL (experiment_imports), where
// the back-office reads it; the API imports this file, never the workflow.
export const EXPERIMENT_IMPORT_WORKFLOW = 'experimentImport';

export interface ExperimentImportInput {
  importId: string;
  /** Rows written per activity (one transaction each); tests lower it to interrupt a run mid-way. */
  batchSize?: number;
  /** How soon a batch whose worker died is given to another (default 30 s). */
  heartbeatSeconds?: number;
}

export interface ImportBatchInput {
  importId: string;
  batchSize: number;
}

export interface ImportBatchResult {
  done: boolean;
  processed: number;
  total: number;
  created: number;
  skipped: number;
}

/** The worker implements it (apps/worker/src/imports); the workflow imports the type only. */
export interface ImportActivities {
  importBatch(input: ImportBatchInput): Promise<ImportBatchResult>;
}

/** The workflow id of an import: opaque, from the import's UUID. */
export function importWorkflowId(importId: string): string {
  return `experiment-import-${importId}`;
}
