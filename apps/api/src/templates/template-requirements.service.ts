import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  canManageTemplates,
  isPlatformAdmin,
  rolesIn,
  type Principal,
  type TemplateRequirementCreateInput,
  type TemplateRequirementResponse,
} from '@capacites/domain';
import { OrganizationEntity, TemplateRequirementEntity, TrackEntity } from '@capacites/persistence';
import { recordAdminEvent } from '../common/admin-audit';
import { RefusalException, ResourceException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { asArray } from '../common/pagination';

export interface TemplateRequirementFilter {
  organizationId?: string;
  trackId?: string;
  id?: string | string[];
}

export const TEMPLATE_REQUIREMENT_SORT: Record<string, string> = { createdAt: 'r.createdAt' };

const toResponse = (r: TemplateRequirementEntity): TemplateRequirementResponse => ({
  id: r.id,
  organizationId: r.organizationId,
  trackId: r.trackId,
  createdAt: r.createdAt.toISOString(),
});

/**
 * "This organisation requires a template for this track": read by its members, set and
 * lifted by its HR or the platform admin, audited.
 */
@Injectable()
export class TemplateRequirementsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private visible(principal: Principal) {
    const qb = this.dataSource.getRepository(TemplateRequirementEntity).createQueryBuilder('r');
    if (!isPlatformAdmin(principal)) {
      const own = [...new Set(principal.memberships.map((m) => m.organizationId))];
      qb.andWhere('r.organization_id IN (:...own)', { own: own.length ? own : [null] });
    }
    return qb;
  }

  async list(query: ListQuery<TemplateRequirementFilter>, principal: Principal) {
    const qb = this.visible(principal);
    const { filter } = query;
    if (filter.organizationId) qb.andWhere('r.organization_id = :org', { org: filter.organizationId });
    if (filter.trackId) qb.andWhere('r.track_id = :trackId', { trackId: filter.trackId });
    const ids = asArray(filter.id);
    if (ids) qb.andWhere('r.id IN (:...ids)', { ids: ids.length ? ids : [null] });
    const [rows, total] = await qb
      .orderBy(TEMPLATE_REQUIREMENT_SORT[query.sort.field] ?? 'r.createdAt', query.sort.order)
      .addOrderBy('r.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return { data: rows.map(toResponse), total };
  }

  async findOne(id: string, principal: Principal): Promise<TemplateRequirementResponse> {
    const row = await this.visible(principal).andWhere('r.id = :id', { id }).getOne();
    if (!row) throw ResourceException.notFound('template requirement');
    return toResponse(row);
  }

  async create(
    input: TemplateRequirementCreateInput,
    principal: Principal,
  ): Promise<TemplateRequirementResponse> {
    const { organizationId, trackId } = input;
    const known = isPlatformAdmin(principal) || rolesIn(principal, organizationId).length > 0;
    if (!known || !(await this.dataSource.getRepository(OrganizationEntity).existsBy({ id: organizationId })))
      throw ResourceException.referenceNotFound('organizationId', 'ORGANIZATION_NOT_FOUND');
    if (!canManageTemplates(principal, organizationId))
      throw ResourceException.forbidden('manageTemplates', ['admin', 'hr']);
    const track = await this.dataSource.getRepository(TrackEntity).findOneBy({ id: trackId });
    if (!track || (track.organizationId !== null && track.organizationId !== organizationId)) {
      throw new RefusalException('invalid', 'TRACK_NOT_FOUND', {}, [
        { field: 'trackId', message: 'no such track for this organization' },
      ]);
    }
    const id = randomUUID();
    const inserted = await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(TemplateRequirementEntity)
        .values({ id, organizationId, trackId, createdBy: principal.userId })
        .orIgnore()
        .returning(['id'])
        .execute();
      // The unique (organisation, track) pair: a second request for it changes nothing.
      if ((result.raw as unknown[]).length === 0) return false;
      await recordAdminEvent(manager, {
        organizationId,
        event: 'templateRequirement.created',
        actorId: principal.userId,
        details: { requirementId: id, trackId },
      });
      return true;
    });
    if (!inserted) throw ResourceException.conflict('TEMPLATE_REQUIREMENT_EXISTS', { trackId });
    return this.findOne(id, principal);
  }

  async remove(id: string, principal: Principal): Promise<TemplateRequirementResponse> {
    const row = await this.visible(principal).andWhere('r.id = :id', { id }).getOne();
    if (!row) throw ResourceException.notFound('template requirement');
    if (!canManageTemplates(principal, row.organizationId))
      throw ResourceException.forbidden('manageTemplates', ['admin', 'hr']);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(TemplateRequirementEntity, { id });
      await recordAdminEvent(manager, {
        organizationId: row.organizationId,
        event: 'templateRequirement.deleted',
        actorId: principal.userId,
        details: { requirementId: id, trackId: row.trackId },
      });
    });
    return toResponse(row);
  }
}
