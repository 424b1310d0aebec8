import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  EDITABLE_WHILE_RUNNING,
  endOfLocalDay,
  missingReadiness,
  pilotIsSponsor,
  readinessChecklist,
  type Participant,
  resolveLifecycleSettings,
  calendarForLaunch,
  type CheckInInput,
  type CriteriaAmendmentInput,
  type DecisionInput,
  type EvaluationInput,
  type ExperimentFraming,
  type ExtensionRequestInput,
  type UpdateExperimentInput,
  canEditExperiment,
  canPerform,
  type LifecycleAction,
  type LifecycleSettings,
  ACTION_ROLES,
  type ErrorCode,
  type Principal,
  HANDOVER_REQUIRED,
  hasRequiredHandover,
  hasUsersVoice,
  USERS_VOICE_REQUIRED,
  isTerminalState,
} from '@capacites/domain';
import { AuthException } from '../auth/auth.exception';
import { RefusalException, ResourceException } from '../common/app.exception';
import { accessFacts, assertCanPerform, assertReadable } from './experiment-access';
import type { ExperimentEntity } from '@capacites/persistence';
import {
  amendCriteriaUpdate,
  approveExtensionUpdate,
  cancelUpdate,
  decideUpdate,
  launchUpdate,
  recordCheckInUpdate,
  refuseExtensionUpdate,
  requestExtensionUpdate,
  statusQuery,
  stopEarlyUpdate,
  submitEvaluationUpdate,
  withdrawConsentUpdate,
  type Actor,
  type ExperimentStatus,
} from '@capacites/workflows';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { toExperimentResponse, type ExperimentResponse } from './dto/experiment.response';
import {
  ExperimentsErrorCode,
  ExperimentsException,
  LifecycleRefusedException,
} from './experiments.exception';
import { ExperimentsRepository } from './experiments.repository';
import { refusalOf } from './lifecycle-refusal';
import { TemplatesRepository } from '../templates/templates.repository';

/**
 * Lifecycle actions: each goes through the experiment's workflow as a Temporal Update
 * and answers once the workflow has recorded it, so that the next read shows it. A
 * refusal answers 409 with the workflow's reason; nothing is changed.
 */
@Injectable()
export class ExperimentLifecycleService {
  private readonly logger = new Logger(ExperimentLifecycleService.name);

  constructor(
    private readonly experiments: ExperimentsRepository,
    private readonly templates: TemplatesRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** Framing edits: everything in draft; only vision and scope while running. */
  async updateFraming(
    id: string,
    input: UpdateExperimentInput,
    principal: Principal,
  ): Promise<ExperimentResponse> {
    const experiment = await this.load(id, principal);
    if (!canEditExperiment(principal, accessFacts(experiment))) {
      throw AuthException.forbidden('editFraming', ['hr', 'pilot']);
    }
    const fields = Object.keys(input) as (keyof UpdateExperimentInput)[];
    // Nothing to change: no write, no audit record of an edit that did not happen.
    if (fields.length === 0) return toExperimentResponse(experiment);
    // The approver approves the framing that was requested: withdraw the request to change it.
    if (experiment.state === 'draft' && experiment.launchRequestedAt)
      throw new LifecycleRefusedException('LAUNCH_REQUEST_PENDING');
    if (experiment.state !== 'draft') {
      const locked = fields.filter(
        (field) => !(experiment.state === 'running' && EDITABLE_WHILE_RUNNING.includes(field)),
      );
      if (locked.length > 0) {
        throw new ExperimentsException(ExperimentsErrorCode.FRAMING_LOCKED, {
          state: experiment.state,
          fields: locked,
        });
      }
    }
    if (
      input.trackId &&
      !(await this.experiments.trackAvailableTo(input.trackId, experiment.organizationId))
    ) {
      throw new ExperimentsException(ExperimentsErrorCode.TRACK_NOT_FOUND);
    }
    // Moving a draft to a track that requires a template: only one from a template of that track.
    if (input.trackId && input.trackId !== experiment.trackId) {
      await this.templates.assertRequirementMet(
        experiment.organizationId,
        input.trackId,
        await this.templates.trackOf(experiment.templateId),
      );
    }
    await this.assertPeopleOf(experiment.organizationId, input);
    this.assertSponsorNotPilot(experiment, input);
    const { expiresOn, participants, ...rest } = input;
    const changes: Partial<ExperimentEntity> = { ...rest };
    if (participants !== undefined) {
      // The people only: each one's consent (given, or recorded on their behalf) stays as it was.
      const before = new Map(experiment.participants.map((p) => [p.userId, p]));
      changes.participants = participants.map(
        ({ userId }): Participant => before.get(userId) ?? { userId, consentedAt: null },
      );
    }
    if (expiresOn !== undefined) {
      const zone = await this.experiments.organizationTimeZone(experiment.organizationId);
      changes.expiresAt = expiresOn === null ? null : endOfLocalDay(expiresOn, zone);
    }
    // "To revise" clears only when the text really changes: saving the form unchanged is no revision.
    if (
      input.hypothesis !== undefined &&
      experiment.hypothesisNeedsRevision &&
      input.hypothesis.trim() !== experiment.hypothesis.trim()
    )
      changes.hypothesisNeedsRevision = false;
    const audit = {
      actorId: principal.userId,
      organizationId: experiment.organizationId,
      fields,
      details: { changes: framingChanges(experiment, fields, changes) },
    };
    if (!(await this.experiments.updateFraming(id, experiment.state, changes, audit))) {
      throw new ExperimentsException(ExperimentsErrorCode.STATE_CHANGED);
    }
    return toExperimentResponse(await this.load(id, principal));
  }

  /**
   * Pilot and sponsor of one test are different people (the sponsor approves the pilots'
   * requests): refused when the edit names them, with the field that does (PILOT_IS_SPONSOR).
   */
  private assertSponsorNotPilot(experiment: ExperimentEntity, input: UpdateExperimentInput): void {
    if (input.pilotIds === undefined && input.sponsorId === undefined) return;
    const pilotIds = input.pilotIds ?? experiment.pilotIds;
    const sponsorId = input.sponsorId !== undefined ? input.sponsorId : experiment.sponsorId;
    if (!pilotIsSponsor(pilotIds, sponsorId)) return;
    const field =
      input.sponsorId !== undefined ? 'sponsorId' : `pilotIds.${pilotIds.indexOf(sponsorId as string)}`;
    throw new ExperimentsException(ExperimentsErrorCode.PILOT_IS_SPONSOR, undefined, [
      { field, message: 'the sponsor must not be one of the pilots' },
    ]);
  }

  /**
   * Pilots, sponsor and participants are people of the experiment's organisation: an
   * identifier from elsewhere (or unknown) is refused, naming each bad field, and the
   * answer is the same for both so that nothing is learnt of other organisations.
   */
  private async assertPeopleOf(organizationId: string, input: UpdateExperimentInput): Promise<void> {
    const named: { field: string; userId: string }[] = [
      ...(input.pilotIds ?? []).map((userId, i) => ({ field: `pilotIds.${i}`, userId })),
      ...(input.sponsorId ? [{ field: 'sponsorId', userId: input.sponsorId }] : []),
      ...(input.participants ?? []).map((p, i) => ({ field: `participants.${i}.userId`, userId: p.userId })),
    ];
    if (named.length === 0) return;
    const members = await this.experiments.membersOf(
      organizationId,
      named.map((n) => n.userId),
    );
    const strangers = named.filter((n) => !members.has(n.userId));
    if (strangers.length > 0) {
      // Well-formed references to nobody of this organisation: not found (404), each field named.
      throw ResourceException.peopleNotFound(strangers.map(({ field }) => field));
    }
  }

  async launch(id: string, principal: Principal): Promise<ExperimentResponse> {
    const experiment = await this.authorize(id, principal, 'launch');
    const actor = { userId: principal.userId };
    const { framing, settings } = await this.launchInput(experiment);
    // Four-eyes organisations: the launch is requested and approved (apps/api/src/launch-approval).
    if (experiment.state === 'draft' && experiment.launchRequestedAt)
      throw new LifecycleRefusedException('LAUNCH_REQUEST_PENDING');
    if (experiment.state === 'draft' && settings.launchApproval)
      throw new LifecycleRefusedException('LAUNCH_APPROVAL_REQUIRED');
    this.assertReady(experiment, framing, settings);
    return this.send(experiment, principal, (handle) =>
      // The holiday table where the organisation is: reminders on working days (issue 15, item 5).
      handle.executeUpdate(launchUpdate, {
        args: [{ actor, framing, settings, calendar: calendarForLaunch(settings, new Date()) }],
      }),
    );
  }

  /** The framing and the organisation's settings a launch (or its request, its approval) sends now. */
  async launchInput(
    experiment: ExperimentEntity,
  ): Promise<{ framing: ExperimentFraming; settings: LifecycleSettings }> {
    const organization = await this.experiments.organizationSettings(experiment.organizationId);
    const settings = resolveLifecycleSettings(organization.settings, organization.timeZone);
    const framing: ExperimentFraming = {
      title: experiment.title,
      hypothesis: experiment.hypothesis,
      hypothesisToRevise: experiment.hypothesisNeedsRevision,
      scope: experiment.scope,
      criteria: experiment.criteria,
      pilotIds: experiment.pilotIds,
      sponsorId: experiment.sponsorId,
      participants: experiment.participants,
      expiresAt: experiment.expiresAt?.toISOString() ?? null,
      checkInCadenceDays: experiment.checkInCadenceDays,
      exitPlan: experiment.exitPlan,
    };
    return { framing, settings };
  }

  /** 409 with the code of the first missing item of the readiness checklist, naming every one. */
  assertReady(experiment: ExperimentEntity, framing: ExperimentFraming, settings: LifecycleSettings): void {
    // The checklist answers first, with the stable code of its first missing item and every
    // missing item named; the workflow checks again (the source of truth).
    // Only a draft is checked here: any other state is the workflow's refusal to give.
    const items = experiment.state === 'draft' ? readinessChecklist(framing, settings, new Date()) : [];
    const missing = items.filter((item) => !item.ok);
    if (missing.length > 0) {
      throw new LifecycleRefusedException(
        missing[0].code as ErrorCode,
        { missing: missing.map((item) => item.key), problems: missingReadiness(items) },
        missing.map((item) => ({ field: item.key, message: `${item.code}: ${item.problem}` })),
      );
    }
  }

  /** A participant withdraws while the test runs: through the workflow (ConsentService checks first). */
  async withdrawConsent(experiment: ExperimentEntity, principal: Principal): Promise<ExperimentResponse> {
    const actor = this.actor(principal);
    return this.send(experiment, principal, (h) =>
      h.executeUpdate(withdrawConsentUpdate, { args: [{ actor }] }),
    );
  }

  async cancel(id: string, principal: Principal, reason?: string) {
    const actor = this.actor(principal, reason);
    const experiment = await this.authorize(id, principal, 'cancel');
    return this.send(experiment, principal, (h) => h.executeUpdate(cancelUpdate, { args: [actor] }));
  }

  async recordCheckIn(id: string, principal: Principal, checkIn: CheckInInput) {
    const actor = this.actor(principal);
    const experiment = await this.authorize(id, principal, 'recordCheckIn');
    return this.send(experiment, principal, (h) =>
      h.executeUpdate(recordCheckInUpdate, { args: [{ actor, checkIn }] }),
    );
  }

  async requestExtension(id: string, principal: Principal, input: ExtensionRequestInput) {
    const actor = this.actor(principal);
    const experiment = await this.authorize(id, principal, 'requestExtension');
    const zone =
      experiment.settingsSnapshot?.timeZone ??
      (await this.experiments.organizationTimeZone(experiment.organizationId));
    const newExpiresAt = endOfLocalDay(input.newExpiryDate, zone).toISOString();
    return this.send(experiment, principal, (h) =>
      h.executeUpdate(requestExtensionUpdate, {
        args: [{ actor, newExpiresAt, justification: input.justification }],
      }),
    );
  }

  async approveExtension(id: string, principal: Principal, reason?: string) {
    const actor = this.actor(principal, reason);
    const experiment = await this.authorize(id, principal, 'approveExtension');
    // Tests launched before pilot and sponsor had to differ: the sponsor who pilots it too cannot approve.
    if (experiment.pilotIds.includes(principal.userId)) {
      throw new ExperimentsException(ExperimentsErrorCode.APPROVER_IS_PILOT);
    }
    return this.send(experiment, principal, (h) =>
      h.executeUpdate(approveExtensionUpdate, { args: [actor] }),
    );
  }

  async refuseExtension(id: string, principal: Principal, reason?: string) {
    const actor = this.actor(principal, reason);
    const experiment = await this.authorize(id, principal, 'refuseExtension');
    return this.send(experiment, principal, (h) => h.executeUpdate(refuseExtensionUpdate, { args: [actor] }));
  }

  async stopEarly(id: string, principal: Principal, reason: string) {
    const actor = this.actor(principal, reason);
    const experiment = await this.authorize(id, principal, 'stopEarly');
    return this.send(experiment, principal, (h) => h.executeUpdate(stopEarlyUpdate, { args: [actor] }));
  }

  async amendCriteria(id: string, principal: Principal, input: CriteriaAmendmentInput) {
    const actor = this.actor(principal);
    const experiment = await this.authorize(id, principal, 'amendCriteria');
    return this.send(experiment, principal, (h) =>
      h.executeUpdate(amendCriteriaUpdate, {
        args: [{ actor, criteria: input.criteria, reason: input.reason }],
      }),
    );
  }

  async submitEvaluation(id: string, principal: Principal, evaluation: EvaluationInput) {
    const actor = this.actor(principal);
    const experiment = await this.authorize(id, principal, 'submitEvaluation');
    // A lifecycle rule over several fields, not a shape: 409 with its reason code.
    if (!hasUsersVoice(evaluation.usersVoice)) {
      throw new LifecycleRefusedException('USERS_VOICE_REQUIRED', {}, [
        { field: 'usersVoice', message: USERS_VOICE_REQUIRED },
      ]);
    }
    return this.send(experiment, principal, (h) =>
      h.executeUpdate(submitEvaluationUpdate, { args: [{ actor, evaluation }] }),
    );
  }

  async decide(id: string, principal: Principal, decision: DecisionInput) {
    const actor = this.actor(principal);
    const experiment = await this.authorize(id, principal, 'decide');
    if (!hasRequiredHandover(decision)) {
      throw new LifecycleRefusedException('HANDOVER_REQUIRED', {}, [
        { field: 'handover', message: HANDOVER_REQUIRED },
      ]);
    }
    return this.send(experiment, principal, (h) =>
      h.executeUpdate(decideUpdate, { args: [{ actor, decision }] }),
    );
  }

  /** State, deadlines, next reminders and allowed actions, from the workflow itself. */
  async status(id: string, principal: Principal): Promise<ExperimentStatus> {
    return this.queryStatus(await this.load(id, principal));
  }

  /** The actions the caller may perform now: allowed by the lifecycle and by the caller's roles. */
  async actionsFor(id: string, principal: Principal): Promise<ExperimentStatus['allowedActions']> {
    const experiment = await this.load(id, principal);
    const status = await this.queryStatus(experiment);
    let allowed = status.allowedActions;
    if (experiment.state === 'draft') {
      // Four-eyes organisations request the launch; the requester and the pilots never approve it.
      const { settings } = await this.launchInput(experiment);
      if (settings.launchApproval)
        allowed = allowed.map((a) =>
          a.action === 'launch' ? { action: 'requestLaunch' as const, roles: ACTION_ROLES.requestLaunch } : a,
        );
      const approver =
        status.launchRequest?.requestedBy !== principal.userId &&
        !experiment.pilotIds.includes(principal.userId);
      if (!approver)
        allowed = allowed.filter((a) => a.action !== 'approveLaunch' && a.action !== 'refuseLaunch');
    }
    return allowed.filter((a) => canPerform(principal, accessFacts(experiment), a.action));
  }

  private async queryStatus(experiment: ExperimentEntity): Promise<ExperimentStatus> {
    try {
      return await this.temporal.workflow.getHandle(experiment.workflowId).query(statusQuery);
    } catch (error) {
      // A closed test may have no workflow any more (retention), or never had one (imported
      // as history): its status is its record, with nothing left to do.
      if (error instanceof WorkflowNotFoundError && isTerminalState(experiment.state))
        return closedStatus(experiment);
      throw this.translate(error, experiment.id);
    }
  }

  actor(principal: Principal, reason?: string): Actor {
    return { userId: principal.userId, ...(reason ? { reason } : {}) };
  }

  private async load(id: string, principal: Principal): Promise<ExperimentEntity> {
    return assertReadable(principal, await this.experiments.findById(id));
  }

  async authorize(id: string, principal: Principal, action: LifecycleAction): Promise<ExperimentEntity> {
    const experiment = await this.load(id, principal);
    assertCanPerform(principal, experiment, action);
    return experiment;
  }

  async send(
    experiment: ExperimentEntity,
    principal: Principal,
    update: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<unknown>,
  ): Promise<ExperimentResponse> {
    try {
      await update(this.temporal.workflow.getHandle(experiment.workflowId));
    } catch (error) {
      throw this.translate(error, experiment.id);
    }
    return toExperimentResponse(await this.load(experiment.id, principal));
  }

  private translate(error: unknown, id: string): RefusalException {
    if (error instanceof WorkflowUpdateFailedError) return refusalOf(error);
    if (error instanceof WorkflowNotFoundError) {
      return new ExperimentsException(ExperimentsErrorCode.EXPERIMENT_CLOSED);
    }
    this.logger.error(`lifecycle action on ${id} failed: ${String(error)}`);
    return new ExperimentsException(ExperimentsErrorCode.WORKFLOW_UNAVAILABLE);
  }
}

/** The status of a closed test without workflow: its dates from the record, no action. */
function closedStatus(experiment: ExperimentEntity): ExperimentStatus {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    experimentId: experiment.id,
    state: experiment.state,
    version: 0,
    deadlines: {
      expiresAt: iso(experiment.expiresAt),
      originalExpiresAt: iso(experiment.originalExpiresAt),
      nextCheckInDueAt: null,
      evaluationDueAt: iso(experiment.evaluationDueAt),
      decisionDueAt: iso(experiment.decisionDueAt),
    },
    nextReminders: [],
    allowedActions: [],
    pendingExtension: null,
    // A closed test waits for no launch approval and has nobody to reassign.
    launchRequest: null,
    departedPeople: [],
    extensionsUsed: experiment.extensionsUsed,
    missedCheckIns: experiment.missedCheckIns,
    algeco: experiment.algeco,
    amendments: [],
    childExperimentId: experiment.childExperimentId,
  };
}

/** A framing field's value as the audit keeps it: people by id, the expiry as an instant. */
function auditValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

/**
 * What a framing edit changed, field by field, before and after (not only the names), for
 * the audit trail. Participants are kept as their ids: consent states are not framing.
 */
export function framingChanges(
  before: ExperimentEntity,
  fields: readonly string[],
  changes: Partial<ExperimentEntity>,
): Record<string, { from: unknown; to: unknown }> {
  const result: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    const column = (field === 'expiresOn' ? 'expiresAt' : field) as keyof ExperimentEntity;
    let from: unknown = before[column];
    let to: unknown = changes[column];
    if (column === 'participants') {
      from = before.participants.map((p) => p.userId);
      to = (changes.participants ?? []).map((p) => p.userId);
    }
    result[field] = { from: auditValue(from), to: auditValue(to) };
  }
  return result;
}
