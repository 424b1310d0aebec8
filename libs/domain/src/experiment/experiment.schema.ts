import { z } from 'zod';

/**
 * Input accepted when an experiment is created in draft. Shared by the API (edge
 * validation) and the back-office (form validation). The launch checklist, which is
 * stricter, lives with the lifecycle rules.
 */
export const createExperimentSchema = z
  .object({
    organizationId: z.uuid({ message: 'organizationId must be a UUID' }),
    trackId: z.uuid({ message: 'trackId must be a UUID' }).optional(),
    title: z
      .string({ message: 'title is required' })
      .trim()
      .min(3, { message: 'title must have at least 3 characters' })
      .max(200, { message: 'title must have at most 200 characters' }),
    hypothesis: z
      .string()
      .trim()
      .max(4000, { message: 'hypothesis must have at most 4000 characters' })
      .optional(),
    vision: z.string().trim().max(4000, { message: 'vision must have at most 4000 characters' }).optional(),
    scope: z.string().trim().max(4000, { message: 'scope must have at most 4000 characters' }).optional(),
  })
  .strict();

export type CreateExperimentInput = z.infer<typeof createExperimentSchema>;
