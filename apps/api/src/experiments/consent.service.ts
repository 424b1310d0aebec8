import { Injectable } from '@nestjs/common';
import {
  CURRENT_PARTICIPANT_NOTICE,
  localDate,
  rolesIn,
  type ConsentOnBehalfInput,
  type Participant,
  type Principal,
} from '@capacites/domain';
import type { ExperimentEntity } from '@capacites/persistence';
import { AuthException } from '../auth/auth.exception';
import { RefusalException, ValidationException } from '../common/app.exception';
import { toExperimentResponse, type ExperimentResponse } from './dto/experiment.response';
import { assertReadable } from './experiment-access';
import { ExperimentLifecycleService } from './experiment-lifecycle.service';
import { ExperimentsErrorCode, ExperimentsException } from './experiments.exception';
import { ExperimentsRepository } from './experiments.repository';

/**
 * Consent is each participant's own act (DOMAIN.md, rule 5: every party has agreed to take
 * part). A participant gives or withdraws it; HR may enter one collected outside the
 * application, as a distinct act that says who entered it, when and how it was collected.
 * Framing edits never touch it.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly experiments: ExperimentsRepository,
    private readonly lifecycle: ExperimentLifecycleService,
  ) {}

  /**
   * The calling participant gives or withdraws their consent. In draft it is part of the
   * readiness checklist; while running it can only be withdrawn, through the workflow (the
   * person receives no more of the test's notices, the pilots are told). Audited as
   * consentGiven / consentWithdrawn.
   */
  async setOwn(
    id: string,
    consent: boolean,
    principal: Principal,
    noticeVersion?: string,
  ): Promise<ExperimentResponse> {
    const experiment = assertReadable(principal, await this.experiments.findById(id));
    const current = CURRENT_PARTICIPANT_NOTICE.version;
    if (consent && noticeVersion !== undefined && noticeVersion !== current) {
      // The person read another text than the one in force (a page open across an update).
      throw new ExperimentsException(ExperimentsErrorCode.NOTICE_OUTDATED, { current });
    }
    const own = experiment.participants.find((p) => p.userId === principal.userId);
    if (!own) throw new ExperimentsException(ExperimentsErrorCode.CONSENT_NOT_OWN);
    if (experiment.state !== 'draft' && !(experiment.state === 'running' && !consent)) {
      // Consent is given before launch; while the test runs it can only be withdrawn.
      throw new ExperimentsException(ExperimentsErrorCode.FRAMING_LOCKED, {
        state: experiment.state,
        fields: ['participants'],
      });
    }
    if ((own.consentedAt !== null) === consent) return toExperimentResponse(experiment);
    if (experiment.state === 'running') return this.lifecycle.withdrawConsent(experiment, principal);
    const participants = experiment.participants.map((p): Participant =>
      p.userId === principal.userId
        ? consent
          ? { userId: p.userId, consentedAt: new Date().toISOString(), noticeVersion: current }
          : { userId: p.userId, consentedAt: null }
        : p,
    );
    await this.write(experiment, participants, principal, consent ? 'consentGiven' : 'consentWithdrawn', {
      participantId: principal.userId,
      ...(consent ? { noticeVersion: current } : {}),
    });
    return toExperimentResponse(assertReadable(principal, await this.experiments.findById(id)));
  }

  /**
   * HR enters, in draft, a consent that a participant gave on paper, by email or in a
   * meeting. Audited as consentRecordedOnBehalf (who entered it, when, how, collected on which
   * day); the page shows it apart from a consent given in the application.
   */
  async recordOnBehalf(
    id: string,
    input: ConsentOnBehalfInput,
    principal: Principal,
  ): Promise<ExperimentResponse> {
    const experiment = assertReadable(principal, await this.experiments.findById(id));
    if (!rolesIn(principal, experiment.organizationId).includes('hr')) {
      // HR enters a consent collected outside the application; a participant gives their own.
      throw AuthException.forbidden('recordConsent', ['hr']);
    }
    if (experiment.state !== 'draft') {
      // Consents are collected before launch.
      throw new ExperimentsException(ExperimentsErrorCode.FRAMING_LOCKED, {
        state: experiment.state,
        fields: ['participants'],
      });
    }
    const target = experiment.participants.find((p) => p.userId === input.participantId);
    if (!target) {
      // A well-formed reference to no participant of this test: not found (404), the field named.
      throw new RefusalException('not_found', 'NOT_FOUND', { resource: 'participant' }, [
        { field: 'participantId', message: 'this person is not a participant of the test' },
      ]);
    }
    if (input.participantId === principal.userId) {
      throw new ExperimentsException(
        ExperimentsErrorCode.CONSENT_NOT_OWN,
        'Give your own consent yourself (POST /experiments/:id/consent).',
      );
    }
    const zone = await this.experiments.organizationTimeZone(experiment.organizationId);
    if (input.collectedOn > localDate(new Date(), zone)) {
      throw new ValidationException([
        { field: 'collectedOn', message: 'the day the consent was collected cannot be in the future' },
      ]);
    }
    if (target.consentedAt !== null) {
      throw new ExperimentsException(
        ExperimentsErrorCode.CONSENT_ALREADY_GIVEN,
        'This participant has already consented.',
      );
    }
    const recordedAt = new Date().toISOString();
    const participants = experiment.participants.map((p): Participant =>
      p.userId === input.participantId
        ? {
            userId: p.userId,
            consentedAt: recordedAt,
            onBehalf: {
              recordedBy: principal.userId,
              recordedAt,
              method: input.method,
              collectedOn: input.collectedOn,
              note: input.note,
            },
          }
        : p,
    );
    await this.write(experiment, participants, principal, 'consentRecordedOnBehalf', {
      participantId: input.participantId,
      method: input.method,
      collectedOn: input.collectedOn,
      note: input.note,
    });
    return toExperimentResponse(assertReadable(principal, await this.experiments.findById(id)));
  }

  private async write(
    experiment: ExperimentEntity,
    participants: Participant[],
    principal: Principal,
    event: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    const written = await this.experiments.updateFraming(
      experiment.id,
      experiment.state,
      { participants },
      {
        actorId: principal.userId,
        organizationId: experiment.organizationId,
        fields: ['participants'],
        event,
        details,
      },
    );
    if (!written) {
      throw new ExperimentsException(ExperimentsErrorCode.STATE_CHANGED);
    }
  }
}
