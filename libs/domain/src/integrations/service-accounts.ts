import { z } from 'zod';
import type { LifecycleAction } from '../experiment/actions';

/**
 * Service accounts: tokens of an organisation for its integrations. `read` reads the
 * organisation's portfolio as CODIR does; `lifecycle` may also perform the lifecycle actions
 * below. A person's own acts (consent, check-in, decision, approving an extension,
 * evaluation) stay with that person: no token does them.
 */
export const SERVICE_ACCOUNT_SCOPES = ['read', 'lifecycle'] as const;
export type ServiceAccountScope = (typeof SERVICE_ACCOUNT_SCOPES)[number];

export const SERVICE_ACCOUNT_ACTIONS: readonly LifecycleAction[] = [
  'launch',
  'cancel',
  'requestExtension',
  'stopEarly',
];

/** Every service account token starts with this, so the API (and secret scanners) know it. */
export const SERVICE_ACCOUNT_TOKEN_PREFIX = 'cap_sa_';

/** At most a year: a token that never expires is the integration's "effet Algeco". */
export const SERVICE_ACCOUNT_MAX_DAYS = 366;

export const serviceAccountCreateSchema = z
  .object({
    organizationId: z.uuid(),
    name: z.string().trim().min(1, { message: 'name is required' }).max(200),
    scope: z.enum(SERVICE_ACCOUNT_SCOPES, { message: 'scope must be read or lifecycle' }),
    /** The last day the token works (YYYY-MM-DD, in UTC), at most a year ahead. */
    expiresOn: z.iso.date({ message: 'expiresOn must be a date (YYYY-MM-DD)' }),
  })
  .strict();
export type ServiceAccountCreateInput = z.infer<typeof serviceAccountCreateSchema>;

export interface ServiceAccountResponse {
  id: string;
  organizationId: string;
  name: string;
  scope: ServiceAccountScope;
  /** The first characters of the token, to recognise it; the token itself is shown once. */
  tokenPrefix: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  createdBy: string | null;
  /** `active`, `expired` or `revoked`. */
  status: 'active' | 'expired' | 'revoked';
  /** Shown once, on creation. */
  token?: string;
}
