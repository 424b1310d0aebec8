import type {
  AuditEventEntity,
  CheckInEntity,
  DecisionEntity,
  EvaluationEntity,
} from '@capacites/persistence';

const iso = (value: Date | null) => value?.toISOString() ?? null;

export const toCheckInResponse = (c: CheckInEntity) => ({
  id: c.id,
  experimentId: c.experimentId,
  organizationId: c.organizationId,
  authorId: c.authorId,
  weather: c.weather,
  progress: c.progress,
  blockers: c.blockers,
  recordedAt: c.recordedAt.toISOString(),
});
export type CheckInResponse = ReturnType<typeof toCheckInResponse>;

/** One evaluation per experiment: its id is the experiment's. */
export const toEvaluationResponse = (e: EvaluationEntity) => ({
  id: e.experimentId,
  experimentId: e.experimentId,
  organizationId: e.organizationId,
  verdict: e.verdict,
  criterionResults: e.criterionResults,
  usersVoice: e.usersVoice,
  learnings: e.learnings,
  criteriaAtLaunch: e.criteriaAtLaunch,
  amendments: e.amendments,
  onTime: e.onTime,
  learningsShared: e.learningsSharedAt !== null,
  learningsSharedAt: iso(e.learningsSharedAt),
  submittedBy: e.submittedBy,
  submittedAt: e.submittedAt.toISOString(),
});
export type EvaluationResponse = ReturnType<typeof toEvaluationResponse>;

/** One decision per experiment: its id is the experiment's. */
export const toDecisionResponse = (d: DecisionEntity) => ({
  id: d.experimentId,
  experimentId: d.experimentId,
  organizationId: d.organizationId,
  outcome: d.outcome,
  rationale: d.rationale,
  handover: d.handover,
  nextFocus: d.nextFocus,
  childExperimentId: d.childExperimentId,
  onTime: d.onTime,
  decidedBy: d.decidedBy,
  decidedAt: d.decidedAt.toISOString(),
});
export type DecisionResponse = ReturnType<typeof toDecisionResponse>;

export const toAuditEventResponse = (a: AuditEventEntity) => ({
  id: String(a.id),
  experimentId: a.experimentId,
  organizationId: a.organizationId,
  event: a.event,
  fromState: a.fromState,
  toState: a.toState,
  actorId: a.actorId,
  reason: a.reason,
  details: a.details,
  occurredAt: iso(a.occurredAt),
});
export type AuditEventResponse = ReturnType<typeof toAuditEventResponse>;

type Memberships = { organizationId?: unknown }[];
const onlyOf = (value: unknown, organizationId: string | null): unknown =>
  Array.isArray(value) ? (value as Memberships).filter((m) => m?.organizationId === organizationId) : value;

/**
 * An account's record as a reader of one organisation may see it: only that organisation's
 * memberships. Records are written per organisation now; older ones named every
 * organisation of the person, and are cut here when read.
 */
export function toScopedAuditEventResponse(a: AuditEventEntity): AuditEventResponse {
  const response = toAuditEventResponse(a);
  if (!a.event.startsWith('user.') || !a.details) return response;
  const details: Record<string, unknown> = { ...(a.details as Record<string, unknown>) };
  if ('memberships' in details) details.memberships = onlyOf(details.memberships, a.organizationId);
  const changes = details.changes as Record<string, unknown> | undefined;
  if (changes && typeof changes === 'object' && 'memberships' in changes)
    details.changes = { ...changes, memberships: onlyOf(changes.memberships, a.organizationId) };
  return { ...response, details };
}
