import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  canCreateExperiment,
  draftFramingFromTemplate,
  questionnaireDrafts,
  type QuestionnaireDraft,
  experimentWorkflowId,
  rolesIn,
  type CreateExperimentInput,
  type Principal,
} from '@capacites/domain';
import { AuthException } from '../auth/auth.exception';
import { readScope } from '../common/experiment-scope';
import { assertReadable } from './experiment-access';
import {
  EXPERIMENT_LIFECYCLE_WORKFLOW,
  initializeUpdate,
  type ExperimentLifecycleInput,
} from '@capacites/workflows';
import type { ListQuery } from '../common/list-query';
import { TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE } from '../temporal/temporal.module';
import type { ExperimentListFilter } from './dto/experiment-list.filter';
import { toExperimentResponse, type ExperimentResponse } from './dto/experiment.response';
import { ExperimentsErrorCode, ExperimentsException } from './experiments.exception';
import { refusalOf } from './lifecycle-refusal';
import { ExperimentsRepository, type DraftAuditRecord, type NewDraft } from './experiments.repository';
import { RefusalException } from '../common/app.exception';
import { TemplatesRepository } from '../templates/templates.repository';

@Injectable()
export class ExperimentsService {
  private readonly logger = new Logger(ExperimentsService.name);

  constructor(
    private readonly experiments: ExperimentsRepository,
    private readonly templates: TemplatesRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(TEMPORAL_TASK_QUEUE) private readonly taskQueue: string,
  ) {}

  /**
   * Creates a draft and starts its lifecycle workflow; answers once the workflow has
   * recorded the draft. If the workflow cannot be started, the draft is removed:
   * nothing is left half-written.
   */
  async create(input: CreateExperimentInput, principal: Principal): Promise<ExperimentResponse> {
    // Another organisation does not exist for the caller.
    const member = rolesIn(principal, input.organizationId).length > 0;
    if (!member || !(await this.experiments.organizationExists(input.organizationId))) {
      throw new ExperimentsException(ExperimentsErrorCode.ORGANIZATION_NOT_FOUND, {}, [
        { field: 'organizationId', message: 'this organization does not exist' },
      ]);
    }
    if (!canCreateExperiment(principal, input.organizationId)) {
      throw AuthException.forbidden('createExperiment', ['hr', 'pilot']);
    }
    const actorId = principal.userId;
    // "Nouveau test à partir d'un modèle": the template gives the track and the defaults.
    const template = input.templateId
      ? await this.templates.findUsable(input.templateId, input.organizationId)
      : null;
    if (template && input.trackId && input.trackId !== template.trackId) {
      throw new RefusalException(
        'conflict',
        'TEMPLATE_TRACK_MISMATCH',
        { trackId: input.trackId, templateTrackId: template.trackId },
        [
          {
            field: 'trackId',
            message: "the template is for another track: leave trackId out or give the template's",
          },
        ],
      );
    }
    const trackId = input.trackId ?? template?.trackId ?? null;
    if (trackId && !(await this.experiments.trackAvailableTo(trackId, input.organizationId))) {
      throw new ExperimentsException(ExperimentsErrorCode.TRACK_NOT_FOUND);
    }
    await this.templates.assertRequirementMet(input.organizationId, trackId, template?.trackId);
    const id = randomUUID();
    const framing = template
      ? draftFramingFromTemplate(
          template,
          input,
          new Date(),
          await this.experiments.organizationTimeZone(input.organizationId),
        )
      : null;
    const draft: NewDraft = {
      id,
      workflowId: experimentWorkflowId(id),
      organizationId: input.organizationId,
      trackId,
      title: input.title,
      hypothesis: framing?.hypothesis ?? input.hypothesis ?? '',
      vision: framing?.vision ?? input.vision ?? '',
      scope: framing?.scope ?? input.scope ?? '',
      expiresAt: framing?.expiresAt ?? null,
      iteration: 1,
      parentId: null,
      createdBy: actorId,
      ...(framing && template
        ? {
            criteria: framing.criteria,
            checkInCadenceDays: framing.checkInCadenceDays,
            exitPlan: framing.exitPlan,
            templateId: template.id,
          }
        : {}),
    };
    const audit: DraftAuditRecord[] = template
      ? [
          {
            idempotencyKey: `template:${id}`,
            organizationId: input.organizationId,
            experimentId: id,
            event: 'createdFromTemplate',
            actorId,
            details: { templateId: template.id, templateName: template.name },
          },
        ]
      : [];
    await this.startDraft(draft, audit, template ? questionnaireDrafts(template.questionnaires) : []);
    return this.findOne(id, principal);
  }

  /**
   * Inserts a draft (with its copied questionnaires) and starts its workflow; answers once the
   * workflow has recorded it. If the workflow cannot be started, the draft is removed: nothing
   * is left half-written. Then the audit of where it comes from (template, original) is written:
   * after the start, since the audit is append-only and a draft that never was leaves none.
   * Replications start their drafts here too.
   */
  async startDraft(
    draft: NewDraft,
    audit: DraftAuditRecord[] = [],
    questionnaires: QuestionnaireDraft[] = [],
  ): Promise<void> {
    const copied = await this.experiments.insertDraftWithQuestionnaires(draft, questionnaires);
    const workflowInput: ExperimentLifecycleInput = {
      experimentId: draft.id,
      organizationId: draft.organizationId,
      createdBy: draft.createdBy as string,
    };
    try {
      await this.temporal.workflow.executeUpdateWithStart(initializeUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(EXPERIMENT_LIFECYCLE_WORKFLOW, {
          workflowId: draft.workflowId,
          taskQueue: this.taskQueue,
          args: [workflowInput],
          workflowIdConflictPolicy: 'FAIL',
        }),
      });
    } catch (error) {
      this.logger.error(`could not start the workflow of experiment ${draft.id}: ${String(error)}`);
      await this.abandonStart(draft.workflowId, draft.id);
      if (error instanceof WorkflowUpdateFailedError) {
        throw refusalOf(error);
      }
      throw new ExperimentsException(ExperimentsErrorCode.WORKFLOW_UNAVAILABLE);
    }
    await this.recordOrigin([...audit, ...copied]);
  }

  /** The origin's audit, retried briefly (idempotent): the draft exists and its workflow runs. */
  private async recordOrigin(records: DraftAuditRecord[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.experiments.recordDraftOrigin(records);
      } catch (error) {
        if (attempt >= 3) throw error;
        this.logger.warn(`audit of a new draft's origin, attempt ${attempt}: ${String(error)}`);
      }
    }
  }

  async findOne(id: string, principal: Principal): Promise<ExperimentResponse> {
    return toExperimentResponse(assertReadable(principal, await this.experiments.findById(id)));
  }

  async list(
    query: ListQuery<ExperimentListFilter>,
    principal: Principal,
  ): Promise<{ data: ExperimentResponse[]; total: number }> {
    const { rows, total } = await this.experiments.findPage(query, readScope(principal));
    return { data: rows.map(toExperimentResponse), total };
  }

  /** Best effort: stop a workflow that may have started, then remove the draft. */
  private async abandonStart(workflowId: string, id: string): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(workflowId).terminate('creation failed in the API');
    } catch {
      // Not started, or Temporal unreachable: nothing to stop.
    }
    await this.experiments.deleteDraft(id);
  }
}
