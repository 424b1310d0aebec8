// The rules of the lifecycle inputs that are more than a shape: written once, without zod,
// so that the workflow sandbox (which evaluates its modules once per cached workflow) checks
// them too while the API's zod schemas (lifecycle-inputs.ts) refine with the same functions.

export const USERS_VOICE_REQUIRED =
  "the users' voice is required: its sources and how many were heard, or why none was";

export const HANDOVER_REQUIRED = 'perpetuating needs a handover: when the pilot withdraws and who takes over';

/** An evaluation carries the voice of its users: who was heard and how many, or why no one was. */
export function hasUsersVoice(
  voice: { sources?: readonly string[]; count?: number; noneReason?: string } | undefined,
): boolean {
  const heard = (voice?.sources?.length ?? 0) > 0 && (voice?.count ?? 0) > 0;
  return heard || (voice?.noneReason?.trim().length ?? 0) > 0;
}

/** A perpetuated test says who takes over when its pilot withdraws. */
export function hasRequiredHandover(decision: { outcome?: string; handover?: unknown }): boolean {
  return decision.outcome !== 'perpetuate' || (decision.handover !== undefined && decision.handover !== null);
}
