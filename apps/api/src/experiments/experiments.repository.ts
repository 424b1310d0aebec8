import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ExperimentState, QuestionnaireDraft } from '@capacites/domain';
import {
  AuditEventEntity,
  ExperimentEntity,
  MembershipEntity,
  OrganizationEntity,
  orphanedExperimentCondition,
  QuestionnaireEntity,
  TrackEntity,
} from '@capacites/persistence';
import { recordExperimentEvent } from '../common/admin-audit';
import { applyExperimentScope, type ReadScope } from '../common/experiment-scope';
import type { ListQuery } from '../common/list-query';
import type { ExperimentListFilter } from './dto/experiment-list.filter';

const SORT_COLUMNS: Record<string, string> = {
  title: 'e.title',
  state: 'e.state',
  createdAt: 'e.createdAt',
  updatedAt: 'e.updatedAt',
  expiresAt: 'e.expiresAt',
};

export type NewDraft = Pick<
  ExperimentEntity,
  | 'id'
  | 'workflowId'
  | 'organizationId'
  | 'trackId'
  | 'title'
  | 'hypothesis'
  | 'vision'
  | 'scope'
  | 'expiresAt'
  | 'iteration'
  | 'parentId'
  | 'createdBy'
> &
  // Framing a draft may start with: from a template, or copied from another organisation's test.
  Partial<
    Pick<ExperimentEntity, 'criteria' | 'checkInCadenceDays' | 'exitPlan' | 'templateId' | 'replicatedFromId'>
  >;

/** An audit record written with a new draft (its template, its original): actor null hides who. */
export interface DraftAuditRecord {
  idempotencyKey: string;
  organizationId: string;
  experimentId: string;
  event: string;
  actorId: string | null;
  details: Record<string, unknown>;
}

/** Intention-revealing queries over experiments. */
@Injectable()
export class ExperimentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async organizationExists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(OrganizationEntity).exists({ where: { id } });
  }

  async trackAvailableTo(trackId: string, organizationId: string): Promise<boolean> {
    const count = await this.dataSource
      .getRepository(TrackEntity)
      .createQueryBuilder('t')
      .where('t.id = :trackId', { trackId })
      .andWhere('(t.organization_id IS NULL OR t.organization_id = :organizationId)', { organizationId })
      .andWhere('t.archived_at IS NULL')
      .getCount();
    return count > 0;
  }

  /** Which of these users have a membership in the organisation (any role). */
  async membersOf(organizationId: string, userIds: string[]): Promise<Set<string>> {
    const rows = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .select('DISTINCT m.user_id', 'userId')
      .where('m.organization_id = :organizationId', { organizationId })
      .andWhere('m.user_id IN (:...userIds)', { userIds: [...new Set(userIds)] })
      .getRawMany<{ userId: string }>();
    return new Set(rows.map((row) => row.userId));
  }

  async insertDraft(draft: NewDraft, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(ExperimentEntity, { ...draft, state: 'draft' });
  }

  async organizationTimeZone(organizationId: string): Promise<string> {
    return (await this.organizationSettings(organizationId)).timeZone;
  }

  async organizationSettings(organizationId: string): Promise<OrganizationEntity> {
    return this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: organizationId });
  }

  /**
   * Writes framing columns (never the state: the workflow's activities write it) and
   * audits the change (which fields, by whom) in the same transaction.
   * @returns false when the experiment left `inState` meanwhile (nothing is written then).
   */
  async updateFraming(
    id: string,
    inState: ExperimentState,
    changes: Partial<ExperimentEntity>,
    audit: {
      actorId: string;
      organizationId: string;
      fields: string[];
      event?: string;
      details?: Record<string, unknown>;
    },
  ): Promise<boolean> {
    const framing = { ...changes };
    delete framing.state;
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(ExperimentEntity)
        .update({ id, state: inState }, framing as QueryDeepPartialEntity<ExperimentEntity>);
      if ((result.affected ?? 0) === 0) return false;
      await recordExperimentEvent(manager, {
        idempotencyKey: `framing:${id}:${randomUUID()}`,
        organizationId: audit.organizationId,
        experimentId: id,
        state: inState,
        event: audit.event ?? 'framingUpdated',
        actorId: audit.actorId,
        details: { fields: audit.fields, ...audit.details },
      });
      return true;
    });
  }

  /**
   * The draft and its draft questionnaires (from a template or an original), in one
   * transaction. Their audit is written once the workflow has started (recordDraftOrigin):
   * the audit is append-only, so a draft whose workflow cannot start leaves no record.
   * @returns the audit records of the questionnaires, to write with the draft's origin
   */
  async insertDraftWithQuestionnaires(
    draft: NewDraft,
    questionnaires: QuestionnaireDraft[] = [],
  ): Promise<DraftAuditRecord[]> {
    const records: DraftAuditRecord[] = [];
    await this.dataSource.transaction(async (manager) => {
      await this.insertDraft(draft, manager);
      for (const questionnaire of questionnaires) {
        const questionnaireId = randomUUID();
        await manager.insert(QuestionnaireEntity, {
          id: questionnaireId,
          organizationId: draft.organizationId,
          experimentId: draft.id,
          title: questionnaire.title,
          intro: questionnaire.intro,
          audience: questionnaire.audience,
          windowKind: questionnaire.windowKind,
          windowOpensOn: null,
          windowClosesOn: null,
          status: 'draft',
          questions: questionnaire.questions,
          createdBy: draft.createdBy,
        });
        records.push({
          idempotencyKey: `questionnaireCreated:${questionnaireId}`,
          organizationId: draft.organizationId,
          experimentId: draft.id,
          event: 'questionnaireCreated',
          actorId: draft.createdBy,
          details: { questionnaireId, title: questionnaire.title, copied: true },
        });
      }
    });
    return records;
  }

  /**
   * Where a new draft comes from (its template, its original, the questionnaires copied), in
   * one transaction; idempotent by each record's key, so that it may be retried.
   */
  async recordDraftOrigin(records: DraftAuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      for (const record of records) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(AuditEventEntity)
          .values({
            ...record,
            fromState: 'draft',
            toState: 'draft',
            reason: null,
            occurredAt: new Date(),
          })
          .orIgnore()
          .execute();
      }
    });
  }

  /** Removes a draft whose workflow could not start (its copied questionnaires go with it). */
  async deleteDraft(id: string): Promise<void> {
    await this.dataSource.getRepository(ExperimentEntity).delete({ id, state: 'draft' });
  }

  async findById(id: string): Promise<ExperimentEntity | null> {
    return this.dataSource.getRepository(ExperimentEntity).findOne({ where: { id } });
  }

  async findPage(
    query: ListQuery<ExperimentListFilter>,
    scope: ReadScope,
  ): Promise<{ rows: ExperimentEntity[]; total: number }> {
    const qb = this.sorted(query, scope).offset(query.offset).limit(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total };
  }

  /**
   * The experiments of a list (filters, the reader's scope, the order), without paging:
   * the list reads one page of it, the export every row through a cursor.
   */
  sorted(query: Pick<ListQuery<ExperimentListFilter>, 'filter' | 'sort'>, scope: ReadScope) {
    const qb = this.dataSource.getRepository(ExperimentEntity).createQueryBuilder('e');
    const { filter } = query;
    applyExperimentScope(qb, 'e', scope);
    if (filter.organizationId)
      qb.andWhere('e.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.trackId) qb.andWhere('e.track_id = :trackId', { trackId: filter.trackId });
    if (filter.state) {
      // An empty list matches nothing (`IN ()` is not SQL), like the other resources' id lists.
      const states = ([] as (string | null)[]).concat(filter.state);
      qb.andWhere('e.state IN (:...states)', { states: states.length > 0 ? states : [null] });
    }
    if (filter.id) {
      const ids = ([] as (string | null)[]).concat(filter.id);
      qb.andWhere('e.id IN (:...ids)', { ids: ids.length > 0 ? ids : [null] });
    }
    if (filter.pilotId)
      qb.andWhere('e.pilot_ids @> ARRAY[CAST(:pilotId AS uuid)]', { pilotId: filter.pilotId });
    if (filter.sponsorId) qb.andWhere('e.sponsor_id = :sponsorId', { sponsorId: filter.sponsorId });
    if (filter.parentId) qb.andWhere('e.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.expiresBefore) {
      qb.andWhere("e.state = 'running' AND e.expires_at < :expiresBefore", {
        expiresBefore: filter.expiresBefore,
      });
    }
    if (filter.overdue === true) {
      qb.andWhere(
        "((e.state = 'evaluating' AND e.evaluation_due_at < now()) OR (e.state = 'deciding' AND e.decision_due_at < now()))",
      );
    }
    if (filter.awaitingLaunchApproval !== undefined)
      qb.andWhere(
        filter.awaitingLaunchApproval
          ? "e.state = 'draft' AND e.launch_requested_at IS NOT NULL"
          : "NOT (e.state = 'draft' AND e.launch_requested_at IS NOT NULL)",
      );
    if (filter.orphaned !== undefined)
      qb.andWhere(
        filter.orphaned ? orphanedExperimentCondition('e') : `NOT ${orphanedExperimentCondition('e')}`,
      );
    if (filter.q) {
      // The exact expression of the GIN index idx_experiments_search (accent-insensitive French).
      qb.andWhere(
        "to_tsvector('capacites_fr'::regconfig, e.title || ' ' || e.hypothesis) @@ websearch_to_tsquery('capacites_fr'::regconfig, :q)",
        { q: filter.q },
      );
    }
    return qb
      .orderBy(SORT_COLUMNS[query.sort.field] ?? 'e.createdAt', query.sort.order, 'NULLS LAST')
      .addOrderBy('e.id', 'ASC');
  }
}
