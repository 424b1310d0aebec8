import type { ForbiddenAction, ForbiddenRole } from '@capacites/domain';
import { RefusalException, type ErrorKind } from '../common/app.exception';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  // Same answer for an unknown email and a wrong password: nothing is learnt about accounts.
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

const KINDS: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.UNAUTHENTICATED]: 'unauthenticated',
  [AuthErrorCode.BAD_CREDENTIALS]: 'unauthenticated',
  [AuthErrorCode.FORBIDDEN]: 'forbidden',
  [AuthErrorCode.WRONG_PASSWORD]: 'invalid',
  [AuthErrorCode.NOT_FOUND]: 'not_found',
  [AuthErrorCode.CSRF_REFUSED]: 'forbidden',
  [AuthErrorCode.TOO_MANY_ATTEMPTS]: 'rate_limited',
  [AuthErrorCode.TOTP_INVALID]: 'unauthenticated',
  [AuthErrorCode.TOTP_ENROLMENT_REQUIRED]: 'forbidden',
  [AuthErrorCode.TOTP_REQUIRED_FOR_ADMIN]: 'conflict',
  [AuthErrorCode.TOTP_ALREADY_ENABLED]: 'conflict',
  [AuthErrorCode.TOTP_NOT_ENABLED]: 'conflict',
  [AuthErrorCode.LOGIN_EXPIRED]: 'unauthenticated',
};

export class AuthException extends RefusalException {
  constructor(code: Exclude<`${AuthErrorCode}`, 'FORBIDDEN' | 'NOT_FOUND' | 'TOO_MANY_ATTEMPTS'>);
  constructor(code: 'NOT_FOUND', params: { resource: string });
  constructor(code: 'TOO_MANY_ATTEMPTS', params: { retryAfterSeconds: number });
  constructor(code: `${AuthErrorCode}`, params: Record<string, string | number> = {}) {
    super(KINDS[code as AuthErrorCode], code, params);
  }

  /** 403 naming what was refused and who may do it; the back-office says it in the user's words. */
  static forbidden(action: ForbiddenAction, roles: readonly ForbiddenRole[]): RefusalException {
    return new RefusalException(KINDS[AuthErrorCode.FORBIDDEN], 'FORBIDDEN', { action, roles });
  }
}
