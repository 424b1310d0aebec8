// Who asks for a transition: shared by the lifecycle's messages and those of its modules
// (questionnaires, approval), which the lifecycle's messages import in turn.

/** Who asks for a transition, and why. The API has checked the role; the workflow records it. */
export interface Actor {
  userId: string | null;
  reason?: string;
}
