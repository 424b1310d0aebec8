import { isPlatformAdmin, type Principal } from '@capacites/domain';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';

/** Roles that watch an organisation's portfolio. */
const DASHBOARD_ROLES = ['codir', 'hr'] as const;

/**
 * Which organisations the caller's dashboard covers: every one for the platform admin,
 * otherwise those where the caller sits on the CODIR or in HR, optionally narrowed to one.
 * Another organisation is treated as unknown (404), a role without a dashboard as 403.
 */
export function dashboardScope(
  principal: Principal,
  requested?: string,
): { organizationIds: string[] | 'all' } {
  if (isPlatformAdmin(principal)) return { organizationIds: requested ? [requested] : 'all' };
  const allowed = [
    ...new Set(
      principal.memberships
        .filter((m) => (DASHBOARD_ROLES as readonly string[]).includes(m.role))
        .map((m) => m.organizationId),
    ),
  ];
  if (allowed.length === 0) throw AuthException.forbidden('readDashboard', ['codir', 'hr']);
  if (requested) {
    if (!allowed.includes(requested))
      throw new AuthException(AuthErrorCode.NOT_FOUND, { resource: 'organization' });
    return { organizationIds: [requested] };
  }
  return { organizationIds: allowed };
}
