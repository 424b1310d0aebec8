import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { AuditEventEntity, CheckInEntity } from '@capacites/persistence';
import { isPlatformAdmin } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ResourceException } from '../common/app.exception';
import { ApiList } from '../common/api-list.decorator';
import { oneOrMany } from '../common/filters';
import { listQuery, page } from '../common/pagination';
import {
  DECISIONS,
  decisionConditions,
  decisionFilter,
  EVALUATIONS,
  evaluationConditions,
  evaluationFilter,
  recordFilter,
} from './records.queries';
import { RecordsRepository, type RecordTable } from './records.repository';
import {
  toAuditEventResponse,
  toCheckInResponse,
  toDecisionResponse,
  toEvaluationResponse,
  toScopedAuditEventResponse,
  type AuditEventResponse,
  type CheckInResponse,
  type DecisionResponse,
  type EvaluationResponse,
} from './records.responses';

const CHECK_INS: RecordTable<CheckInEntity> = {
  entity: CheckInEntity,
  alias: 'c',
  idColumn: 'id',
  sortable: { recordedAt: 'c.recorded_at', weather: 'c.weather' },
};
const auditEventFilter = z
  .object({
    experimentId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    actorId: z.uuid().optional(),
    event: oneOrMany(z.string().max(64), 50).optional(),
    id: oneOrMany(z.string().regex(/^\d{1,18}$/)).optional(),
  })
  .strict();

const AUDIT_EVENTS: RecordTable<AuditEventEntity> = {
  entity: AuditEventEntity,
  alias: 'a',
  idColumn: 'id',
  sortable: { occurredAt: 'a.occurred_at', id: 'a.id' },
};

/** Points d'étape: read here, recorded through POST /experiments/:id/check-ins (the workflow). */
@Controller('check-ins')
export class CheckInsController {
  constructor(private readonly records: RecordsRepository) {}

  @Get()
  @ApiList({ resource: 'check-ins', filter: recordFilter, sortable: CHECK_INS.sortable })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CheckInResponse[]> {
    const q = listQuery(query, recordFilter, CHECK_INS.sortable, { field: 'recordedAt', order: 'DESC' });
    const { rows, total } = await this.records.page(CHECK_INS, q, user);
    return page(response, 'check-ins', q, { data: rows.map(toCheckInResponse), total });
  }

  @Get(':id')
  async one(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<CheckInResponse> {
    const row = await this.records.one(CHECK_INS, id, user);
    if (!row) throw ResourceException.notFound('check-in');
    return toCheckInResponse(row);
  }
}

/** Evaluations: read here (id = the experiment's), submitted through POST /experiments/:id/evaluation. */
@Controller('evaluations')
export class EvaluationsController {
  constructor(private readonly records: RecordsRepository) {}

  @Get()
  @ApiList({ resource: 'evaluations', filter: evaluationFilter, sortable: EVALUATIONS.sortable })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EvaluationResponse[]> {
    const q = listQuery(query, evaluationFilter, EVALUATIONS.sortable, {
      field: 'submittedAt',
      order: 'DESC',
    });
    const { rows, total } = await this.records.page(EVALUATIONS, q, user, evaluationConditions(q.filter));
    return page(response, 'evaluations', q, { data: rows.map(toEvaluationResponse), total });
  }

  @Get(':id')
  async one(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<EvaluationResponse> {
    const row = await this.records.one(EVALUATIONS, id, user);
    if (!row) throw ResourceException.notFound('evaluation');
    return toEvaluationResponse(row);
  }
}

/** Decisions: read here (id = the experiment's), taken through POST /experiments/:id/decision. */
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly records: RecordsRepository) {}

  @Get()
  @ApiList({ resource: 'decisions', filter: decisionFilter, sortable: DECISIONS.sortable })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DecisionResponse[]> {
    const q = listQuery(query, decisionFilter, DECISIONS.sortable, { field: 'decidedAt', order: 'DESC' });
    const { rows, total } = await this.records.page(DECISIONS, q, user, decisionConditions(q.filter));
    return page(response, 'decisions', q, { data: rows.map(toDecisionResponse), total });
  }

  @Get(':id')
  async one(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<DecisionResponse> {
    const row = await this.records.one(DECISIONS, id, user);
    if (!row) throw ResourceException.notFound('decision');
    return toDecisionResponse(row);
  }
}

/** The audit trail, read-only: every transition and administration change, who, when, why. */
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly records: RecordsRepository) {}

  @Get()
  @ApiList({ resource: 'audit-events', filter: auditEventFilter, sortable: AUDIT_EVENTS.sortable })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditEventResponse[]> {
    const q = listQuery(query, auditEventFilter, AUDIT_EVENTS.sortable, {
      field: 'occurredAt',
      order: 'DESC',
    });
    const { rows, total } = await this.records.page(AUDIT_EVENTS, q, user, (qb) => {
      if (q.filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: q.filter.actorId });
      if (q.filter.event) {
        // An empty list matches nothing (`IN ()` is not SQL).
        const events = ([] as (string | null)[]).concat(q.filter.event);
        qb.andWhere('a.event IN (:...events)', { events: events.length > 0 ? events : [null] });
      }
    });
    const toResponse = isPlatformAdmin(user) ? toAuditEventResponse : toScopedAuditEventResponse;
    return page(response, 'audit-events', q, { data: rows.map(toResponse), total });
  }

  @Get(':id')
  async one(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<AuditEventResponse> {
    if (!/^\d{1,18}$/.test(id)) throw ResourceException.notFound('audit event');
    const row = await this.records.one(AUDIT_EVENTS, id, user);
    if (!row) throw ResourceException.notFound('audit event');
    return isPlatformAdmin(user) ? toAuditEventResponse(row) : toScopedAuditEventResponse(row);
  }
}
