import {
  activeParticipants,
  allowedActions,
  canTransition,
  DAY_MS,
  errorMessage,
  hasRequiredHandover,
  hasUsersVoice,
  isTerminalState,
  missingReadiness,
  readinessChecklist,
  TRANSITIONS,
  type ErrorCode,
  type ErrorParams,
  type ErrorParamsOf,
  type ExperimentState,
  type TransitionName,
} from '@capacites/domain';
import { computeAgenda, pendingEvents } from './experiment-lifecycle.agenda';
import { dueDateAfter } from './experiment-lifecycle.working-days';
import type {
  Actor,
  AgendaEvent,
  CheckInRequest,
  ConsentWithdrawalRequest,
  CriteriaAmendmentRequest,
  DecisionRequest,
  EvaluationRequest,
  ExperimentLifecycleInput,
  ExperimentSnapshot,
  ExperimentStatus,
  ExtensionRequest,
  LaunchRequest,
  LifecycleData,
} from './experiment-lifecycle.messages';

/**
 * A transition refused by the lifecycle rules: a stable code with its parameters (shared with
 * the API and the back-office, which translates it) and the English message of the code.
 */
export class LifecycleRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams,
  ) {
    super(errorMessage(code, params as never));
    this.name = 'LifecycleRefusal';
  }
}

const refuse = <C extends ErrorCode>(code: C, params: ErrorParamsOf<C>): never => {
  throw new LifecycleRefusal(code, params as ErrorParams);
};

/**
 * The lifecycle rules over the workflow's plain state. `check*` methods refuse (and
 * change nothing); the workflow calls them from update validators and again inside
 * the handlers, since another handler may have run in between.
 */
export class ExperimentLifecycle {
  constructor(readonly data: LifecycleData) {}

  static initial(input: ExperimentLifecycleInput): ExperimentLifecycle {
    return new ExperimentLifecycle({
      experimentId: input.experimentId,
      organizationId: input.organizationId,
      createdBy: input.createdBy,
      state: null,
      version: 0,
      settings: null,
      framing: null,
      criteriaAtLaunch: [],
      amendments: [],
      launchedAt: null,
      expiresAt: null,
      originalExpiresAt: null,
      extensionsUsed: 0,
      pendingExtension: null,
      checkInCadenceDays: null,
      lastCheckInAt: null,
      checkInCount: 0,
      missedCheckIns: 0,
      stoppedAt: null,
      stopKind: null,
      evaluationDueAt: null,
      evaluationSubmittedAt: null,
      verdict: null,
      decisionDueAt: null,
      outcome: null,
      childExperimentId: null,
      handledEvents: [],
      algeco: false,
      pendingLaunch: null,
      departedPeople: [],
    });
  }

  get state(): ExperimentState | null {
    return this.data.state;
  }

  get isTerminal(): boolean {
    return this.data.state !== null && isTerminalState(this.data.state);
  }

  assertCan(name: TransitionName): void {
    if (!canTransition(name, this.data.state)) {
      refuse('TRANSITION_NOT_ALLOWED', { transition: name, state: this.data.state ?? 'none' });
    }
  }

  /** Moves to the transition's target state; returns what to record. */
  move(name: TransitionName): { from: ExperimentState | null; to: ExperimentState; key: string } {
    this.assertCan(name);
    const from = this.data.state;
    const to = TRANSITIONS[name].to;
    this.data.state = to;
    return { from, to, key: this.nextKey(name) };
  }

  /** A fresh idempotency key for the next recorded event. */
  nextKey(event: string): string {
    this.data.version += 1;
    return `${this.data.experimentId}:${this.data.version}:${event}`;
  }

  // --- checks (no side effect) ---------------------------------------------------
  // The rules that depend on the experiment's state. The shape and bounds of an input (a
  // check-in's weather, an evaluation's texts, a decision's rationale) are checked once, at
  // the edge, by the API with the domain's zod schemas before any update is sent: the
  // workflow sandbox evaluates its modules once per cached workflow, and zod alone would
  // cost each one about 0.8 MB (docs/benchmarks.md, "Worker memory").

  /** `strict`: with the items added later (hypothesis to revise, sponsor not a pilot). */
  checkLaunch(request: LaunchRequest, now: Date, strict = true): void {
    this.assertCan('launch');
    const items = readinessChecklist(request.framing, request.settings, now, { strict });
    const problems = missingReadiness(items);
    const first = items.find((i) => !i.ok);
    // The code of the first missing item (READINESS_CODES), naming every missing one.
    if (first && problems.length > 0)
      throw new LifecycleRefusal(first.code as ErrorCode, {
        missing: items.filter((i) => !i.ok).map((i) => i.key),
        problems,
      });
  }

  checkCheckIn(_request: CheckInRequest): void {
    if (this.data.state !== 'running') refuse('CHECK_IN_NOT_RUNNING', { state: this.data.state ?? 'none' });
  }

  checkExtensionRequest(request: ExtensionRequest): void {
    if (this.data.state !== 'running') refuse('EXTENSION_NOT_RUNNING', { state: this.data.state ?? 'none' });
    const settings = this.requireSettings();
    if (this.data.pendingExtension) refuse('EXTENSION_PENDING', {});
    if (this.data.extensionsUsed >= settings.maxExtensions) {
      refuse('NO_EXTENSION_LEFT', { maxExtensions: settings.maxExtensions });
    }
    if (!request.justification || request.justification.trim().length === 0)
      refuse('EXTENSION_JUSTIFICATION_REQUIRED', {});
    const requested = new Date(request.newExpiresAt);
    if (Number.isNaN(requested.getTime())) refuse('EXTENSION_DATE_INVALID', {});
    if (requested.getTime() <= new Date(this.data.expiresAt as string).getTime()) {
      refuse('EXTENSION_NOT_LATER', { expiresAt: this.data.expiresAt as string });
    }
    const limit = new Date(this.data.launchedAt as string).getTime() + settings.maxDurationDays * DAY_MS;
    if (requested.getTime() > limit) refuse('EXTENSION_TOO_LONG', { maxDays: settings.maxDurationDays });
  }

  /** `approval`: the approver must not be a pilot of the test (APPROVER_IS_PILOT). */
  checkExtensionDecision(actor: Actor, approval = false): void {
    if (this.data.state !== 'running' || !this.data.pendingExtension) refuse('NO_EXTENSION_REQUEST', {});
    if (actor.userId !== null && actor.userId !== this.data.framing?.sponsorId) {
      refuse('SPONSOR_DECIDES_EXTENSION', {});
    }
    if (approval && actor.userId !== null && this.data.framing?.pilotIds.includes(actor.userId)) {
      refuse('APPROVER_IS_PILOT', {});
    }
  }

  /** A participant of the running test withdraws their consent (CONSENT_NOT_OWN otherwise). */
  checkConsentWithdrawal(request: ConsentWithdrawalRequest): void {
    if (this.data.state !== 'running')
      refuse('CONSENT_WITHDRAWAL_NOT_RUNNING', { state: this.data.state ?? 'none' });
    const participant = this.data.framing?.participants.find((p) => p.userId === request.actor.userId);
    if (!participant) refuse('CONSENT_NOT_OWN', {});
    if (participant?.withdrawnAt) refuse('CONSENT_ALREADY_WITHDRAWN', {});
  }

  applyConsentWithdrawal(request: ConsentWithdrawalRequest, now: Date): void {
    const framing = this.data.framing as NonNullable<LifecycleData['framing']>;
    framing.participants = framing.participants.map((p) =>
      p.userId === request.actor.userId ? { ...p, consentedAt: null, withdrawnAt: now.toISOString() } : p,
    );
  }

  checkStopEarly(actor: Actor): void {
    this.assertCan('stopEarly');
    if (!actor.reason || actor.reason.trim().length === 0) refuse('STOP_REASON_REQUIRED', {});
  }

  checkAmendment(request: CriteriaAmendmentRequest): void {
    if (this.data.state !== 'running' && this.data.state !== 'evaluating') {
      refuse('AMENDMENT_NOT_ALLOWED', { state: this.data.state ?? 'none' });
    }
    if (!request.reason || request.reason.trim().length === 0) refuse('AMENDMENT_REASON_REQUIRED', {});
    if (request.criteria.length === 0) refuse('CRITERIA_REQUIRED', {});
  }

  checkEvaluation(request: EvaluationRequest): void {
    this.assertCan('submitEvaluation');
    if (!hasUsersVoice(request.evaluation.usersVoice)) refuse('USERS_VOICE_REQUIRED', {});
    const given = new Set(request.evaluation.criterionResults.map((r) => r.criterionId));
    const missing = this.currentCriteria().filter((c) => !given.has(c.id));
    if (missing.length > 0) refuse('CRITERION_RESULTS_MISSING', { criteria: missing.map((c) => c.name) });
    const known = new Set(this.currentCriteria().map((c) => c.id));
    const unknown = [...given].filter((id) => !known.has(id));
    if (unknown.length > 0) refuse('CRITERIA_UNKNOWN', { criterionIds: unknown });
  }

  checkDecision(request: DecisionRequest): void {
    const name = this.decisionTransition(request.decision.outcome);
    this.assertCan(name);
    if (!hasRequiredHandover(request.decision)) refuse('HANDOVER_REQUIRED', {});
  }

  decisionTransition(outcome: string): TransitionName {
    if (outcome === 'iterate') return 'decideIterate';
    if (outcome === 'perpetuate') return 'decidePerpetuate';
    if (outcome === 'abandon') return 'decideAbandon';
    return refuse('OUTCOME_UNKNOWN', { outcome });
  }

  // --- changes ------------------------------------------------------------------------

  applyLaunch(request: LaunchRequest, now: Date): void {
    const d = this.data;
    d.settings = request.settings;
    d.framing = request.framing;
    d.criteriaAtLaunch = request.framing.criteria;
    d.launchedAt = now.toISOString();
    d.expiresAt = request.framing.expiresAt;
    d.originalExpiresAt = request.framing.expiresAt;
    d.checkInCadenceDays = request.framing.checkInCadenceDays ?? request.settings.defaultCheckInCadenceDays;
  }

  applyStop(kind: 'expired' | 'early', now: Date): void {
    const settings = this.requireSettings();
    this.data.stoppedAt = now.toISOString();
    this.data.stopKind = kind;
    this.data.pendingExtension = null;
    this.data.evaluationDueAt = dueDateAfter(
      now,
      settings,
      'evaluationDue',
      this.data.calendar,
    ).toISOString();
  }

  applyEvaluation(request: EvaluationRequest, now: Date): boolean {
    const settings = this.requireSettings();
    const onTime = now.getTime() <= new Date(this.data.evaluationDueAt as string).getTime();
    this.data.evaluationSubmittedAt = now.toISOString();
    this.data.verdict = request.evaluation.verdict;
    this.data.algeco = false;
    this.data.decisionDueAt = dueDateAfter(now, settings, 'decisionDue', this.data.calendar).toISOString();
    return onTime;
  }

  currentCriteria() {
    const last = this.data.amendments.at(-1);
    return last ? last.criteria : this.data.criteriaAtLaunch;
  }

  requireSettings() {
    if (!this.data.settings) return refuse('NOT_LAUNCHED', {});
    return this.data.settings;
  }

  /** Reminders whose time is already past when they are planned are dropped, never sent late. */
  dropPastReminders(now: Date): void {
    for (const event of computeAgenda(this.data)) {
      if (
        event.skippable &&
        new Date(event.at).getTime() <= now.getTime() &&
        !this.data.handledEvents.includes(event.key)
      ) {
        this.data.handledEvents.push(event.key);
      }
    }
  }

  markHandled(event: AgendaEvent): void {
    if (!this.data.handledEvents.includes(event.key)) this.data.handledEvents.push(event.key);
  }

  nextEvent(): AgendaEvent | undefined {
    return pendingEvents(this.data)[0];
  }

  /** Recipients by role (DOMAIN.md): named people from the framing fixed at launch. */
  people(...groups: ('pilots' | 'sponsor' | 'participants')[]): string[] {
    const framing = this.data.framing;
    if (!framing) return this.data.createdBy ? [this.data.createdBy] : [];
    const ids = new Set<string>();
    if (groups.includes('pilots')) framing.pilotIds.forEach((id) => ids.add(id));
    if (groups.includes('sponsor') && framing.sponsorId) ids.add(framing.sponsorId);
    // A participant who withdrew their consent receives no more of the test's notices.
    if (groups.includes('participants'))
      activeParticipants(framing.participants).forEach((p) => ids.add(p.userId));
    return [...ids];
  }

  snapshot(): ExperimentSnapshot {
    return {
      experimentId: this.data.experimentId,
      state: this.data.state ?? 'draft',
      version: this.data.version,
    };
  }

  status(): ExperimentStatus {
    const d = this.data;
    const pending = pendingEvents(d);
    const settings = d.settings;
    return {
      experimentId: d.experimentId,
      state: d.state ?? 'draft',
      version: d.version,
      deadlines: {
        expiresAt: d.expiresAt,
        originalExpiresAt: d.originalExpiresAt,
        nextCheckInDueAt: pending.find((e) => e.kind === 'checkInDue')?.at ?? null,
        evaluationDueAt: d.evaluationDueAt,
        decisionDueAt: d.decisionDueAt,
      },
      nextReminders: pending.slice(0, 10),
      allowedActions: allowedActions({
        state: d.state ?? 'draft',
        extensionPending: d.pendingExtension !== null,
        extensionsLeft: settings ? settings.maxExtensions - d.extensionsUsed : 0,
        launchRequestPending: Boolean(d.pendingLaunch),
      }),
      pendingExtension: d.pendingExtension,
      extensionsUsed: d.extensionsUsed,
      missedCheckIns: d.missedCheckIns,
      algeco: d.algeco,
      amendments: d.amendments,
      childExperimentId: d.childExperimentId,
      launchRequest: d.state === 'draft' ? (d.pendingLaunch ?? null) : null,
      departedPeople: d.departedPeople ?? [],
    };
  }
}
