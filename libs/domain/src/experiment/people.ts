// No zod here: the workflow bundle imports this module, and every module it imports is
// evaluated once per cached workflow (apps/worker/src/workflow-bundle.ts).
import type { Participant } from './framing';

/** Pilot and sponsor of one test are different people (the sponsor approves what the pilots ask). */
export function pilotIsSponsor(pilotIds: readonly string[], sponsorId: string | null | undefined): boolean {
  return Boolean(sponsorId) && pilotIds.includes(sponsorId as string);
}

/** Recipients of a running test's notices: a participant who withdrew receives none. */
export function activeParticipants(participants: readonly Participant[]): Participant[] {
  return participants.filter((p) => !p.withdrawnAt);
}
