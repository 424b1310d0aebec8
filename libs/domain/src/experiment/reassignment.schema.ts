import { z } from 'zod';

// Apart from reassignment.ts: the workflow sandbox imports the rules, never zod.
const uuid = (field: string) => z.uuid({ message: `${field} must be a person's identifier` });

/** POST /experiments/:id/reassignment: the new pilots and sponsor, and why. */
export const reassignmentSchema = z
  .object({
    pilotIds: z
      .array(uuid('pilotIds'))
      .min(1, { message: 'at least one pilot is required' })
      .max(20, { message: 'at most 20 pilots' })
      .refine((ids) => new Set(ids).size === ids.length, { message: 'a pilot is named twice' }),
    sponsorId: uuid('sponsorId'),
    reason: z
      .string({ message: 'reason is required' })
      .trim()
      .min(1, { message: 'reason is required' })
      .max(2000, { message: 'reason must have at most 2000 characters' }),
  })
  .strict();
export type ReassignmentInput = z.infer<typeof reassignmentSchema>;
