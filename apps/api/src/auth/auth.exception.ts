import { AppException, type ErrorKind } from '../common/app.exception';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  BAD_CREDENTIALS = 'BAD_CREDENTIALS',
  FORBIDDEN = 'FORBIDDEN',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  NOT_FOUND = 'NOT_FOUND',
  CSRF_REFUSED = 'CSRF_REFUSED',
}

const DEFINITIONS: Record<AuthErrorCode, { kind: ErrorKind; message: string }> = {
  [AuthErrorCode.UNAUTHENTICATED]: { kind: 'unauthenticated', message: 'Please log in: no valid session.' },
  // Same answer for an unknown email and a wrong password: nothing is learnt about accounts.
  [AuthErrorCode.BAD_CREDENTIALS]: { kind: 'unauthenticated', message: 'Wrong email or password.' },
  [AuthErrorCode.FORBIDDEN]: { kind: 'forbidden', message: 'Your role does not allow this action.' },
  [AuthErrorCode.WRONG_PASSWORD]: { kind: 'invalid', message: 'The current password is wrong.' },
  [AuthErrorCode.NOT_FOUND]: { kind: 'not_found', message: 'Not found.' },
  [AuthErrorCode.CSRF_REFUSED]: {
    kind: 'forbidden',
    message:
      'Cross-site request refused: send JSON or the X-Capacites-Csrf header, from the back-office origin.',
  },
};

export class AuthException extends AppException {
  readonly kind: ErrorKind;

  constructor(
    readonly code: AuthErrorCode,
    detail?: string,
  ) {
    super(detail ? `${DEFINITIONS[code].message} ${detail}` : DEFINITIONS[code].message);
    this.kind = DEFINITIONS[code].kind;
  }
}
