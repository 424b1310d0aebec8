import { canAdministrate, type Principal } from '@capacites/domain';
import { ResourceException } from './app.exception';

/**
 * Refuses (403) whoever is not the platform admin.
 * @param message what is reserved, as the error tells it: `Tracks are managed by the platform admin.`
 */
export function assertAdmin(principal: Principal, message: string): void {
  if (!canAdministrate(principal)) throw ResourceException.forbidden(message);
}
