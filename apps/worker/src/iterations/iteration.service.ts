import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { experimentWorkflowId } from '@capacites/domain';
import { ExperimentEntity } from '@capacites/persistence';
import type { CreateIterationInput } from '@capacites/workflows';
import { ExperimentNotFoundError } from '../transitions/transition-recorder.service';

/**
 * Creates the next iteration's draft: the framing is copied from its parent, the
 * hypothesis marked for revision, participants asked for their consent again.
 * Idempotent: the new id comes from the workflow, so a retry inserts nothing.
 */
@Injectable()
export class IterationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createDraft(input: CreateIterationInput): Promise<void> {
    const parent = await this.dataSource.getRepository(ExperimentEntity).findOneBy({ id: input.parentId });
    if (!parent) throw new ExperimentNotFoundError(input.parentId);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ExperimentEntity)
      .values({
        id: input.newExperimentId,
        workflowId: experimentWorkflowId(input.newExperimentId),
        organizationId: parent.organizationId,
        trackId: parent.trackId,
        title: parent.title,
        hypothesis: parent.hypothesis,
        hypothesisNeedsRevision: true,
        nextFocus: input.nextFocus,
        vision: parent.vision,
        scope: parent.scope,
        state: 'draft',
        sponsorId: parent.sponsorId,
        pilotIds: parent.pilotIds,
        // Consents are asked again: none is carried over, nor how it had been collected.
        participants: parent.participants.map((p) => ({ userId: p.userId, consentedAt: null })),
        criteria: parent.criteria,
        checkInCadenceDays: parent.checkInCadenceDays,
        exitPlan: parent.exitPlan,
        expiresAt: null,
        iteration: parent.iteration + 1,
        parentId: parent.id,
        createdBy: input.createdBy,
      })
      .orIgnore()
      .execute();
  }
}
