import { AppException, type ErrorKind } from '../common/app.exception';

export enum ExperimentsErrorCode {
  NOT_FOUND = 'EXPERIMENT_NOT_FOUND',
  ORGANIZATION_NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  TRACK_NOT_FOUND = 'TRACK_NOT_FOUND',
  WORKFLOW_UNAVAILABLE = 'WORKFLOW_UNAVAILABLE',
  TRANSITION_REFUSED = 'TRANSITION_REFUSED',
  FRAMING_LOCKED = 'FRAMING_LOCKED',
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
};

export class ExperimentsException extends AppException {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ExperimentsErrorCode,
    detail?: string,
  ) {
    const definition = DEFINITIONS[code];
    super(detail ? `${definition.message} ${detail}` : definition.message);
    this.kind = definition.kind;
  }
}
