import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditEventEntity,
  CheckInEntity,
  CriteriaAmendmentEntity,
  DecisionEntity,
  EvaluationEntity,
  ExperimentEntity,
} from '@capacites/persistence';
import type { ExperimentPatch, RecordTransitionInput } from '@capacites/workflows';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { NotifierService, readNoticeContext } from '../notifications/notifier.service';

export class ExperimentNotFoundError extends Error {
  constructor(readonly experimentId: string) {
    super(`experiment ${experimentId} does not exist in the database`);
    this.name = 'ExperimentNotFoundError';
  }
}

const date = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

function toColumns(patch: ExperimentPatch): QueryDeepPartialEntity<ExperimentEntity> {
  const columns: QueryDeepPartialEntity<ExperimentEntity> = {
    launchedAt: date(patch.launchedAt),
    expiresAt: date(patch.expiresAt),
    originalExpiresAt: date(patch.originalExpiresAt),
    extensionsUsed: patch.extensionsUsed,
    stoppedAt: date(patch.stoppedAt),
    stopKind: patch.stopKind,
    evaluationDueAt: date(patch.evaluationDueAt),
    decisionDueAt: date(patch.decisionDueAt),
    algeco: patch.algeco,
    missedCheckIns: patch.missedCheckIns,
    lastCheckInAt: date(patch.lastCheckInAt),
    lastWeather: patch.lastWeather,
    criteria: patch.criteria,
    settingsSnapshot: patch.settingsSnapshot,
    childExperimentId: patch.childExperimentId,
    participants: patch.participants,
    pilotIds: patch.pilotIds,
    sponsorId: patch.sponsorId,
    launchRequestedAt: date(patch.launchRequestedAt),
    launchRequestedBy: patch.launchRequestedBy,
  };
  return Object.fromEntries(
    Object.entries(columns).filter(([, value]) => value !== undefined),
  ) as QueryDeepPartialEntity<ExperimentEntity>;
}

/**
 * Writes what the workflow records — the audit event, the projected state and fields,
 * the check-in, evaluation, decision or amendment that goes with it, and the notifications
 * it sends — in one transaction. Idempotent: a second call with the same key writes nothing.
 */
@Injectable()
export class TransitionRecorder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: NotifierService,
  ) {}

  /** @returns true when this call wrote the event, false when it was already recorded. */
  async record(input: RecordTransitionInput): Promise<boolean> {
    const { notice } = input;
    let addresses: string[] = [];
    const written = await this.dataSource.transaction(async (manager) => {
      // Locks the row (one writer per experiment) and reads what a notice's template needs.
      const experiment = await readNoticeContext(manager, input.experimentId, { lock: true });
      if (!experiment) throw new ExperimentNotFoundError(input.experimentId);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AuditEventEntity)
        .values({
          idempotencyKey: input.idempotencyKey,
          organizationId: input.organizationId,
          experimentId: input.experimentId,
          event: input.event,
          fromState: input.from,
          toState: input.to,
          actorId: input.actorId,
          reason: input.reason,
          details: input.details ?? {},
          occurredAt: new Date(input.occurredAt),
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) return false;
      await manager.update(
        ExperimentEntity,
        { id: input.experimentId },
        { state: input.to, ...toColumns(input.patch ?? {}) },
      );
      await this.recordAttachments(manager, input);
      if (notice) {
        addresses = await this.notifier.enqueue(
          manager,
          { ...notice, experimentId: input.experimentId, organizationId: input.organizationId },
          experiment,
        );
      }
      return true;
    });
    // A retry after the commit finds the event recorded: it still sends what waits in the outbox.
    if (notice && !written) {
      addresses = await this.dataSource.transaction((manager) =>
        this.notifier.enqueue(manager, {
          ...notice,
          experimentId: input.experimentId,
          organizationId: input.organizationId,
        }),
      );
    }
    await this.notifier.deliver(input.organizationId, addresses);
    return written;
  }

  private async recordAttachments(manager: EntityManager, input: RecordTransitionInput): Promise<void> {
    const at = new Date(input.occurredAt);
    if (input.checkIn) {
      await manager.insert(CheckInEntity, {
        idempotencyKey: input.idempotencyKey,
        organizationId: input.organizationId,
        experimentId: input.experimentId,
        authorId: input.actorId,
        weather: input.checkIn.weather,
        progress: input.checkIn.progress,
        blockers: input.checkIn.blockers,
        recordedAt: at,
      });
    }
    if (input.amendment) {
      await manager.insert(CriteriaAmendmentEntity, {
        idempotencyKey: input.idempotencyKey,
        experimentId: input.experimentId,
        criteria: input.amendment.criteria,
        reason: input.amendment.reason,
        amendedBy: input.actorId,
        amendedAt: at,
      });
    }
    if (input.evaluation) {
      const e = input.evaluation;
      await manager.insert(EvaluationEntity, {
        experimentId: input.experimentId,
        organizationId: input.organizationId,
        verdict: e.verdict,
        criterionResults: e.criterionResults,
        usersVoice: e.usersVoice,
        learnings: e.learnings,
        criteriaAtLaunch: e.criteriaAtLaunch,
        amendments: e.amendments,
        onTime: e.onTime,
        submittedBy: input.actorId,
        submittedAt: at,
      });
    }
    if (input.decision) {
      const d = input.decision;
      await manager.insert(DecisionEntity, {
        experimentId: input.experimentId,
        organizationId: input.organizationId,
        outcome: d.outcome,
        rationale: d.rationale,
        handover: d.handover ?? null,
        nextFocus: d.nextFocus ?? null,
        childExperimentId: d.childExperimentId,
        onTime: d.onTime,
        decidedBy: input.actorId,
        decidedAt: at,
      });
    }
  }
}
