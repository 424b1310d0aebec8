import { AppException, type ErrorKind } from '../common/app.exception';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  BAD_CREDENTIALS = 'BAD_CREDENTIALS',
  FORBIDDEN = 'FORBIDDEN',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  NOT_FOUND = 'NOT_FOUND',
  CSRF_REFUSED = 'CSRF_REFUSED',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  TOTP_INVALID = 'TOTP_INVALID',
  TOTP_ENROLMENT_REQUIRED = 'TOTP_ENROLMENT_REQUIRED',
  TOTP_REQUIRED_FOR_ADMIN = 'TOTP_REQUIRED_FOR_ADMIN',
  TOTP_ALREADY_ENABLED = 'TOTP_ALREADY_ENABLED',
  TOTP_NOT_ENABLED = 'TOTP_NOT_ENABLED',
  LOGIN_EXPIRED = 'LOGIN_EXPIRED',
}

const DEFINITIONS: Record<AuthErrorCode, { kind: ErrorKind; message: string }> = {
  [AuthErrorCode.UNAUTHENTICATED]: { kind: 'unauthenticated', message: 'Please log in: no valid session.' },
  // Same answer for an unknown email and a wrong password: nothing is learnt about accounts.
  [AuthErrorCode.BAD_CREDENTIALS]: { kind: 'unauthenticated', message: 'Wrong email or password.' },
  [AuthErrorCode.FORBIDDEN]: { kind: 'forbidden', message: 'Your role does not allow this action.' },
  [AuthErrorCode.WRONG_PASSWORD]: { kind: 'invalid', message: 'The current password is wrong.' },
  [AuthErrorCode.NOT_FOUND]: { kind: 'not_found', message: 'Not found.' },
  [AuthErrorCode.TOO_MANY_ATTEMPTS]: { kind: 'rate_limited', message: 'Too many login attempts.' },
  [AuthErrorCode.TOTP_INVALID]: { kind: 'unauthenticated', message: 'Wrong or already used code.' },
  [AuthErrorCode.TOTP_ENROLMENT_REQUIRED]: {
    kind: 'forbidden',
    message: 'Platform admins must set up a second factor (TOTP) before anything else.',
  },
  [AuthErrorCode.TOTP_REQUIRED_FOR_ADMIN]: {
    kind: 'conflict',
    message: 'A platform admin cannot turn off the second factor.',
  },
  [AuthErrorCode.TOTP_ALREADY_ENABLED]: { kind: 'conflict', message: 'The second factor is already on.' },
  [AuthErrorCode.TOTP_NOT_ENABLED]: { kind: 'conflict', message: 'The second factor is not on.' },
  [AuthErrorCode.LOGIN_EXPIRED]: {
    kind: 'unauthenticated',
    message: 'This login has expired or used all its attempts: start again with your password.',
  },
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
