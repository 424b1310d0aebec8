// Messages of the launch approval (four-eyes) and of the reassignment of a test's people.
// Beside the lifecycle's own messages; the API imports them, never the workflow.
import { defineUpdate } from '@temporalio/workflow';
import type { DepartureKind } from '@capacites/domain';
import type { Actor, ExperimentSnapshot, LaunchRequest } from './experiment-lifecycle.messages';

/** HR or a pilot reassigns the pilots and the sponsor of a test under way. */
export interface ReassignmentRequest {
  actor: Actor;
  pilotIds: string[];
  sponsorId: string;
  reason: string;
}

/** The API tells the workflow that a pilot or the sponsor is gone (account disabled, left). */
export interface DepartureReport {
  /** Who disabled the account or changed the memberships. */
  actor: Actor;
  userId: string;
  kind: DepartureKind;
}

/** The launch as it would be (framing and settings now), waiting for an approval. */
export const requestLaunchUpdate = defineUpdate<ExperimentSnapshot, [LaunchRequest]>('requestLaunch');
/** The approver launches it: the framing and settings at approval, checked again. */
export const approveLaunchUpdate = defineUpdate<ExperimentSnapshot, [LaunchRequest]>('approveLaunch');
export const refuseLaunchUpdate = defineUpdate<ExperimentSnapshot, [Actor]>('refuseLaunch');
export const withdrawLaunchRequestUpdate = defineUpdate<ExperimentSnapshot, [Actor]>('withdrawLaunchRequest');
export const reassignPeopleUpdate = defineUpdate<ExperimentSnapshot, [ReassignmentRequest]>('reassignPeople');
export const reportDepartureUpdate = defineUpdate<ExperimentSnapshot, [DepartureReport]>('reportDeparture');
