import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  experimentWorkflowId,
  questionnaireDrafts,
  replicaFraming,
  replicaQuestionnaires,
  replicationRefusal,
  type ExperimentProvenance,
  type Principal,
  type ReplicateExperimentInput,
} from '@capacites/domain';
import type { ExperimentEntity } from '@capacites/persistence';
import { RefusalException, ResourceException } from '../common/app.exception';
import { accessFacts, assertReadable } from '../experiments/experiment-access';
import { toExperimentResponse, type ExperimentResponse } from '../experiments/dto/experiment.response';
import { ExperimentsErrorCode, ExperimentsException } from '../experiments/experiments.exception';
import { ExperimentsRepository, type NewDraft } from '../experiments/experiments.repository';
import { ExperimentsService } from '../experiments/experiments.service';
import { TemplatesRepository } from '../templates/templates.repository';
import { ReplicationsRepository } from './replications.repository';

/** A replication to make for a trusted caller (the demo seeding, an import): no access check. */
export interface ReplicationOrder {
  sourceId: string;
  /** The organisation that receives the draft (not the original's). */
  organizationId: string;
  /** Who replicates: the draft's author, named in its audit. */
  actorId: string;
  /** Needed when that organisation requires a template for the track. */
  templateId?: string;
}

/**
 * "Essaimer": a test of the network copied as a draft into the reader's organisation. The
 * framing is copied (not the people, answers or check-ins), with a provenance link both ways;
 * the original learns how many organisations replicated it, never who (unless they share
 * their own learnings). Audited on both sides: the replica names its original; the original
 * records that it was replicated, with no actor nor organisation.
 */
@Injectable()
export class ReplicationsService {
  constructor(
    private readonly replications: ReplicationsRepository,
    private readonly experiments: ExperimentsRepository,
    private readonly drafts: ExperimentsService,
    private readonly templates: TemplatesRepository,
  ) {}

  async replicate(
    sourceId: string,
    input: ReplicateExperimentInput,
    principal: Principal,
  ): Promise<ExperimentResponse> {
    const source = await this.replications.findSource(sourceId);
    const refusal = source
      ? replicationRefusal(
          principal,
          { ...accessFacts(source.experiment), learningsShared: source.learningsShared },
          input.organizationId,
        )
      : 'SOURCE_NOT_FOUND';
    if (refusal === 'SOURCE_NOT_FOUND') throw new ExperimentsException(ExperimentsErrorCode.NOT_FOUND);
    if (
      refusal === 'ORGANIZATION_NOT_FOUND' ||
      !(await this.experiments.organizationExists(input.organizationId))
    )
      throw ResourceException.referenceNotFound('organizationId', 'ORGANIZATION_NOT_FOUND');
    if (refusal === 'FORBIDDEN') throw ResourceException.forbidden('replicateExperiment', ['hr', 'pilot']);
    if (refusal === 'SAME_ORGANIZATION') {
      throw new RefusalException('conflict', 'REPLICATION_SAME_ORGANIZATION', {}, [
        { field: 'organizationId', message: 'the original belongs to this organization: iterate it instead' },
      ]);
    }
    const id = await this.replicateUnchecked({
      sourceId,
      organizationId: input.organizationId,
      actorId: principal.userId,
      templateId: input.templateId,
    });
    return toExperimentResponse(assertReadable(principal, await this.experiments.findById(id)));
  }

  /**
   * Replicates without checking who asks: for trusted callers only (the demo seeding, an
   * import), which name the actor themselves. Same copy, provenance, template rule and
   * audit as through the API.
   * @returns the new draft's id
   */
  async replicateUnchecked(order: ReplicationOrder): Promise<string> {
    const found = await this.replications.findSource(order.sourceId);
    if (!found) throw new ExperimentsException(ExperimentsErrorCode.NOT_FOUND);
    const source = found.experiment;
    if (source.organizationId === order.organizationId) {
      throw ResourceException.conflict('REPLICATION_SAME_ORGANIZATION', {});
    }
    const zone = await this.experiments.organizationTimeZone(order.organizationId);
    const framing = replicaFraming(source, new Date(), zone);
    // The original's track if the receiving organisation may use it (a shared one), else none.
    let trackId =
      source.trackId && (await this.experiments.trackAvailableTo(source.trackId, order.organizationId))
        ? source.trackId
        : null;
    const template = order.templateId
      ? await this.templates.findUsable(order.templateId, order.organizationId)
      : null;
    if (template && trackId && template.trackId !== trackId) {
      throw new RefusalException(
        'conflict',
        'TEMPLATE_TRACK_MISMATCH',
        { trackId, templateTrackId: template.trackId },
        [{ field: 'templateId', message: "the template is for another track than the original's" }],
      );
    }
    trackId ??= template?.trackId ?? null;
    await this.templates.assertRequirementMet(order.organizationId, trackId, template?.trackId);

    const id = randomUUID();
    const criteria = framing.criteria.length > 0 ? framing.criteria : (template?.criteria ?? []);
    // The original's questionnaires (questions only, as drafts); else a required template's skeletons.
    const originals = await this.replications.questionnairesOf(source.id);
    const questionnaires =
      originals.length > 0
        ? replicaQuestionnaires(
            originals,
            criteria.map((c) => c.id),
          )
        : questionnaireDrafts(template?.questionnaires ?? []);
    const draft: NewDraft = {
      id,
      workflowId: experimentWorkflowId(id),
      organizationId: order.organizationId,
      trackId,
      title: framing.title,
      hypothesis: framing.hypothesis,
      vision: framing.vision,
      scope: framing.scope,
      // The original's framing first; a required template fills only what it left empty.
      criteria,
      checkInCadenceDays: framing.checkInCadenceDays ?? template?.checkInCadenceDays ?? null,
      exitPlan: hasExitPlan(framing.exitPlan) || !template ? framing.exitPlan : template.exitPlan,
      expiresAt: framing.expiresAt,
      iteration: 1,
      parentId: null,
      createdBy: order.actorId,
      templateId: template?.id ?? null,
      replicatedFromId: source.id,
    };
    await this.drafts.startDraft(
      draft,
      [
        {
          idempotencyKey: `replication:${id}`,
          organizationId: order.organizationId,
          experimentId: id,
          event: 'replicatedFrom',
          actorId: order.actorId,
          details: {
            sourceExperimentId: source.id,
            sourceOrganizationId: source.organizationId,
            ...(template ? { templateId: template.id } : {}),
          },
        },
        {
          // The original's side: that it was replicated, not by whom nor where.
          idempotencyKey: `replicated:${randomUUID()}`,
          organizationId: source.organizationId,
          experimentId: source.id,
          event: 'replicated',
          actorId: null,
          details: {},
        },
      ],
      questionnaires,
    );
    return id;
  }

  /** Where a test comes from (template, original) and how many organisations replicated it. */
  async provenance(experimentId: string, principal: Principal): Promise<ExperimentProvenance> {
    const experiment: ExperimentEntity = assertReadable(
      principal,
      await this.experiments.findById(experimentId),
    );
    const [template, replicatedFrom, replications] = await Promise.all([
      this.replications.templateOf(experiment),
      this.replications.originalOf(experiment),
      this.replications.replicationsOf(experiment.id),
    ]);
    return { template, replicatedFrom, replications };
  }
}

const hasExitPlan = (plan: { pilotWithdrawal: string; takeover: string }) =>
  plan.pilotWithdrawal.trim() !== '' || plan.takeover.trim() !== '';
