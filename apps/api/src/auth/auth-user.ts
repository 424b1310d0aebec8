import type { Principal } from '@capacites/domain';

/** The signed-in user attached to each request by the session guard. */
export interface AuthUser extends Principal {
  email: string;
  displayName: string;
  sessionId: string;
  /** The second factor is on; a platform admin without it may only enrol (SessionGuard). */
  totpEnabled?: boolean;
  /** Set when a service account's token authenticated the request (not a person). */
  serviceAccount?: { id: string; organizationId: string; scope: 'read' | 'lifecycle' };
}

export interface AuthenticatedRequest {
  user?: AuthUser;
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string>;
  ip?: string;
}
