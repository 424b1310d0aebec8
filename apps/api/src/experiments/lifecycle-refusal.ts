import { ApplicationFailure, type WorkflowUpdateFailedError } from '@temporalio/client';
import { isErrorCode, type ErrorParams } from '@capacites/domain';
import type { RefusalException } from '../common/app.exception';
import { ExperimentsException } from './experiments.exception';

/**
 * The 409 of a transition the workflow refused: its code and parameters travel as the
 * failure's details (the workflow's LifecycleRefusal), never as text to parse.
 */
export function refusalOf(error: WorkflowUpdateFailedError): RefusalException {
  const cause = error.cause;
  const details = cause instanceof ApplicationFailure ? (cause.details?.[0] as unknown) : undefined;
  const refusal = details as { code?: unknown; params?: unknown } | undefined;
  if (refusal && isErrorCode(refusal.code)) {
    const params =
      refusal.params && typeof refusal.params === 'object' ? (refusal.params as ErrorParams) : {};
    return ExperimentsException.refused(refusal.code, params);
  }
  // A failure without a code is not a rule of the lifecycle (a bug, a timeout): 503, logged by the caller.
  return new ExperimentsException('WORKFLOW_UNAVAILABLE');
}
