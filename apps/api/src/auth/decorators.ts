import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiPublic } from '../common/openapi';
import type { AuthUser, AuthenticatedRequest } from './auth-user';

export const IS_PUBLIC = 'capacites:public';

/** Opens a route to anonymous callers (login, health). Every other route needs a session. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiPublic());

export const ALLOWED_BEFORE_TOTP_ENROLMENT = 'capacites:allowed-before-totp-enrolment';

/**
 * What a platform admin without second factor may still reach: who they are, the
 * enrolment itself, and logout. Every other route answers 403 TOTP_ENROLMENT_REQUIRED.
 */
export const AllowBeforeTotpEnrolment = () => SetMetadata(ALLOWED_BEFORE_TOTP_ENROLMENT, true);

/** The signed-in user (the guard has checked there is one). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
