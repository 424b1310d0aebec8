import { z } from 'zod';
import { isCommonPassword } from '../password/common-passwords';
import { lifecycleSettingsSchema } from './lifecycle-settings';
import { digestSettingsInputSchema } from './digest-settings';
import { ORGANIZATION_KINDS, ROLES } from './organization';

/** Inputs of the administration screens (organisations, tracks, users), shared with the back-office. */

const name = (field: string, max = 200) =>
  z
    .string({ message: `${field} is required` })
    .trim()
    .min(1, { message: `${field} is required` })
    .max(max, { message: `${field} must have at most ${max} characters` });

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'slug must be lowercase letters, digits and single hyphens',
  })
  .max(80);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA time zones this runtime knows (and UTC), listed: an enum the OpenAPI document
 * states, rather than a refinement it cannot.
 */
export const TIME_ZONES: readonly [string, ...string[]] = [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC'),
];

const timeZone = z.enum(TIME_ZONES, { message: 'timeZone must be an IANA time zone such as Europe/Paris' });

/** Stored settings are partial: missing keys take the defaults. The time zone is its own field. */
export const organizationSettingsSchema = lifecycleSettingsSchema.omit({ timeZone: true }).partial().strict();

export const organizationCreateSchema = z
  .object({
    name: name('name'),
    slug,
    kind: z.enum(ORGANIZATION_KINDS, { message: `kind must be one of ${ORGANIZATION_KINDS.join(', ')}` }),
    timeZone: timeZone.default('Europe/Paris'),
    settings: organizationSettingsSchema.default({}),
    /** The digest's rhythm, weekday, hour and recipients; missing keys take the defaults. */
    digest: digestSettingsInputSchema.optional(),
  })
  .strict();
export type OrganizationCreateInput = z.infer<typeof organizationCreateSchema>;

export const organizationUpdateSchema = z
  .object({
    name: name('name').optional(),
    kind: z.enum(ORGANIZATION_KINDS).optional(),
    timeZone: timeZone.optional(),
    /** Replaces the stored settings; a later change never alters a running test (frozen at launch). */
    settings: organizationSettingsSchema.optional(),
    /** Replaces the stored digest settings; the organisation's Schedule follows. */
    digest: digestSettingsInputSchema.optional(),
  })
  .strict();
export type OrganizationUpdateInput = z.infer<typeof organizationUpdateSchema>;

export const trackCreateSchema = z
  .object({
    name: name('name'),
    slug: slug.optional(),
    description: z.string().trim().max(2000).default(''),
    /** Null or absent: shared by every organisation. */
    organizationId: z.uuid().nullable().default(null),
  })
  .strict();
export type TrackCreateInput = z.infer<typeof trackCreateSchema>;

export const trackUpdateSchema = z
  .object({
    name: name('name').optional(),
    description: z.string().trim().max(2000).optional(),
    archived: z.boolean().optional(),
  })
  .strict();
export type TrackUpdateInput = z.infer<typeof trackUpdateSchema>;

export const membershipSchema = z
  .object({
    organizationId: z.uuid({ message: 'organizationId must be an organisation id' }),
    role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
  })
  .strict();

/**
 * At least 12 characters (ANSSI's recommendation for passwords alone is longer still),
 * and not one of the most common passwords (isCommonPassword).
 */
export const passwordSchema = z
  .string()
  .min(12, { message: 'password must have at least 12 characters' })
  .max(200, { message: 'password must have at most 200 characters' })
  .refine((password) => !isCommonPassword(password), {
    message: 'password is one of the most common passwords: choose another one',
  });

/**
 * An address mail can reach: RFC 5321 limits the part before the `@` to 64 characters (which
 * the OpenAPI `email` format checks, and zod's does not).
 */
const email = () =>
  z
    .email({ message: 'email must be an email address' })
    .max(320)
    .refine((value) => value.split('@')[0].length <= 64, {
      message: 'email must have at most 64 characters before the @',
    })
    .transform((value) => value.toLowerCase());

export const userCreateSchema = z
  .object({
    email: email(),
    displayName: name('displayName'),
    /** Absent: the user logs in through OpenID Connect only. */
    password: passwordSchema.optional(),
    memberships: z.array(membershipSchema).max(50).default([]),
    /**
     * May be linked to a ProConnect (OpenID Connect) identity on its first login through it.
     * Absent: yes for an account without password (ProConnect only), no otherwise.
     */
    oidcAllowed: z.boolean().optional(),
  })
  .strict();
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    email: email().optional(),
    displayName: name('displayName').optional(),
    password: passwordSchema.optional(),
    /** Replaces every membership of the user. */
    memberships: z.array(membershipSchema).max(50).optional(),
    disabled: z.boolean().optional(),
    oidcAllowed: z.boolean().optional(),
    /** true: forgets the linked ProConnect identity (the next one will be linked on login). */
    oidcUnlink: z.boolean().optional(),
  })
  .strict();
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;
