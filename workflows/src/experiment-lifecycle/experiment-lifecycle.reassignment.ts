import { patched, setHandler } from '@temporalio/workflow';
import {
  ORPHANABLE_STATES,
  pilotIsSponsor,
  reassignmentChanges,
  type ErrorCode,
  type ErrorParams,
} from '@capacites/domain';
import {
  reassignPeopleUpdate,
  reportDepartureUpdate,
  type DepartureReport,
  type ReassignmentRequest,
} from './experiment-lifecycle.approval.messages';
import { LifecycleRefusal } from './experiment-lifecycle.state';
import type { LifecycleToolkit } from './experiment-lifecycle.toolkit';

/** Patch id: departures of pilots or sponsor reported to HR, and their reassignment. */
export const PEOPLE_REASSIGNMENT = 'people-reassignment';

const refusal = (code: ErrorCode, params: ErrorParams = {}) => new LifecycleRefusal(code, params);

/**
 * Stale and orphan tests: the API reports a pilot or sponsor whose account was disabled or
 * who left the organisation (HR told at once, once per person), and HR reassigns the
 * people of a test under way, with the same rule as the framing (pilot ≠ sponsor). The new
 * people get the test's notices from then on (reminders, extension requests, decisions).
 */
export function registerReassignment(t: LifecycleToolkit): void {
  const { lifecycle } = t;
  const d = lifecycle.data;
  const assertUnderWay = () => {
    if (!d.state || !(ORPHANABLE_STATES as readonly string[]).includes(d.state) || !d.framing)
      throw refusal('REASSIGNMENT_NOT_ALLOWED', { state: d.state ?? 'none' });
  };

  const checkReassignment = (request: ReassignmentRequest) => {
    assertUnderWay();
    if (request.pilotIds.length === 0 || !request.sponsorId) throw refusal('REASSIGNMENT_PEOPLE_REQUIRED');
    if (pilotIsSponsor(request.pilotIds, request.sponsorId)) throw refusal('PILOT_IS_SPONSOR');
    const framing = d.framing as NonNullable<typeof d.framing>;
    if (reassignmentChanges(framing, request).unchanged) throw refusal('REASSIGNMENT_UNCHANGED');
  };
  setHandler(
    reassignPeopleUpdate,
    (request) =>
      t.guarded(
        () => checkReassignment(request),
        async () => {
          patched(PEOPLE_REASSIGNMENT);
          const framing = d.framing as NonNullable<typeof d.framing>;
          const before = { pilotIds: [...framing.pilotIds], sponsorId: framing.sponsorId };
          const after = { pilotIds: [...request.pilotIds], sponsorId: request.sponsorId };
          const { added, removed } = reassignmentChanges(before, after);
          framing.pilotIds = after.pilotIds;
          framing.sponsorId = after.sponsorId;
          d.departedPeople = (d.departedPeople ?? []).filter((id) => !removed.includes(id));
          await t.record(
            'peopleReassigned',
            { ...request.actor, reason: request.reason },
            {
              patch: { pilotIds: after.pilotIds, sponsorId: after.sponsorId },
              details: { before, after, added, removed },
            },
            undefined,
            {
              event: 'peopleAssigned',
              userIds: added,
              roles: [],
              data: {
                reason: request.reason,
                state: d.state,
                // The new sponsor now decides on a waiting extension request.
                extensionPending: d.pendingExtension !== null && added.includes(after.sponsorId),
              },
            },
          );
          if (removed.length > 0) await t.send('peopleUnassigned', removed, [], { reason: request.reason });
          return lifecycle.snapshot();
        },
      ),
    { validator: (request) => t.asFailure(() => checkReassignment(request)) },
  );

  setHandler(
    reportDepartureUpdate,
    (report: DepartureReport) =>
      t.guarded(assertUnderWay, async () => {
        patched(PEOPLE_REASSIGNMENT);
        const framing = d.framing as NonNullable<typeof d.framing>;
        const roles = [
          ...(framing.pilotIds.includes(report.userId) ? ['pilot'] : []),
          ...(framing.sponsorId === report.userId ? ['sponsor'] : []),
        ];
        // Not (or no longer) one of the test's people, or HR told already: nothing to record.
        if (roles.length === 0 || (d.departedPeople ?? []).includes(report.userId))
          return lifecycle.snapshot();
        d.departedPeople = [...(d.departedPeople ?? []), report.userId];
        await t.record(
          'personDeparted',
          report.actor,
          { details: { userId: report.userId, kind: report.kind, roles } },
          undefined,
          {
            event: 'experimentOrphaned',
            userIds: [],
            roles: ['hr'],
            data: { kind: report.kind, roles: roles.join(','), state: d.state },
          },
        );
        return lifecycle.snapshot();
      }),
    { validator: (_report: DepartureReport) => t.asFailure(assertUnderWay) },
  );
}
