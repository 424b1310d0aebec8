import type { ExperimentState } from '@capacites/domain';
import type { ExperimentEntity } from '@capacites/persistence';

export interface ExperimentResponse {
  id: string;
  organizationId: string;
  trackId: string | null;
  title: string;
  hypothesis: string;
  vision: string;
  scope: string;
  state: ExperimentState;
  expiresAt: string | null;
  iteration: number;
  parentId: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toExperimentResponse(entity: ExperimentEntity): ExperimentResponse {
  return {
    id: entity.id,
    organizationId: entity.organizationId,
    trackId: entity.trackId,
    title: entity.title,
    hypothesis: entity.hypothesis,
    vision: entity.vision,
    scope: entity.scope,
    state: entity.state,
    expiresAt: entity.expiresAt?.toISOString() ?? null,
    iteration: entity.iteration,
    parentId: entity.parentId,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
