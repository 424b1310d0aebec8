import { INPUT_RULE } from '../validation';
import { z } from 'zod';

/**
 * The organisation's digest ("lettre du portefeuille", issue 15 item 1): how often, on
 * which weekday and hour (local time), and who receives it. Not a lifecycle setting: it is
 * not frozen at launch, and changing it updates the organisation's Temporal Schedule.
 */
export const DIGEST_RHYTHMS = ['weekly', 'fortnightly', 'monthly', 'off'] as const;
export type DigestRhythm = (typeof DIGEST_RHYTHMS)[number];

export const DIGEST_RECIPIENT_ROLES = ['codir', 'hr', 'sponsor'] as const;
export type DigestRecipientRole = (typeof DIGEST_RECIPIENT_ROLES)[number];

export const digestSettingsSchema = z
  .object({
    rhythm: z.enum(DIGEST_RHYTHMS),
    /** ISO weekday of the nominal day: 1 Monday … 5 Friday (monthly: the first such day of the month). */
    weekday: z.number().int().min(1).max(5),
    /** Local hour of sending. */
    hour: z.number().int().min(6).max(20),
    recipients: z
      .array(z.enum(DIGEST_RECIPIENT_ROLES))
      .min(1, 'au moins un destinataire')
      .refine((list) => new Set(list).size === list.length, {
        message: 'each role once',
        params: INPUT_RULE,
      }),
  })
  .strict();

export type DigestSettings = z.infer<typeof digestSettingsSchema>;

export const DEFAULT_DIGEST_SETTINGS: DigestSettings = {
  rhythm: 'weekly',
  weekday: 1,
  hour: 9,
  recipients: ['codir', 'hr', 'sponsor'],
};

/** Stored digest settings are partial: missing keys take the defaults. */
export const digestSettingsInputSchema = digestSettingsSchema.partial().strict();

export function resolveDigestSettings(stored: Record<string, unknown> | null | undefined): DigestSettings {
  return digestSettingsSchema.parse({ ...DEFAULT_DIGEST_SETTINGS, ...(stored ?? {}) });
}
