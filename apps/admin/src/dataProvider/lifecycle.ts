import type { LifecycleAction } from '@capacites/domain';

/** The API route of each lifecycle action, under /api/experiments/:id/. */
export const ACTION_PATHS: Record<LifecycleAction, string> = {
  launch: 'launch',
  cancel: 'cancel',
  recordCheckIn: 'check-ins',
  requestExtension: 'extension',
  approveExtension: 'extension/approve',
  refuseExtension: 'extension/refuse',
  stopEarly: 'stop',
  amendCriteria: 'criteria-amendments',
  submitEvaluation: 'evaluation',
  decide: 'decision',
  requestLaunch: 'launch-request',
  approveLaunch: 'launch-request/approve',
  refuseLaunch: 'launch-request/refuse',
  withdrawLaunchRequest: 'launch-request/withdraw',
  reassignPeople: 'reassignment',
};

/** One action the current user may perform now (GET /api/experiments/:id/actions). */
export interface AllowedActionDto {
  action: LifecycleAction;
  roles: string[];
}

/** One task of the current user (GET /api/me/tasks): the shape is the domain's. */
export type { MyTask } from '@capacites/domain';

/** One entry of GET /api/experiments/:id/timeline: a recorded event, or a notice sent. */
export interface TimelineEntry {
  id: string;
  kind: 'audit' | 'notice';
  event: string;
  at: string;
  fromState: string | null;
  toState: string | null;
  actorId: string | null;
  /** A person, a service account (an integration's token, named by `actorName`), or the lifecycle. */
  actorKind?: 'user' | 'serviceAccount' | 'system';
  actorName?: string;
  reason: string | null;
  details: Record<string, unknown>;
  /** For a notice: how many people it reached. */
  recipients: number | null;
}

/** An extension request waiting for the sponsor (in GET /api/experiments/:id/status). */
export interface PendingExtensionDto {
  requestedBy: string | null;
  requestedAt: string;
  newExpiresAt: string;
  justification: string;
}

/** The part of GET /api/experiments/:id/status the back-office reads. */
export interface ExperimentStatusDto {
  experimentId: string;
  state: string;
  pendingExtension: PendingExtensionDto | null;
  extensionsUsed: number;
}
