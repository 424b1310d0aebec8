import { isPlatformAdmin, rolesIn, type Principal } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { RefusalException, ResourceException } from '../common/app.exception';

/**
 * An organisation's integrations (webhooks, chat alerts, service accounts) are managed by the
 * platform admin and by the organisation's HR, who run its tests. A service account never
 * manages integrations, whatever its scope: a token cannot mint or read tokens and secrets.
 */
export function assertManagesIntegrations(principal: Principal | AuthUser, organizationId?: string): void {
  if ('serviceAccount' in principal && principal.serviceAccount)
    throw new RefusalException('forbidden', 'SERVICE_ACCOUNT_SCOPE', {
      scope: principal.serviceAccount.scope,
    });
  if (isPlatformAdmin(principal)) return;
  const hr = organizationId
    ? rolesIn(principal, organizationId).includes('hr')
    : principal.memberships.some((m) => m.role === 'hr');
  if (!hr) throw ResourceException.forbidden('manageIntegrations', ['admin', 'hr']);
}

/** The organisations whose integrations the principal sees: null for every one (platform admin). */
export function integrationOrganizations(principal: Principal): string[] | null {
  if (isPlatformAdmin(principal)) return null;
  return [...new Set(principal.memberships.filter((m) => m.role === 'hr').map((m) => m.organizationId))];
}
