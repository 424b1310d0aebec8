import { Body, Controller, Get, Injectable, Param, ParseUUIDPipe, Put, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { canShareLearnings, isPlatformAdmin, VERDICTS, type Principal, type SharedTestimony } from '@capacites/domain';
import { EvaluationEntity, ExperimentEntity } from '@capacites/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { recordExperimentEvent } from '../common/admin-audit';
import { ResourceException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { ApiList } from '../common/api-list.decorator';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { accessFacts, assertReadable } from '../experiments/experiment-access';
import { toEvaluationResponse, type EvaluationResponse } from './records.responses';

export class LearningsSharingDto extends createZodDto(z.object({ shared: z.boolean() }).strict()) {}

export interface SharedLearningResponse {
  /** The experiment's id. */
  id: string;
  /** Its organisation (issue 16: one does not replicate one's own test, one iterates it). */
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  trackName: string | null;
  title: string;
  verdict: string;
  learnings: string;
  outcome: string | null;
  sharedAt: string;
  /** The testimonies marked shareable, anonymised: never the speaker's name (issue 14, item 4). */
  testimonies: SharedTestimony[];
  /** How many other organisations replicated this test (issue 16): a count, never who. */
  replicationCount: number;
}

// At most ten, newest first: quote, role, source and day; the speaker's name stays home.
const SHAREABLE_TESTIMONIES = `(SELECT coalesce(jsonb_agg(jsonb_build_object('quote', s.quote, 'speakerRole', s.speaker_role,
          'source', s.source, 'collectedAt', s.collected_at) ORDER BY s.collected_at DESC, s.id), '[]'::jsonb)
     FROM (SELECT quote, speaker_role, source, collected_at, id FROM testimonies
            WHERE experiment_id = e.id AND shareable ORDER BY collected_at DESC, id LIMIT 10) s) AS testimonies`;

const filterSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    verdict: z.enum(VERDICTS).optional(),
    trackId: z.uuid().optional(),
  })
  .strict();
type SharedFilter = z.infer<typeof filterSchema>;

const SORT: Record<string, string> = { sharedAt: 'v.learnings_shared_at', title: 'e.title' };

@Injectable()
export class SharedLearningsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Shares (or withdraws) an evaluation's learnings with the network: the organisation's
   * HR, CODIR or the experiment's sponsor decide it. Audited.
   */
  async setSharing(experimentId: string, shared: boolean, principal: Principal): Promise<EvaluationResponse> {
    const experiment = assertReadable(
      principal,
      await this.dataSource.getRepository(ExperimentEntity).findOneBy({ id: experimentId }),
    );
    const evaluation = await this.dataSource.getRepository(EvaluationEntity).findOneBy({ experimentId });
    if (!evaluation) throw ResourceException.notFound('evaluation');
    if (!canShareLearnings(principal, accessFacts(experiment))) {
      throw ResourceException.forbidden('shareLearnings', ['hr', 'codir', 'sponsor']);
    }
    if (shared === (evaluation.learningsSharedAt !== null)) return toEvaluationResponse(evaluation);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        EvaluationEntity,
        { experimentId },
        shared
          ? { learningsSharedAt: new Date(), learningsSharedBy: principal.userId }
          : { learningsSharedAt: null, learningsSharedBy: null },
      );
      await recordExperimentEvent(manager, {
        idempotencyKey: `learnings:${experimentId}:${Date.now()}:${principal.userId}`,
        organizationId: experiment.organizationId,
        experimentId,
        state: experiment.state,
        event: shared ? 'learningsShared' : 'learningsWithdrawn',
        actorId: principal.userId,
        details: {},
      });
    });
    return toEvaluationResponse(
      await this.dataSource.getRepository(EvaluationEntity).findOneByOrFail({ experimentId }),
    );
  }

  /** The network's shared learnings: readable by every signed-in user, whatever the organisation. */
  async list(
    query: ListQuery<SharedFilter>,
    principal: Principal,
  ): Promise<{ data: SharedLearningResponse[]; total: number }> {
    const where = ['v.learnings_shared_at IS NOT NULL'];
    // The reader's organisations, to name their own private tracks (null: every track).
    const readerOrgs = isPlatformAdmin(principal)
      ? null
      : [...new Set(principal.memberships.map((m) => m.organizationId))];
    const params: unknown[] = [];
    const { filter } = query;
    if (filter.verdict) {
      params.push(filter.verdict);
      where.push(`v.verdict = $${params.length}`);
    }
    if (filter.trackId) {
      params.push(filter.trackId);
      where.push(`e.track_id = $${params.length}`);
    }
    if (filter.q) {
      params.push(filter.q);
      where.push(
        `to_tsvector('capacites_fr'::regconfig, e.title || ' ' || v.learnings) @@ websearch_to_tsquery('capacites_fr'::regconfig, $${params.length})`,
      );
    }
    const from = `FROM evaluations v JOIN experiments e ON e.id = v.experiment_id
      JOIN organizations o ON o.id = e.organization_id
      LEFT JOIN tracks t ON t.id = e.track_id
      LEFT JOIN decisions d ON d.experiment_id = e.id
      WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const orgs = `$${params.length + 1}::uuid[]`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      // A private track's name is the organisation's own: other readers see no track.
      `SELECT e.id, e.organization_id, o.name AS organization_name, o.kind AS organization_kind,
              CASE WHEN t.organization_id IS NULL OR ${orgs} IS NULL OR t.organization_id = ANY(${orgs})
                   THEN t.name END AS track_name,
              e.title,
              v.verdict, v.learnings, d.outcome, v.learnings_shared_at AS shared_at,
              ${SHAREABLE_TESTIMONIES},
              (SELECT count(DISTINCT r.organization_id)::int FROM experiments r
                WHERE r.replicated_from_id = e.id AND r.state <> 'cancelled') AS replication_count
         ${from}
        ORDER BY ${SORT[query.sort.field] ?? SORT.sharedAt} ${query.sort.order}, e.id
        OFFSET ${query.offset} LIMIT ${query.limit}`,
      [...params, readerOrgs],
    );
    return {
      total,
      data: rows.map((r) => ({
        id: r.id as string,
        organizationId: r.organization_id as string,
        organizationName: r.organization_name as string,
        organizationKind: r.organization_kind as string,
        trackName: (r.track_name as string | null) ?? null,
        title: r.title as string,
        verdict: r.verdict as string,
        learnings: r.learnings as string,
        outcome: (r.outcome as string | null) ?? null,
        sharedAt: (r.shared_at as Date).toISOString(),
        testimonies: r.testimonies as SharedTestimony[],
        replicationCount: r.replication_count as number,
      })),
    };
  }
}

/** Learnings shared with the network ("capitaliser et essaimer"). */
@Controller()
export class SharedLearningsController {
  constructor(private readonly shared: SharedLearningsService) {}

  @Get('shared-learnings')
  @ApiList({ resource: 'shared-learnings', filter: filterSchema, sortable: SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SharedLearningResponse[]> {
    const q = listQuery(query, filterSchema, SORT, { field: 'sharedAt', order: 'DESC' });
    return page(response, 'shared-learnings', q, await this.shared.list(q, user));
  }

  @Put('evaluations/:id/sharing')
  setSharing(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: LearningsSharingDto,
  ): Promise<EvaluationResponse> {
    return this.shared.setSharing(id, body.shared, user);
  }
}
