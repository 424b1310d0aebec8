import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEventEntity, ExperimentEntity } from '@capacites/persistence';
import type { RecordTransitionInput } from '@capacites/workflows';

export class ExperimentNotFoundError extends Error {
  constructor(readonly experimentId: string) {
    super(`experiment ${experimentId} does not exist in the database`);
    this.name = 'ExperimentNotFoundError';
  }
}

/**
 * Writes the workflow's transitions to PostgreSQL: the audit record and the projected
 * state, in one transaction. Idempotent: a second call with the same key writes nothing.
 */
@Injectable()
export class TransitionRecorder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** @returns true when this call wrote the transition, false when it was already recorded. */
  async record(input: RecordTransitionInput): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const experiment = await manager.findOne(ExperimentEntity, {
        where: { id: input.experimentId },
        lock: { mode: 'pessimistic_write' },
      });
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
          occurredAt: new Date(input.occurredAt),
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) return false;
      await manager.update(ExperimentEntity, { id: input.experimentId }, { state: input.to });
      return true;
    });
  }
}
