/** Kinds of public administration that run tests with Capacités (DOMAIN.md, "Organisation"). */
export const ORGANIZATION_KINDS = [
  'commune',
  'epci',
  'departement',
  'region',
  'ccas',
  'carsat',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLES = ['admin', 'hr', 'pilot', 'sponsor', 'codir', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
