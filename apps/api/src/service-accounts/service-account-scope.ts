import { SetMetadata } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';

export const SERVICE_ACCOUNT_ACTION = 'capacites:service-account-action';

/**
 * Marks a state-changing route that a service account of scope `lifecycle` may call (the
 * lifecycle actions of SERVICE_ACCOUNT_ACTIONS). Every other unsafe request by a token is refused.
 */
export const ServiceAccountAction = () => SetMetadata(SERVICE_ACCOUNT_ACTION, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a service account's scope lets this request through (SessionGuard asks). */
export function serviceAccountMayCall(user: AuthUser, method: string, markedAction: boolean): boolean {
  const account = user.serviceAccount;
  if (!account) return true;
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  return account.scope === 'lifecycle' && markedAction;
}
