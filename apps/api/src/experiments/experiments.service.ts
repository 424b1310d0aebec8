import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  canCreateExperiment,
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
import { ExperimentsRepository } from './experiments.repository';

@Injectable()
export class ExperimentsService {
  private readonly logger = new Logger(ExperimentsService.name);

  constructor(
    private readonly experiments: ExperimentsRepository,
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
    if (input.trackId && !(await this.experiments.trackAvailableTo(input.trackId, input.organizationId))) {
      throw new ExperimentsException(ExperimentsErrorCode.TRACK_NOT_FOUND);
    }
    const id = randomUUID();
    const workflowId = experimentWorkflowId(id);
    await this.experiments.insertDraft({
      id,
      workflowId,
      organizationId: input.organizationId,
      trackId: input.trackId ?? null,
      title: input.title,
      hypothesis: input.hypothesis ?? '',
      vision: input.vision ?? '',
      scope: input.scope ?? '',
      expiresAt: null,
      iteration: 1,
      parentId: null,
      createdBy: actorId,
    });
    const workflowInput: ExperimentLifecycleInput = {
      experimentId: id,
      organizationId: input.organizationId,
      createdBy: actorId,
    };
    try {
      await this.temporal.workflow.executeUpdateWithStart(initializeUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(EXPERIMENT_LIFECYCLE_WORKFLOW, {
          workflowId,
          taskQueue: this.taskQueue,
          args: [workflowInput],
          workflowIdConflictPolicy: 'FAIL',
        }),
      });
    } catch (error) {
      this.logger.error(`could not start the workflow of experiment ${id}: ${String(error)}`);
      await this.abandonStart(workflowId, id);
      if (error instanceof WorkflowUpdateFailedError) {
        throw refusalOf(error);
      }
      throw new ExperimentsException(ExperimentsErrorCode.WORKFLOW_UNAVAILABLE);
    }
    return this.findOne(id, principal);
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
