import { canAdministrate, type ForbiddenAction, type Principal } from '@capacites/domain';
import { ResourceException } from './app.exception';

/**
 * Refuses (403) whoever is not the platform admin.
 * @param action what is reserved, named in the error: `manageTracks`
 */
export function assertAdmin(principal: Principal, action: ForbiddenAction): void {
  if (!canAdministrate(principal)) throw ResourceException.forbidden(action, ['admin']);
}
