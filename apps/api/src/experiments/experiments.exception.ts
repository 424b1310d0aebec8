import type { ErrorCode, ErrorParams, ErrorParamsOf, FieldError } from '@capacites/domain';
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
  /** Pilot and sponsor of one test are different people. */
  PILOT_IS_SPONSOR = 'PILOT_IS_SPONSOR',
  /** The approver of an extension is a pilot of the test. */
  APPROVER_IS_PILOT = 'APPROVER_IS_PILOT',
  /** Consent is the participant's own act (or a recorded on-behalf entry by HR). */
  CONSENT_NOT_OWN = 'CONSENT_NOT_OWN',
  CONSENT_ALREADY_GIVEN = 'CONSENT_ALREADY_GIVEN',
  NOTICE_OUTDATED = 'NOTICE_OUTDATED',
}

const KINDS: Record<ExperimentsErrorCode, ErrorKind> = {
  [ExperimentsErrorCode.NOT_FOUND]: 'not_found',
  [ExperimentsErrorCode.ORGANIZATION_NOT_FOUND]: 'not_found',
  [ExperimentsErrorCode.TRACK_NOT_FOUND]: 'invalid',
  [ExperimentsErrorCode.WORKFLOW_UNAVAILABLE]: 'unavailable',
  [ExperimentsErrorCode.FRAMING_LOCKED]: 'conflict',
  [ExperimentsErrorCode.STATE_CHANGED]: 'conflict',
  [ExperimentsErrorCode.CONSENT_CLOSED]: 'conflict',
  [ExperimentsErrorCode.EXPERIMENT_CLOSED]: 'conflict',
  [ExperimentsErrorCode.PILOT_IS_SPONSOR]: 'invalid',
  [ExperimentsErrorCode.APPROVER_IS_PILOT]: 'conflict',
  [ExperimentsErrorCode.CONSENT_NOT_OWN]: 'forbidden',
  [ExperimentsErrorCode.CONSENT_ALREADY_GIVEN]: 'conflict',
  [ExperimentsErrorCode.NOTICE_OUTDATED]: 'conflict',
};

/** The experiments' own failures; a lifecycle refusal keeps the workflow's code (`refused`). */
export class ExperimentsException extends RefusalException {
  /**
   * @param params the code's parameters; a string is an English detail for logs and scripts,
   * appended to the message (the back-office says the code in its own words).
   */
  constructor(code: `${ExperimentsErrorCode}`, params: ErrorParams | string = {}, fields?: FieldError[]) {
    super(KINDS[code as ExperimentsErrorCode], code, typeof params === 'string' ? {} : params, fields);
    if (typeof params === 'string') this.message = `${this.message} ${params}`;
  }

  /** 409 with the code and parameters the workflow refused the transition with. */
  static refused<C extends ErrorCode>(code: C, params: ErrorParamsOf<C> | ErrorParams): RefusalException {
    return new RefusalException('conflict', code, params as ErrorParams);
  }
}

/** A transition the lifecycle refuses with a declared code (a readiness item's, or the workflow's): 409. */
export class LifecycleRefusedException extends RefusalException {
  constructor(code: ErrorCode, params: ErrorParams = {}, fields?: FieldError[]) {
    super('conflict', code, params, fields);
  }
}
