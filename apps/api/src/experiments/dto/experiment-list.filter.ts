import { z } from 'zod';
import { EXPERIMENT_STATES } from '@capacites/domain';

export const experimentListFilterSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    state: z.union([z.enum(EXPERIMENT_STATES), z.array(z.enum(EXPERIMENT_STATES))]).optional(),
    organizationId: z.uuid().optional(),
    trackId: z.uuid().optional(),
    id: z.union([z.uuid(), z.array(z.uuid()).max(500)]).optional(),
  })
  .strict();

export type ExperimentListFilter = z.infer<typeof experimentListFilterSchema>;

export const SORTABLE_EXPERIMENT_FIELDS = ['title', 'state', 'createdAt', 'updatedAt', 'expiresAt'] as const;
