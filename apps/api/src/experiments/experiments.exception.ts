import type { ErrorCode, ErrorParams, ErrorParamsOf } from '@capacites/domain';
import { RefusalException, type ErrorKind } from '../common/app.exception';

export enum ExperimentsErrorCode {
  NOT_FOUND = 'EXPERIMENT_NOT_FOUND',
  ORGANIZATION_NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  TRACK_NOT_FOUND = 'TRACK_NOT_FOUND',
  WORKFLOW_UNAVAILABLE = 'WORKFLOW_UNAVAILABLE',
  FRAMING_LOCKED = 'FRAMING_LOCKED',
  STATE_CHANGED = 'STATE_CHANGED',
  CONSENT_CLOSED = 'CONSENT_CLOSED',
  EXPERIMENT_CLOSED = 'EXPERIMENT_CLOSED',
}

const KINDS: Record<ExperimentsErrorCode, ErrorKind> = {
  [ExperimentsErrorCode.NOT_FOUND]: 'not_found',
  [ExperimentsErrorCode.ORGANIZATION_NOT_FOUND]: 'invalid',
  [ExperimentsErrorCode.TRACK_NOT_FOUND]: 'invalid',
  [ExperimentsErrorCode.WORKFLOW_UNAVAILABLE]: 'unavailable',
  [ExperimentsErrorCode.FRAMING_LOCKED]: 'conflict',
  [ExperimentsErrorCode.STATE_CHANGED]: 'conflict',
  [ExperimentsErrorCode.CONSENT_CLOSED]: 'conflict',
  [ExperimentsErrorCode.EXPERIMENT_CLOSED]: 'conflict',
};

/** The experiments' own failures; a lifecycle refusal keeps the workflow's code (`refused`). */
export class ExperimentsException extends RefusalException {
  constructor(code: `${ExperimentsErrorCode}`, params: ErrorParams = {}) {
    super(KINDS[code as ExperimentsErrorCode], code, params);
  }

  /** 409 with the code and parameters the workflow refused the transition with. */
  static refused<C extends ErrorCode>(code: C, params: ErrorParamsOf<C> | ErrorParams): RefusalException {
    return new RefusalException('conflict', code, params as ErrorParams);
  }
}
