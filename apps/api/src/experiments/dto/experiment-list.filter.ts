import { z } from 'zod';
import { EXPERIMENT_STATES } from '@capacites/domain';
import { idsFilter } from '../../common/filters';

export const experimentListFilterSchema = z
  .object({
    /** Full-text search on title and hypothesis (French, accent-insensitive, web-search syntax). */
    q: z.string().trim().max(200).optional(),
    state: z.union([z.enum(EXPERIMENT_STATES), z.array(z.enum(EXPERIMENT_STATES))]).optional(),
    organizationId: z.uuid().optional(),
    trackId: z.uuid().optional(),
    pilotId: z.uuid().optional(),
    sponsorId: z.uuid().optional(),
    parentId: z.uuid().optional(),
    /** Running experiments whose expiry comes before this instant (a date means its start, UTC). */
    expiresBefore: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .transform((value) => new Date(value))
      .optional(),
    /** Evaluations and decisions past their due date ("Algeco" candidates). */
    overdue: z.boolean().optional(),
    /** Drafts whose launch waits for the sponsor's or CODIR's approval (four-eyes). */
    awaitingLaunchApproval: z.boolean().optional(),
    /** Tests under way whose pilot or sponsor is disabled or gone from the organisation. */
    orphaned: z.boolean().optional(),
    id: idsFilter.optional(),
  })
  .strict();

export type ExperimentListFilter = z.infer<typeof experimentListFilterSchema>;

export const SORTABLE_EXPERIMENT_FIELDS = ['title', 'state', 'createdAt', 'updatedAt', 'expiresAt'] as const;
