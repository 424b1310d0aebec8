import { patched, setHandler } from '@temporalio/workflow';
import {
  launchApprovalReminders,
  launchApproverRefusal,
  type ErrorCode,
  type ErrorParams,
  type LaunchRequestInfo,
} from '@capacites/domain';
import {
  approveLaunchUpdate,
  refuseLaunchUpdate,
  requestLaunchUpdate,
  withdrawLaunchRequestUpdate,
} from './experiment-lifecycle.approval.messages';
import type { ExperimentPatch } from './experiment-lifecycle.activities';
import type { Actor, AgendaEvent, LaunchRequest, LifecycleData } from './experiment-lifecycle.messages';
import { LifecycleRefusal, type ExperimentLifecycle } from './experiment-lifecycle.state';
import type { LifecycleToolkit } from './experiment-lifecycle.toolkit';

/** Patch id: launch approval (four-eyes): request, approve, refuse, withdraw, reminders. */
export const LAUNCH_APPROVAL = 'launch-approval';

const refusal = (code: ErrorCode, params: ErrorParams = {}) => new LifecycleRefusal(code, params);

/**
 * A direct launch is refused while a request waits, and when the organisation's settings
 * (sent with the launch) ask for an approval. `replaying`: from the handler, where only
 * histories from this patch on check it (validators never run on replay).
 */
export function checkDirectLaunch(
  lifecycle: ExperimentLifecycle,
  request: LaunchRequest,
  inHandler = false,
): void {
  const concerned = Boolean(lifecycle.data.pendingLaunch) || request.settings.launchApproval === true;
  if (!concerned || (inHandler && !patched(LAUNCH_APPROVAL))) return;
  if (lifecycle.data.pendingLaunch) throw refusal('LAUNCH_REQUEST_PENDING');
  throw refusal('LAUNCH_APPROVAL_REQUIRED');
}

/** A cancel clears a waiting request (and its projection); nothing when there is none. */
export function clearLaunchRequestOnCancel(data: LifecycleData): { patch?: ExperimentPatch } {
  if (!data.pendingLaunch) return {};
  data.pendingLaunch = null;
  return { patch: { launchRequestedAt: null, launchRequestedBy: null } };
}

/** The sponsor named in the request approves first; the CODIR may too. */
const approvers = (pending: LaunchRequestInfo): string[] => (pending.sponsorId ? [pending.sponsorId] : []);

/**
 * Launch approval (four-eyes), an organisation setting: a launch requested by HR or a pilot
 * waits in draft for the sponsor's or a CODIR member's approval; whoever requested it (or
 * pilots it) cannot approve it; the readiness checklist is checked again at approval, with
 * the framing and settings of that moment. The API checks the roles.
 */
export function registerLaunchApproval(t: LifecycleToolkit) {
  const { lifecycle } = t;
  const d = lifecycle.data;
  const pendingOrRefuse = (): LaunchRequestInfo => {
    if (d.state !== 'draft' || !d.pendingLaunch) throw refusal('NO_LAUNCH_REQUEST');
    return d.pendingLaunch;
  };
  const clearPatch: ExperimentPatch = { launchRequestedAt: null, launchRequestedBy: null };

  const checkRequest = (request: LaunchRequest) => {
    lifecycle.assertCan('launch');
    if (d.pendingLaunch) throw refusal('LAUNCH_REQUEST_PENDING');
    if (request.settings.launchApproval !== true) throw refusal('LAUNCH_APPROVAL_NOT_REQUIRED');
    lifecycle.checkLaunch(request, t.now());
  };
  setHandler(
    requestLaunchUpdate,
    (request) =>
      t.guarded(
        () => checkRequest(request),
        async () => {
          patched(LAUNCH_APPROVAL);
          const pending: LaunchRequestInfo = {
            requestedBy: request.actor.userId,
            requestedAt: t.now().toISOString(),
            sponsorId: request.framing.sponsorId,
            pilotIds: [...request.framing.pilotIds],
            reminderDays: request.settings.launchApprovalReminderDays ?? [],
            timeZone: request.settings.timeZone,
            reminderHour: request.settings.reminderHour,
            calendar: request.calendar ?? null,
          };
          d.pendingLaunch = pending;
          await t.record(
            'launchRequested',
            request.actor,
            {
              patch: { launchRequestedAt: pending.requestedAt, launchRequestedBy: pending.requestedBy },
              details: { sponsorId: pending.sponsorId, expiresAt: request.framing.expiresAt },
            },
            undefined,
            {
              event: 'launchApprovalRequested',
              userIds: approvers(pending),
              roles: ['codir'],
              data: { expiresAt: request.framing.expiresAt },
            },
          );
          t.replan();
          return lifecycle.snapshot();
        },
      ),
    { validator: (request) => t.asFailure(() => checkRequest(request)) },
  );

  const checkApproval = (request: LaunchRequest) => {
    const pending = pendingOrRefuse();
    const pilots = [...new Set([...pending.pilotIds, ...request.framing.pilotIds])];
    const who = launchApproverRefusal(pending, request.actor.userId, pilots);
    if (who) throw refusal(who);
    // What may have changed since the request (a consent withdrawn, the expiry now past…).
    lifecycle.checkLaunch(request, t.now());
  };
  setHandler(
    approveLaunchUpdate,
    (request) =>
      t.guarded(
        () => checkApproval(request),
        async () => {
          const pending = d.pendingLaunch as LaunchRequestInfo;
          d.pendingLaunch = null;
          lifecycle.applyLaunch(request, t.now());
          // Working days from launch on, as a direct launch does (experiment-lifecycle.working-days.ts).
          if (request.calendar) d.calendar = request.calendar;
          await t.transition(
            'launch',
            request.actor,
            {
              patch: {
                launchedAt: d.launchedAt,
                expiresAt: d.expiresAt,
                originalExpiresAt: d.originalExpiresAt,
                criteria: d.criteriaAtLaunch,
                settingsSnapshot: request.settings,
                ...clearPatch,
              },
              details: {
                checkInCadenceDays: d.checkInCadenceDays,
                approval: { requestedBy: pending.requestedBy, requestedAt: pending.requestedAt },
              },
            },
            {
              event: 'launched',
              userIds: lifecycle.people('pilots', 'sponsor', 'participants'),
              roles: [],
              data: { expiresAt: d.expiresAt },
            },
          );
          // Back to whoever asked (they may be HR, outside the test's people).
          await t.send('launchApproved', pending.requestedBy ? [pending.requestedBy] : [], [], {
            expiresAt: d.expiresAt,
          });
          t.replan();
          return lifecycle.snapshot();
        },
      ),
    { validator: (request) => t.asFailure(() => checkApproval(request)) },
  );

  const checkRefusal = (actor: Actor) => {
    const pending = pendingOrRefuse();
    const who = launchApproverRefusal(pending, actor.userId, pending.pilotIds);
    if (who) throw refusal(who);
    if (!actor.reason || actor.reason.trim().length === 0) throw refusal('LAUNCH_REFUSAL_REASON_REQUIRED');
  };
  setHandler(
    refuseLaunchUpdate,
    (actor) =>
      t.guarded(
        () => checkRefusal(actor),
        async () => {
          const pending = d.pendingLaunch as LaunchRequestInfo;
          d.pendingLaunch = null;
          const told = new Set([...(pending.requestedBy ? [pending.requestedBy] : []), ...pending.pilotIds]);
          await t.record(
            'launchRefused',
            actor,
            {
              patch: clearPatch,
              details: { requestedBy: pending.requestedBy, requestedAt: pending.requestedAt },
            },
            undefined,
            { event: 'launchRefused', userIds: [...told], roles: [], data: { reason: actor.reason ?? null } },
          );
          t.replan();
          return lifecycle.snapshot();
        },
      ),
    { validator: (actor) => t.asFailure(() => checkRefusal(actor)) },
  );

  setHandler(
    withdrawLaunchRequestUpdate,
    (actor) =>
      t.guarded(
        () => void pendingOrRefuse(),
        async () => {
          const pending = d.pendingLaunch as LaunchRequestInfo;
          d.pendingLaunch = null;
          await t.record(
            'launchRequestWithdrawn',
            actor,
            {
              patch: clearPatch,
              details: { requestedBy: pending.requestedBy, requestedAt: pending.requestedAt },
            },
            undefined,
            {
              event: 'launchRequestWithdrawn',
              userIds: approvers(pending),
              roles: ['codir'],
              data: { reason: actor.reason ?? null },
            },
          );
          t.replan();
          return lifecycle.snapshot();
        },
      ),
    { validator: (_actor: Actor) => t.asFailure(() => void pendingOrRefuse()) },
  );

  return {
    /** A reminder to the approvers; the last one reaches the CODIR too. */
    async fireReminder(event: AgendaEvent): Promise<void> {
      const pending = d.pendingLaunch;
      if (d.state !== 'draft' || !pending) return;
      const last = launchApprovalReminders(pending).find((r) => r.days === event.days)?.last ?? false;
      await t.send('launchApprovalReminder', approvers(pending), last ? ['codir'] : [], {
        days: event.days ?? 0,
        requestedAt: pending.requestedAt,
        last,
      });
    },
  };
}
