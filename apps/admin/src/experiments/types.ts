import type { ExperimentState } from '@capacites/domain';
import type { RaRecord } from 'react-admin';

export type { ExperimentState };

/** An experiment ("test") as GET /api/experiments returns it. */
export interface Experiment extends RaRecord<string> {
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
