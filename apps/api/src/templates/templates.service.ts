import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  canManageTemplates,
  criterionLinkErrors,
  isPlatformAdmin,
  rolesIn,
  type Principal,
  type TemplateCreateInput,
  type TemplateResponse,
  type TemplateUpdateInput,
} from '@capacites/domain';
import { ExperimentTemplateEntity, OrganizationEntity, TrackEntity } from '@capacites/persistence';
import { recordAdminEvent } from '../common/admin-audit';
import { RefusalException, ResourceException, ValidationException } from '../common/app.exception';
import { escapeLike } from '../common/filters';
import { whereSharedOrOwn, whereUsableBy } from '../common/network-scope';
import type { ListQuery } from '../common/list-query';
import { asArray } from '../common/pagination';
import { toTemplateResponse } from './templates.repository';

export interface TemplateFilter {
  q?: string;
  organizationId?: string;
  trackId?: string;
  archived?: boolean;
  id?: string | string[];
}

export const TEMPLATE_SORT: Record<string, string> = {
  name: 't.name',
  updatedAt: 't.updatedAt',
  createdAt: 't.createdAt',
};

/** Whoever may not write a template of this owner: the roles that may. */
function assertManage(principal: Principal, organizationId: string | null): void {
  if (!canManageTemplates(principal, organizationId)) {
    throw ResourceException.forbidden(
      'manageTemplates',
      organizationId === null ? ['admin'] : ['admin', 'hr'],
    );
  }
}

/**
 * Test templates: everyone reads the shared ones and their organisations' own; the
 * platform admin writes the shared ones, HR its organisation's. Archived, never deleted.
 * Every change is audited (`template.created`, `template.updated`, `template.archived`…).
 */
@Injectable()
export class TemplatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private visible(principal: Principal): SelectQueryBuilder<ExperimentTemplateEntity> {
    return whereSharedOrOwn(this.dataSource.getRepository(ExperimentTemplateEntity).createQueryBuilder('t'), 't', principal);
  }

  async list(query: ListQuery<TemplateFilter>, principal: Principal) {
    const qb = this.visible(principal);
    const { filter } = query;
    // The templates an organisation may start from: the shared ones and its own.
    if (filter.organizationId) whereUsableBy(qb, 't', filter.organizationId);
    if (filter.trackId) qb.andWhere('t.track_id = :trackId', { trackId: filter.trackId });
    if (filter.archived !== undefined)
      qb.andWhere(filter.archived ? 't.archived_at IS NOT NULL' : 't.archived_at IS NULL');
    if (filter.q)
      qb.andWhere("unaccent(t.name || ' ' || t.description) ILIKE unaccent(:q)", {
        q: `%${escapeLike(filter.q)}%`,
      });
    const ids = asArray(filter.id);
    if (ids) qb.andWhere('t.id IN (:...ids)', { ids: ids.length ? ids : [null] });
    const [rows, total] = await qb
      .orderBy(TEMPLATE_SORT[query.sort.field] ?? 't.name', query.sort.order)
      .addOrderBy('t.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return { data: rows.map(toTemplateResponse), total };
  }

  async findOne(id: string, principal: Principal): Promise<TemplateResponse> {
    const row = await this.visible(principal).andWhere('t.id = :id', { id }).getOne();
    if (!row) throw ResourceException.notFound('template');
    return toTemplateResponse(row);
  }

  async create(input: TemplateCreateInput, principal: Principal): Promise<TemplateResponse> {
    const organizationId = input.organizationId;
    if (organizationId !== null) {
      // Another organisation does not exist for the caller (the admin sees them all).
      const known = isPlatformAdmin(principal) || rolesIn(principal, organizationId).length > 0;
      if (
        !known ||
        !(await this.dataSource.getRepository(OrganizationEntity).existsBy({ id: organizationId }))
      )
        throw ResourceException.referenceNotFound('organizationId', 'ORGANIZATION_NOT_FOUND');
    }
    assertManage(principal, organizationId);
    await this.assertTrackFor(input.trackId, organizationId);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ExperimentTemplateEntity, {
        id,
        organizationId,
        trackId: input.trackId,
        name: input.name,
        description: input.description,
        hypothesis: input.hypothesis,
        vision: input.vision,
        scope: input.scope,
        criteria: input.criteria,
        durationDays: input.durationDays,
        checkInCadenceDays: input.checkInCadenceDays,
        exitPlan: input.exitPlan,
        questionnaires: input.questionnaires,
        archivedAt: null,
        createdBy: principal.userId,
      });
      await recordAdminEvent(manager, {
        organizationId,
        event: 'template.created',
        actorId: principal.userId,
        details: { templateId: id, name: input.name, trackId: input.trackId },
      });
    });
    return this.findOne(id, principal);
  }

  async update(id: string, input: TemplateUpdateInput, principal: Principal): Promise<TemplateResponse> {
    const row = await this.visible(principal).andWhere('t.id = :id', { id }).getOne();
    if (!row) throw ResourceException.notFound('template');
    const template = toTemplateResponse(row);
    assertManage(principal, template.organizationId);
    if (input.trackId !== undefined && input.trackId !== template.trackId)
      await this.assertTrackFor(input.trackId, template.organizationId);
    // A question's criterion among the criteria the template will have after this edit.
    const links = criterionLinkErrors(
      input.criteria ?? template.criteria,
      input.questionnaires ?? template.questionnaires,
    );
    if (links.length > 0)
      throw new ValidationException(links.map(({ path, message }) => ({ field: path.join('.'), message })));
    const { archived, ...fields } = input;
    const changes: Partial<ExperimentTemplateEntity> = { ...fields };
    if (archived !== undefined && archived !== template.archived)
      changes.archivedAt = archived ? new Date() : null;
    if (Object.keys(changes).length === 0) return template;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        ExperimentTemplateEntity,
        { id },
        changes as QueryDeepPartialEntity<ExperimentTemplateEntity>,
      );
      await recordAdminEvent(manager, {
        organizationId: template.organizationId,
        event:
          archived === true && !template.archived
            ? 'template.archived'
            : archived === false && template.archived
              ? 'template.restored'
              : 'template.updated',
        actorId: principal.userId,
        details: { templateId: id, fields: Object.keys(input) },
      });
    });
    return this.findOne(id, principal);
  }

  /** A template's track is one its organisation may use (shared, or its own), not archived. */
  private async assertTrackFor(trackId: string, organizationId: string | null): Promise<void> {
    const track = await this.dataSource.getRepository(TrackEntity).findOneBy({ id: trackId });
    const usable =
      track !== null &&
      track.archivedAt === null &&
      (track.organizationId === null || track.organizationId === organizationId);
    if (!usable) {
      // A reference to no usable track: not found (404), the field named.
      throw new RefusalException('not_found', 'TRACK_NOT_FOUND', {}, [
        {
          field: 'trackId',
          message:
            organizationId === null
              ? 'a shared template needs a shared, active track'
              : 'no such active track for this organization',
        },
      ]);
    }
  }
}
