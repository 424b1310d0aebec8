import type { DigestSettings, LifecycleSettings, OrganizationKind } from '@capacites/domain';
import type { RaRecord } from 'react-admin';

/** An organisation ("collectivité") as GET /api/organizations returns it. */
export interface Organization extends RaRecord<string> {
  slug: string;
  name: string;
  kind: OrganizationKind;
  timeZone: string;
  /** The effective lifecycle settings: the custom ones over the defaults. */
  settings?: LifecycleSettings;
  /** Only what the organisation changed from the defaults. */
  customSettings?: Partial<Omit<LifecycleSettings, 'timeZone'>>;
  /** The effective digest settings, and what the organisation changed (issue 15). */
  digest?: DigestSettings;
  customDigest?: Partial<DigestSettings>;
  createdAt?: string;
}

// Mirrors the domain's DEFAULT_TIME_ZONE; a value import would pull the domain's
// runtime (zod, date-fns) into the bundle for one string.
export const DEFAULT_TIME_ZONE = 'Europe/Paris';
