import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  canCollectTestimony,
  canEditTestimony,
  canReadExperiment,
  type Principal,
  type TestimonyInput,
  type TestimonyUpdate,
} from '@capacites/domain';
import { ExperimentEntity, TestimonyEntity } from '@capacites/persistence';
import { recordExperimentEvent, type ExperimentEvent } from '../common/admin-audit';
import { ResourceException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { accessFacts } from '../experiments/experiment-access';
import { RecordsRepository, type RecordFilter, type RecordTable } from '../records/records.repository';

export const TESTIMONIES: RecordTable<TestimonyEntity> = {
  entity: TestimonyEntity,
  alias: 't',
  idColumn: 'id',
  sortable: { collectedAt: 't.collected_at', createdAt: 't.created_at', source: 't.source' },
};

export const toTestimonyResponse = (t: TestimonyEntity) => ({
  id: t.id,
  experimentId: t.experimentId,
  organizationId: t.organizationId,
  quote: t.quote,
  speaker: t.speaker,
  speakerRole: t.speakerRole,
  source: t.source,
  collectedAt: t.collectedAt,
  shareable: t.shareable,
  authorId: t.authorId,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});
export type TestimonyResponse = ReturnType<typeof toTestimonyResponse>;

export type TestimonyFilter = RecordFilter & { source?: string; shareable?: boolean };

/** States in which a test has users to hear: from launch on, not a cancelled draft. */
const COLLECTING_STATES = ['running', 'evaluating', 'deciding', 'perpetuated', 'abandoned', 'iterated'];

@Injectable()
export class TestimoniesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
  ) {}

  async list(query: ListQuery<TestimonyFilter>, principal: Principal) {
    const { rows, total } = await this.records.page(TESTIMONIES, query, principal, (qb) => {
      if (query.filter.source) qb.andWhere('t.source = :source', { source: query.filter.source });
      if (query.filter.shareable !== undefined)
        qb.andWhere('t.shareable = :shareable', { shareable: query.filter.shareable });
    });
    return { data: rows.map(toTestimonyResponse), total };
  }

  async findOne(id: string, principal: Principal): Promise<TestimonyResponse> {
    const row = await this.records.one(TESTIMONIES, id, principal);
    if (!row) throw ResourceException.notFound('testimony');
    return toTestimonyResponse(row);
  }

  async create(input: TestimonyInput, principal: Principal): Promise<TestimonyResponse> {
    const experiment = await this.dataSource
      .getRepository(ExperimentEntity)
      .findOneBy({ id: input.experimentId });
    if (!experiment || !canReadExperiment(principal, accessFacts(experiment))) {
      throw ResourceException.referenceNotFound('experimentId', 'EXPERIMENT_NOT_FOUND');
    }
    if (!canCollectTestimony(principal, accessFacts(experiment))) {
      throw ResourceException.forbidden('collectTestimony', ['hr', 'pilot', 'sponsor', 'participant']);
    }
    if (!COLLECTING_STATES.includes(experiment.state)) {
      throw ResourceException.conflict('NOT_STARTED', { state: experiment.state });
    }
    assertNotFuture(input.collectedAt);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(TestimonyEntity, {
        ...input,
        id,
        organizationId: experiment.organizationId,
        authorId: principal.userId,
      });
      await recordExperimentEvent(
        manager,
        testimonyEvent(experiment, 'testimonyAdded', principal.userId, id),
      );
    });
    return this.findOne(id, principal);
  }

  async update(id: string, input: TestimonyUpdate, principal: Principal): Promise<TestimonyResponse> {
    const row = await this.editable(id, principal);
    if (input.collectedAt) assertNotFuture(input.collectedAt);
    // An empty body changes nothing (TypeORM refuses an UPDATE without values).
    if (Object.keys(input).length > 0)
      await this.dataSource.getRepository(TestimonyEntity).update({ id: row.id }, input);
    return this.findOne(id, principal);
  }

  async remove(id: string, principal: Principal): Promise<TestimonyResponse> {
    const row = await this.editable(id, principal);
    const response = toTestimonyResponse(row);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(TestimonyEntity, { id: row.id });
      await recordExperimentEvent(
        manager,
        testimonyEvent(
          { id: row.experimentId, organizationId: row.organizationId, state: null },
          'testimonyRemoved',
          principal.userId,
          row.id,
        ),
      );
    });
    return response;
  }

  private async editable(id: string, principal: Principal): Promise<TestimonyEntity> {
    const row = await this.records.one(TESTIMONIES, id, principal);
    if (!row) throw ResourceException.notFound('testimony');
    if (!canEditTestimony(principal, row)) {
      throw ResourceException.forbidden('editTestimony', ['author', 'hr']);
    }
    return row;
  }
}

function assertNotFuture(date: string): void {
  // A day of margin: "today" in any time zone of the organisations is accepted.
  if (new Date(`${date}T00:00:00Z`).getTime() > Date.now() + 86_400_000) {
    throw ResourceException.rules([
      { field: 'collectedAt', message: 'collectedAt must not be in the future' },
    ]);
  }
}

function testimonyEvent(
  experiment: { id: string; organizationId: string; state: string | null },
  event: string,
  actorId: string,
  testimonyId: string,
): ExperimentEvent {
  return {
    idempotencyKey: `${event}:${testimonyId}:${randomUUID()}`,
    organizationId: experiment.organizationId,
    experimentId: experiment.id,
    state: experiment.state,
    event,
    actorId,
    details: { testimonyId },
  };
}
