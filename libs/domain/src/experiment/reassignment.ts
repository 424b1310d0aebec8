/**
 * Stale and orphan tests: a pilot or the sponsor of a test that is still under way
 * (running, evaluating or deciding) whose account was disabled or who left the
 * organisation. HR is told at once and reassigns the people through the workflow.
 */
export const ORPHANABLE_STATES = ['running', 'evaluating', 'deciding'] as const;

/** Why a named person no longer holds their part. */
export type DepartureKind = 'disabled' | 'left';

export interface DepartedPerson {
  userId: string;
  displayName: string;
  /** Their part in the test. */
  roles: ('pilot' | 'sponsor')[];
  kind: DepartureKind;
}

/** One orphaned test, as the back-office, the HR notification and the digest read it. */
export interface OrphanedExperiment {
  id: string;
  organizationId: string;
  title: string;
  state: (typeof ORPHANABLE_STATES)[number];
  expiresAt: string | null;
  departed: DepartedPerson[];
}

/** Who joins and who leaves the test's people with a reassignment. */
export function reassignmentChanges(
  before: { pilotIds: readonly string[]; sponsorId: string | null },
  after: { pilotIds: readonly string[]; sponsorId: string | null },
): { added: string[]; removed: string[]; unchanged: boolean } {
  const set = (p: { pilotIds: readonly string[]; sponsorId: string | null }) =>
    new Set([...p.pilotIds, ...(p.sponsorId ? [p.sponsorId] : [])]);
  const was = set(before);
  const now = set(after);
  const samePilots =
    before.pilotIds.length === after.pilotIds.length &&
    before.pilotIds.every((id) => after.pilotIds.includes(id));
  return {
    added: [...now].filter((id) => !was.has(id)),
    removed: [...was].filter((id) => !now.has(id)),
    unchanged: samePilots && before.sponsorId === after.sponsorId,
  };
}

/** An orphaned test, as the dashboard lists it (API and back-office). */
export interface OrphanedDashboardItem {
  id: string;
  title: string;
  organizationId: string;
  state: (typeof ORPHANABLE_STATES)[number];
}
