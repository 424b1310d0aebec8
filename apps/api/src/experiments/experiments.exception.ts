import type { FieldError } from '@capacites/domain';
import { AppException, type ErrorKind } from '../common/app.exception';

export enum ExperimentsErrorCode {
  NOT_FOUND = 'EXPERIMENT_NOT_FOUND',
  ORGANIZATION_NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  TRACK_NOT_FOUND = 'TRACK_NOT_FOUND',
  WORKFLOW_UNAVAILABLE = 'WORKFLOW_UNAVAILABLE',
  TRANSITION_REFUSED = 'TRANSITION_REFUSED',
  FRAMING_LOCKED = 'FRAMING_LOCKED',
  /** Pilot and sponsor of one test are different people. */
  PILOT_IS_SPONSOR = 'PILOT_IS_SPONSOR',
  /** The approver of an extension is a pilot of the test. */
  APPROVER_IS_PILOT = 'APPROVER_IS_PILOT',
  /** Consent is the participant's own act (or a recorded on-behalf entry by HR). */
  CONSENT_NOT_OWN = 'CONSENT_NOT_OWN',
  CONSENT_ALREADY_GIVEN = 'CONSENT_ALREADY_GIVEN',
}

const DEFINITIONS: Record<ExperimentsErrorCode, { kind: ErrorKind; message: string }> = {
  [ExperimentsErrorCode.NOT_FOUND]: { kind: 'not_found', message: 'This experiment does not exist.' },
  [ExperimentsErrorCode.ORGANIZATION_NOT_FOUND]: {
    kind: 'invalid',
    message: 'This organization does not exist.',
  },
  [ExperimentsErrorCode.TRACK_NOT_FOUND]: {
    kind: 'invalid',
    message: 'This track does not exist for the organization.',
  },
  [ExperimentsErrorCode.WORKFLOW_UNAVAILABLE]: {
    kind: 'unavailable',
    message: 'The lifecycle engine (Temporal) is unavailable; nothing was changed. Try again shortly.',
  },
  [ExperimentsErrorCode.TRANSITION_REFUSED]: { kind: 'conflict', message: 'This transition is refused:' },
  [ExperimentsErrorCode.FRAMING_LOCKED]: {
    kind: 'conflict',
    message: 'The framing is fixed once the experiment is launched.',
  },
  [ExperimentsErrorCode.PILOT_IS_SPONSOR]: {
    kind: 'invalid',
    message: 'The sponsor must not be one of the pilots: pilot and sponsor of a test are different people.',
  },
  [ExperimentsErrorCode.APPROVER_IS_PILOT]: {
    kind: 'conflict',
    message: 'A pilot of the test cannot approve its extension.',
  },
  [ExperimentsErrorCode.CONSENT_NOT_OWN]: {
    kind: 'forbidden',
    message: 'Only a participant gives or withdraws their own consent.',
  },
  [ExperimentsErrorCode.CONSENT_ALREADY_GIVEN]: {
    kind: 'conflict',
    message: 'Consent is already recorded:',
  },
};

export class ExperimentsException extends AppException {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ExperimentsErrorCode,
    detail?: string,
    fields?: FieldError[],
  ) {
    const definition = DEFINITIONS[code];
    super(detail ? `${definition.message} ${detail}` : definition.message, fields);
    this.kind = definition.kind;
  }
}

/**
 * A transition the lifecycle refuses, with the stable code of its rule (a readiness item's
 * code such as HYPOTHESIS_TO_REVISE, or the workflow's), answered as 409.
 */
export class LifecycleRefusedException extends AppException {
  readonly kind = 'conflict';

  constructor(
    readonly code: string,
    message: string,
    fields?: FieldError[],
  ) {
    super(message, fields);
  }
}
