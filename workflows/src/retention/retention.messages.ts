// Messages of the personal-data retention workflow (issue 17, item 3): its name, input,
// result and activities' contract. The API imports this file to create the Schedule.

export const RETENTION_WORKFLOW = 'personalDataRetention';

/** One Schedule per deployment: the run covers every organisation, each with its own period. */
export const RETENTION_SCHEDULE_ID = 'personal-data-retention';

/** Tests handled per run; a fuller backlog continues as new. */
export const RETENTION_BATCH = 100;

export interface RetentionRunInput {
  /** The instant to run as, instead of now (operations, tests). The Schedule never sets it. */
  at?: string;
}

export interface RetentionRunResult {
  at: string;
  /** Tests past their period found by this run. */
  due: number;
  /** Tests pseudonymised now (a test done by an earlier pass is not counted). */
  pseudonymised: number;
  /** Closed workflow executions deleted from Temporal. */
  workflowHistories: number;
  /** Tests whose workflow was still open: pseudonymised, history left to the namespace retention. */
  workflowsStillOpen: number;
}

export interface DueExperiment {
  experimentId: string;
  retentionDays: number;
}

export interface DeleteHistoryResult {
  /** 1 when a closed execution was deleted now, 0 when none was there (already deleted). */
  deleted: number;
  /** The execution is still open: nothing deleted. */
  stillOpen: boolean;
}

/** Implemented by the worker (apps/worker/src/retention); faked in workflow tests. */
export interface RetentionActivities {
  findDueExperiments(input: { at: string; limit: number }): Promise<DueExperiment[]>;
  deleteExperimentHistory(input: { experimentId: string }): Promise<DeleteHistoryResult>;
  pseudonymiseExperiment(input: {
    experimentId: string;
    at: string;
    retentionDays: number;
    workflowHistories: number;
  }): Promise<{ done: boolean }>;
}
