import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { experimentWorkflowId, type TransitionName } from '@capacites/domain';
import type {
  ExperimentActivities,
  NotificationEvent,
  RecordTransitionInput,
} from './experiment-lifecycle.activities';
import {
  amendCriteriaUpdate,
  approveExtensionUpdate,
  cancelUpdate,
  decideUpdate,
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  initializeUpdate,
  launchUpdate,
  recordCheckInUpdate,
  refuseExtensionUpdate,
  requestExtensionUpdate,
  snapshotQuery,
  statusQuery,
  stopEarlyUpdate,
  submitEvaluationUpdate,
  withdrawConsentUpdate,
  type Actor,
  type AgendaEvent,
  type ExperimentLifecycleInput,
  type ExperimentSnapshot,
} from './experiment-lifecycle.messages';
import { ExperimentLifecycle, LifecycleRefusal } from './experiment-lifecycle.state';
import {
  checkDirectLaunch,
  clearLaunchRequestOnCancel,
  registerLaunchApproval,
} from './experiment-lifecycle.launch-approval';
import { registerReassignment } from './experiment-lifecycle.reassignment';
import { QuestionnaireWindows, registerQuestionnaireHandlers } from './experiment-lifecycle.questionnaires';

const activities = proxyActivities<ExperimentActivities>({
  // Database writes and one email each: a worker that died mid-activity is retried after this.
  startToCloseTimeout: '15 seconds',
  // PostgreSQL or SMTP may be down for a while: retry with back-off, never drop a transition.
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['ExperimentNotFound'],
  },
});

const DEFAULT_HISTORY_LIMIT = 2000;

/** Patch id: a transition and its notice are recorded by one activity (see `record`). */
const ONE_ACTIVITY_PER_TRANSITION = 'one-activity-per-transition';
/** Patch id: launch also checks the hypothesis to revise and that the sponsor is not a pilot. */
const LAUNCH_READINESS_PEOPLE_AND_REVISION = 'launch-readiness-people-and-revision';
/** Patch id: a pilot of the test cannot approve its extension. */
const APPROVER_NOT_PILOT = 'approver-not-pilot';
/** Patch id: a participant's withdrawal reaches the workflow (no more notices, pilots told). */
const CONSENT_WITHDRAWAL = 'consent-withdrawal';
/** Patch id: a launch with a holiday table counts working days (experiment-lifecycle.working-days.ts). */
const WORKING_DAYS_CALENDAR = 'working-days-calendar';

type NoticeData = Record<string, string | number | boolean | null>;
/** The notification an event sends: who receives it and what the template needs. */
interface Notice {
  event: NotificationEvent;
  userIds: string[];
  roles: ('codir' | 'hr')[];
  data?: NoticeData;
}

/**
 * One durable workflow per experiment, from draft to a terminal state (DOMAIN.md,
 * "Lifecycle"). Transitions arrive as Updates (validated, then applied one at a time);
 * the workflow itself fires reminders, the expiry and escalations from its agenda.
 */
export async function experimentLifecycle(input: ExperimentLifecycleInput): Promise<ExperimentSnapshot> {
  const lifecycle = input.carried
    ? new ExperimentLifecycle(input.carried)
    : ExperimentLifecycle.initial(input);
  const d = lifecycle.data;
  const now = () => new Date(Date.now());
  let planVersion = 0;
  const replan = () => {
    lifecycle.dropPastReminders(now());
    planVersion += 1;
  };

  // Transitions run one at a time, so that a timer and an update never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const asFailure = (check: () => void) => {
    try {
      check();
    } catch (error) {
      // The code and its parameters travel as the failure's details: the API answers with them.
      if (error instanceof LifecycleRefusal)
        throw ApplicationFailure.create({
          message: error.message,
          type: 'LifecycleRefusal',
          nonRetryable: true,
          details: [{ code: error.code, params: error.params }],
        });
      throw error;
    }
  };
  // Validators refuse through asFailure too: the refusal's code and parameters reach the caller.
  /** Checks again inside the queue (another transition may have run since the validator). */
  const guarded = <T>(check: () => void, work: () => Promise<T>) =>
    serial(async () => {
      asFailure(check);
      return work();
    });

  /**
   * Records an event (audit, projection, attachments) and, with a notice, the notifications
   * it sends, in one activity and one database transaction: one round trip to the server per
   * transition instead of two (docs/benchmarks.md, "Expiry storm"). Histories written before
   * that change replay on the two-activity path.
   */
  const record = async (
    event: string,
    actor: Actor | null,
    extra: Partial<RecordTransitionInput> & { from?: RecordTransitionInput['from'] } = {},
    key = lifecycle.nextKey(event),
    notice?: Notice,
  ) => {
    const input: RecordTransitionInput = {
      experimentId: d.experimentId,
      organizationId: d.organizationId,
      idempotencyKey: key,
      event,
      from: extra.from !== undefined ? extra.from : d.state,
      to: d.state ?? 'draft',
      actorId: actor?.userId ?? null,
      reason: actor?.reason ?? null,
      occurredAt: now().toISOString(),
      ...extra,
    };
    if (!notice || (notice.userIds.length === 0 && notice.roles.length === 0)) {
      await activities.recordTransition(input);
      return;
    }
    const message = {
      idempotencyKey: lifecycle.nextKey(`notify:${notice.event}`),
      event: notice.event,
      recipients: { userIds: notice.userIds, roles: notice.roles },
      data: notice.data ?? {},
    };
    if (patched(ONE_ACTIVITY_PER_TRANSITION)) {
      await activities.recordTransition({ ...input, notice: message });
    } else {
      await activities.recordTransition(input);
      await activities.notify({ experimentId: d.experimentId, organizationId: d.organizationId, ...message });
    }
  };
  const transition = async (
    name: TransitionName,
    actor: Actor | null,
    extra: Partial<RecordTransitionInput> = {},
    notice?: Notice,
  ) => {
    const { from, key } = lifecycle.move(name);
    await record(name, actor, { ...extra, from }, key, notice);
  };
  /** A notification on its own (reminders), not tied to a recorded event. */
  const send = async (
    event: NotificationEvent,
    userIds: string[],
    roles: ('codir' | 'hr')[],
    data: NoticeData = {},
  ) => {
    if (userIds.length === 0 && roles.length === 0) return;
    await activities.notify({
      experimentId: d.experimentId,
      organizationId: d.organizationId,
      idempotencyKey: lifecycle.nextKey(`notify:${event}`),
      event,
      recipients: { userIds, roles },
      data,
    });
  };
  const notice = (
    event: NotificationEvent,
    userIds: string[],
    roles: ('codir' | 'hr')[],
    data: NoticeData = {},
  ): Notice => ({ event, userIds, roles, data });

  // --- creation ---------------------------------------------------------------------
  let creation: Promise<ExperimentSnapshot> | undefined = input.carried
    ? Promise.resolve(lifecycle.snapshot())
    : undefined;
  const recordCreation = () =>
    (creation ??= serial(async () => {
      await transition('create', { userId: input.createdBy });
      return lifecycle.snapshot();
    }));

  setHandler(snapshotQuery, () => lifecycle.snapshot());
  setHandler(statusQuery, () => lifecycle.status());
  setHandler(initializeUpdate, () => recordCreation());

  // --- draft ------------------------------------------------------------------------
  setHandler(
    launchUpdate,
    (request) =>
      guarded(
        // Validators do not run on replay; the handler checks the newer items only from this patch on.
        () => {
          lifecycle.checkLaunch(request, now(), patched(LAUNCH_READINESS_PEOPLE_AND_REVISION));
          checkDirectLaunch(lifecycle, request, true);
        },
        async () => {
          lifecycle.applyLaunch(request, now());
          if (request.calendar && patched(WORKING_DAYS_CALENDAR)) d.calendar = request.calendar;
          await transition(
            'launch',
            request.actor,
            {
              patch: {
                launchedAt: d.launchedAt,
                expiresAt: d.expiresAt,
                originalExpiresAt: d.originalExpiresAt,
                criteria: d.criteriaAtLaunch,
                settingsSnapshot: request.settings,
              },
              details: { checkInCadenceDays: d.checkInCadenceDays },
            },
            notice('launched', lifecycle.people('pilots', 'sponsor', 'participants'), [], {
              expiresAt: d.expiresAt,
            }),
          );
          replan();
          return lifecycle.snapshot();
        },
      ),
    {
      validator: (request) =>
        asFailure(() => {
          lifecycle.checkLaunch(request, now());
          checkDirectLaunch(lifecycle, request);
        }),
    },
  );

  setHandler(
    cancelUpdate,
    (actor) =>
      guarded(
        () => lifecycle.assertCan('cancel'),
        async () => {
          await transition(
            'cancel',
            actor,
            clearLaunchRequestOnCancel(d),
            notice('cancelled', lifecycle.people('pilots', 'sponsor'), [], { reason: actor.reason ?? null }),
          );
          replan();
          return lifecycle.snapshot();
        },
      ),
    { validator: (_actor: Actor) => asFailure(() => lifecycle.assertCan('cancel')) },
  );

  // --- running ----------------------------------------------------------------------
  setHandler(
    recordCheckInUpdate,
    (request) =>
      guarded(
        () => lifecycle.checkCheckIn(request),
        async () => {
          d.lastCheckInAt = now().toISOString();
          d.checkInCount += 1;
          d.missedCheckIns = 0;
          await record('checkIn', request.actor, {
            checkIn: request.checkIn,
            patch: {
              lastCheckInAt: d.lastCheckInAt,
              lastWeather: request.checkIn.weather,
              missedCheckIns: 0,
            },
          });
          replan();
          return lifecycle.snapshot();
        },
      ),
    { validator: (request) => asFailure(() => lifecycle.checkCheckIn(request)) },
  );

  setHandler(
    requestExtensionUpdate,
    (request) =>
      guarded(
        () => lifecycle.checkExtensionRequest(request),
        async () => {
          d.pendingExtension = {
            requestedBy: request.actor.userId,
            requestedAt: now().toISOString(),
            newExpiresAt: request.newExpiresAt,
            justification: request.justification,
          };
          await record(
            'extensionRequested',
            { ...request.actor, reason: request.justification },
            {
              details: { newExpiresAt: request.newExpiresAt, currentExpiresAt: d.expiresAt },
            },
            undefined,
            notice('extensionRequested', lifecycle.people('sponsor'), [], {
              newExpiresAt: request.newExpiresAt,
              expiresAt: d.expiresAt,
              justification: request.justification,
            }),
          );
          return lifecycle.snapshot();
        },
      ),
    { validator: (request) => asFailure(() => lifecycle.checkExtensionRequest(request)) },
  );

  setHandler(
    approveExtensionUpdate,
    (actor) =>
      guarded(
        () => lifecycle.checkExtensionDecision(actor, patched(APPROVER_NOT_PILOT)),
        async () => {
          const pending = d.pendingExtension as NonNullable<typeof d.pendingExtension>;
          const previous = d.expiresAt;
          d.expiresAt = pending.newExpiresAt;
          d.extensionsUsed += 1;
          d.pendingExtension = null;
          await record(
            'extensionApproved',
            actor,
            {
              patch: { expiresAt: d.expiresAt, extensionsUsed: d.extensionsUsed },
              details: {
                previousExpiresAt: previous,
                newExpiresAt: d.expiresAt,
                justification: pending.justification,
              },
            },
            undefined,
            notice('extensionApproved', lifecycle.people('pilots', 'participants'), [], {
              expiresAt: d.expiresAt,
            }),
          );
          replan();
          return lifecycle.snapshot();
        },
      ),
    { validator: (actor) => asFailure(() => lifecycle.checkExtensionDecision(actor, true)) },
  );

  setHandler(
    refuseExtensionUpdate,
    (actor) =>
      guarded(
        () => lifecycle.checkExtensionDecision(actor),
        async () => {
          const pending = d.pendingExtension as NonNullable<typeof d.pendingExtension>;
          d.pendingExtension = null;
          await record(
            'extensionRefused',
            actor,
            { details: { requestedExpiresAt: pending.newExpiresAt } },
            undefined,
            notice('extensionRefused', lifecycle.people('pilots'), [], {
              expiresAt: d.expiresAt,
              reason: actor.reason ?? null,
            }),
          );
          return lifecycle.snapshot();
        },
      ),
    { validator: (actor) => asFailure(() => lifecycle.checkExtensionDecision(actor)) },
  );

  setHandler(
    withdrawConsentUpdate,
    (request) =>
      guarded(
        () => lifecycle.checkConsentWithdrawal(request),
        async () => {
          // A new update: histories without it never reach this; the marker dates the behaviour.
          patched(CONSENT_WITHDRAWAL);
          lifecycle.applyConsentWithdrawal(request, now());
          await record(
            'consentWithdrawn',
            request.actor,
            {
              patch: { participants: d.framing?.participants ?? [] },
              details: { participantId: request.actor.userId },
            },
            undefined,
            notice('consentWithdrawn', lifecycle.people('pilots'), [], {
              participantId: request.actor.userId,
            }),
          );
          return lifecycle.snapshot();
        },
      ),
    { validator: (request) => asFailure(() => lifecycle.checkConsentWithdrawal(request)) },
  );

  const stop = async (kind: 'expired' | 'early', actor: Actor | null) => {
    const lapsed = d.pendingExtension;
    const { from, key } = lifecycle.move(kind === 'expired' ? 'expire' : 'stopEarly');
    lifecycle.applyStop(kind, now());
    await record(
      kind === 'expired' ? 'expire' : 'stopEarly',
      actor,
      {
        from,
        patch: { stoppedAt: d.stoppedAt, stopKind: kind, evaluationDueAt: d.evaluationDueAt },
        details: lapsed ? { lapsedExtensionRequest: lapsed.newExpiresAt } : {},
      },
      key,
      notice('stopped', lifecycle.people('pilots', 'sponsor', 'participants'), ['hr'], {
        kind,
        stoppedAt: d.stoppedAt,
        evaluationDueAt: d.evaluationDueAt,
        reason: actor?.reason ?? null,
      }),
    );
    replan();
  };

  setHandler(
    stopEarlyUpdate,
    (actor) =>
      guarded(
        () => lifecycle.checkStopEarly(actor),
        async () => {
          await stop('early', actor);
          return lifecycle.snapshot();
        },
      ),
    { validator: (actor) => asFailure(() => lifecycle.checkStopEarly(actor)) },
  );

  setHandler(
    amendCriteriaUpdate,
    (request) =>
      guarded(
        () => lifecycle.checkAmendment(request),
        async () => {
          d.amendments.push({
            amendedAt: now().toISOString(),
            amendedBy: request.actor.userId,
            reason: request.reason,
            criteria: request.criteria,
          });
          await record(
            'criteriaAmended',
            { ...request.actor, reason: request.reason },
            {
              amendment: { criteria: request.criteria, reason: request.reason },
            },
            undefined,
            notice('criteriaAmended', lifecycle.people('pilots', 'sponsor'), [], { reason: request.reason }),
          );
          return lifecycle.snapshot();
        },
      ),
    { validator: (request) => asFailure(() => lifecycle.checkAmendment(request)) },
  );

  // --- evaluating and deciding ------------------------------------------------------------
  setHandler(
    submitEvaluationUpdate,
    (request) =>
      guarded(
        () => lifecycle.checkEvaluation(request),
        async () => {
          const onTime = lifecycle.applyEvaluation(request, now());
          const { from, key } = lifecycle.move('submitEvaluation');
          await record(
            'submitEvaluation',
            request.actor,
            {
              from,
              evaluation: {
                ...request.evaluation,
                onTime,
                criteriaAtLaunch: d.criteriaAtLaunch,
                amendments: d.amendments,
              },
              patch: { decisionDueAt: d.decisionDueAt, algeco: false },
              details: { verdict: request.evaluation.verdict, onTime },
            },
            key,
            notice('evaluationSubmitted', lifecycle.people('sponsor', 'pilots'), ['codir'], {
              verdict: request.evaluation.verdict,
              decisionDueAt: d.decisionDueAt,
            }),
          );
          replan();
          return lifecycle.snapshot();
        },
      ),
    { validator: (request) => asFailure(() => lifecycle.checkEvaluation(request)) },
  );

  setHandler(
    decideUpdate,
    (request) =>
      guarded(
        () => lifecycle.checkDecision(request),
        async () => {
          const decision = request.decision;
          const onTime = now().getTime() <= new Date(d.decisionDueAt as string).getTime();
          if (decision.outcome === 'iterate') {
            const childId = uuid4();
            await activities.createIterationDraft({
              parentId: d.experimentId,
              newExperimentId: childId,
              organizationId: d.organizationId,
              createdBy: request.actor.userId,
              nextFocus: decision.nextFocus ?? null,
            });
            await startChild(EXPERIMENT_LIFECYCLE_WORKFLOW, {
              workflowId: experimentWorkflowId(childId),
              args: [
                { experimentId: childId, organizationId: d.organizationId, createdBy: request.actor.userId },
              ],
              // The iteration lives on after this experiment closes.
              parentClosePolicy: ParentClosePolicy.ABANDON,
            });
            d.childExperimentId = childId;
          }
          d.outcome = decision.outcome;
          d.algeco = false;
          const name = lifecycle.decisionTransition(decision.outcome);
          const { from, key } = lifecycle.move(name);
          await record(
            name,
            { ...request.actor, reason: decision.rationale },
            {
              from,
              decision: { ...decision, onTime, childExperimentId: d.childExperimentId },
              patch: { algeco: false, childExperimentId: d.childExperimentId },
              details: { outcome: decision.outcome, onTime },
            },
            key,
            notice('decided', lifecycle.people('pilots', 'sponsor', 'participants'), ['hr'], {
              outcome: decision.outcome,
              rationale: decision.rationale,
              childExperimentId: d.childExperimentId,
            }),
          );
          replan();
          return lifecycle.snapshot();
        },
      ),
    { validator: (request) => asFailure(() => lifecycle.checkDecision(request)) },
  );

  // --- capabilities in modules of their own ---------------------------------------------
  const toolkit = { lifecycle, now, guarded, asFailure, record, transition, send, replan };
  const launchApproval = registerLaunchApproval(toolkit);
  registerReassignment(toolkit);
  // --- questionnaires' windows (issue 14): their own module, timers merged into the loop ---
  const questionnaires = new QuestionnaireWindows(lifecycle, now);
  registerQuestionnaireHandlers(questionnaires, guarded, asFailure, replan);

  // --- what the workflow does by itself ---------------------------------------------------
  const fire = async (event: AgendaEvent) => {
    if (lifecycle.nextEvent()?.key !== event.key) return; // superseded while queued
    lifecycle.markHandled(event);
    // A draft has no settings yet: the approvers' reminders carry their own.
    if (event.kind === 'launchApprovalReminder') return launchApproval.fireReminder(event);
    const settings = lifecycle.requireSettings();
    switch (event.kind) {
      case 'preExpiryReminder':
        await send('preExpiryReminder', lifecycle.people('pilots', 'sponsor'), [], {
          days: event.days ?? 0,
          expiresAt: d.expiresAt,
        });
        break;
      case 'expiry':
        await stop('expired', null);
        break;
      case 'checkInDue':
        d.missedCheckIns += 1;
        await record(
          'checkInMissed',
          null,
          { patch: { missedCheckIns: d.missedCheckIns }, details: { dueAt: event.at } },
          undefined,
          notice('checkInDue', lifecycle.people('pilots'), [], { dueAt: event.at, missed: d.missedCheckIns }),
        );
        if (d.missedCheckIns === settings.missedCheckInsBeforeAlert) {
          await send('checkInsMissed', lifecycle.people('sponsor'), [], { missed: d.missedCheckIns });
        }
        break;
      case 'evaluationReminder':
        await send('evaluationReminder', lifecycle.people('pilots'), [], {
          days: event.days ?? 0,
          dueAt: d.evaluationDueAt,
        });
        break;
      case 'evaluationOverdue':
        await record(
          'evaluationOverdue',
          null,
          { details: { dueAt: d.evaluationDueAt } },
          undefined,
          notice('evaluationOverdue', lifecycle.people('sponsor', 'pilots'), [], {
            dueAt: d.evaluationDueAt,
          }),
        );
        break;
      case 'evaluationAlgeco':
        d.algeco = true;
        await record(
          'evaluationAlgeco',
          null,
          { patch: { algeco: true }, details: { dueAt: d.evaluationDueAt, daysOverdue: event.days ?? 0 } },
          undefined,
          notice('evaluationAlgeco', lifecycle.people('sponsor'), ['codir'], {
            dueAt: d.evaluationDueAt,
            days: event.days ?? 0,
          }),
        );
        break;
      case 'decisionReminder':
        await send('decisionReminder', lifecycle.people('sponsor'), [], {
          days: event.days ?? 0,
          dueAt: d.decisionDueAt,
        });
        break;
      case 'decisionOverdue':
        await record(
          'decisionOverdue',
          null,
          { details: { dueAt: d.decisionDueAt } },
          undefined,
          notice('decisionOverdue', lifecycle.people('sponsor'), [], { dueAt: d.decisionDueAt }),
        );
        break;
      case 'decisionAlgeco':
        d.algeco = true;
        await record(
          'decisionAlgeco',
          null,
          { patch: { algeco: true }, details: { dueAt: d.decisionDueAt, daysOverdue: event.days ?? 0 } },
          undefined,
          notice('decisionAlgeco', lifecycle.people('sponsor'), ['codir'], {
            dueAt: d.decisionDueAt,
            days: event.days ?? 0,
          }),
        );
        break;
    }
  };

  if (!input.carried) await recordCreation();
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  while (!lifecycle.isTerminal) {
    const next = lifecycle.nextEvent();
    // Histories without questionnaires have no such timer: their path is unchanged.
    const timer = questionnaires.next();
    const seen = planVersion;
    const changed = () => planVersion !== seen || lifecycle.isTerminal;
    if (timer && (!next || new Date(timer.at).getTime() < new Date(next.at).getTime())) {
      const wait = Math.max(1, new Date(timer.at).getTime() - Date.now());
      if (!(await condition(changed, wait))) await serial(() => questionnaires.fire(timer));
    } else if (next) {
      const wait = Math.max(1, new Date(next.at).getTime() - Date.now());
      if (!(await condition(changed, wait))) await serial(() => fire(next));
    } else {
      await condition(changed);
    }
    const info = workflowInfo();
    if (!lifecycle.isTerminal && (info.continueAsNewSuggested || info.historyLength >= historyLimit)) {
      await condition(allHandlersFinished);
      await queue;
      await continueAsNew<typeof experimentLifecycle>({ ...input, carried: lifecycle.data });
    }
  }
  // A questionnaire never outlives its test.
  if (questionnaires.hasOpen) await serial(() => questionnaires.closeAll());
  await condition(allHandlersFinished);
  return lifecycle.snapshot();
}
