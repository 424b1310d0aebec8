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
}

const KINDS: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.UNAUTHENTICATED]: 'unauthenticated',
  [AuthErrorCode.BAD_CREDENTIALS]: 'unauthenticated',
  [AuthErrorCode.FORBIDDEN]: 'forbidden',
  [AuthErrorCode.WRONG_PASSWORD]: 'invalid',
  [AuthErrorCode.NOT_FOUND]: 'not_found',
  [AuthErrorCode.CSRF_REFUSED]: 'forbidden',
};

export class AuthException extends RefusalException {
  constructor(code: Exclude<`${AuthErrorCode}`, 'FORBIDDEN' | 'NOT_FOUND'>);
  constructor(code: 'NOT_FOUND', params: { resource: string });
  constructor(code: `${AuthErrorCode}`, params: Record<string, string> = {}) {
    super(KINDS[code as AuthErrorCode], code, params);
  }

  /** 403 naming what was refused and who may do it; the back-office says it in the user's words. */
  static forbidden(action: ForbiddenAction, roles: readonly ForbiddenRole[]): RefusalException {
    return new RefusalException(KINDS[AuthErrorCode.FORBIDDEN], 'FORBIDDEN', { action, roles });
  }
}
