import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { OrganizationEntity } from '@capacites/persistence';
import { isPlatformAdmin, type Principal } from '@capacites/domain';
import type { ListQuery } from '../common/list-query';

export interface OrganizationResponse {
  id: string;
  slug: string;
  name: string;
  kind: string;
  timeZone: string;
}

const toResponse = (entity: OrganizationEntity): OrganizationResponse => ({
  id: entity.id,
  slug: entity.slug,
  name: entity.name,
  kind: entity.kind,
  timeZone: entity.timeZone,
});

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's own organisations (every one for the platform admin). */
  async list(
    query: ListQuery<{ id?: string | string[] }>,
    principal: Principal,
  ): Promise<{ data: OrganizationResponse[]; total: number }> {
    const own = isPlatformAdmin(principal) ? undefined : principal.memberships.map((m) => m.organizationId);
    const asked = query.filter.id === undefined ? undefined : ([] as string[]).concat(query.filter.id);
    const ids = own && asked ? asked.filter((id) => own.includes(id)) : (asked ?? own);
    const [rows, total] = await this.dataSource.getRepository(OrganizationEntity).findAndCount({
      where: ids ? { id: In(ids) } : {},
      order: { name: query.sort.order, id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return { data: rows.map(toResponse), total };
  }
}
