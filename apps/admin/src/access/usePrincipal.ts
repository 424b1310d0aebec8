import type { Principal, Role } from '@capacites/domain';
import { useGetIdentity, usePermissions } from 'react-admin';

/**
 * The signed-in user as the domain's access rules see it: the authProvider's identity
 * (id) and permissions (memberships of /api/auth/me). Undefined while loading. The
 * API decides in the end; this only keeps the screens from offering what would fail.
 */
export function usePrincipal(): Principal | undefined {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<{ organizationId: string; role: Role }[]>();
  if (!identity || !Array.isArray(permissions)) return undefined;
  return { userId: String(identity.id), memberships: permissions };
}

/** Whether the user holds one of these roles in any organisation. */
export const hasAnyRole = (principal: Principal | undefined, roles: readonly Role[]): boolean =>
  Boolean(principal?.memberships.some((m) => roles.includes(m.role)));
