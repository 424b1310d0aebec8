import { z } from 'zod';

/** Where a testimony was collected (the source's "voix des usagers"). */
export const TESTIMONY_SOURCES = ['interview', 'questionnaire', 'workshop', 'observation', 'other'] as const;
export type TestimonySource = (typeof TESTIMONY_SOURCES)[number];

const isoDate = z.iso.date({ message: 'collectedAt must be a date (YYYY-MM-DD)' });

/** A verbatim for the story of the test ("mise en récit") and its evaluation. */
export const testimonySchema = z
  .object({
    experimentId: z.uuid({ message: 'experimentId must be an experiment id' }),
    quote: z
      .string({ message: 'quote is required' })
      .trim()
      .min(1, { message: 'quote is required' })
      .max(4000, { message: 'quote must have at most 4000 characters' }),
    /** Empty: the person stays anonymous. */
    speaker: z.string().trim().max(200).default(''),
    speakerRole: z.string().trim().max(200).default(''),
    source: z.enum(TESTIMONY_SOURCES, {
      message: `source must be one of ${TESTIMONY_SOURCES.join(', ')}`,
    }),
    collectedAt: isoDate,
    /** The speaker agreed that it be shared beyond the organisation. */
    shareable: z.boolean().default(false),
  })
  .strict();
export type TestimonyInput = z.infer<typeof testimonySchema>;

/** Any field but the experiment may change. */
export const testimonyUpdateSchema = testimonySchema.omit({ experimentId: true }).partial().strict();
export type TestimonyUpdate = z.infer<typeof testimonyUpdateSchema>;
