import { z } from 'zod';
import { criterionSchema, exitPlanSchema, expiryDateSchema, participantSchema } from './framing';

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
    /** "Nouveau test à partir d'un modèle": the template's defaults fill what is not given. */
    templateId: z.uuid({ message: 'templateId must be a template id' }).optional(),
  })
  .strict();

export type CreateExperimentInput = z.infer<typeof createExperimentSchema>;

/**
 * Edits of an experiment's framing. In draft every field may change; while running
 * only the notes that do not alter what is tested (vision, scope). Dates are given as
 * days: an expiry date means the end of that day in the organisation's time zone.
 */
export const updateExperimentSchema = z
  .object({
    title: z.string().trim().min(3, { message: 'title must have at least 3 characters' }).max(200),
    trackId: z.uuid().nullable(),
    hypothesis: z.string().trim().max(4000),
    vision: z.string().trim().max(4000),
    scope: z.string().trim().max(4000),
    criteria: z.array(criterionSchema).max(50),
    pilotIds: z.array(z.uuid()).max(20),
    sponsorId: z.uuid().nullable(),
    participants: z.array(participantSchema).max(500),
    expiresOn: expiryDateSchema('expiresOn').nullable(),
    checkInCadenceDays: z.number().int().min(1).max(90).nullable(),
    exitPlan: exitPlanSchema,
  })
  .partial()
  .strict();

export type UpdateExperimentInput = z.infer<typeof updateExperimentSchema>;

/** Framing fields that may still change while the experiment runs. */
export const EDITABLE_WHILE_RUNNING: readonly (keyof UpdateExperimentInput)[] = ['vision', 'scope'];
