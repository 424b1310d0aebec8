import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { OrganizationEntity } from '@capacites/persistence';
import {
  isPlatformAdmin,
  resolveDigestSettings,
  resolveLifecycleSettings,
  type DigestSettings,
  type LifecycleSettings,
  type OrganizationCreateInput,
  type OrganizationUpdateInput,
  type Principal,
} from '@capacites/domain';
import { assertAdmin } from '../common/admin-access';
import { recordAdminEvent } from '../common/admin-audit';
import { ResourceException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { asArray } from '../common/pagination';
import { DigestSchedulesService } from '../digest/digest-schedules.service';

const ADMIN_ONLY = 'manageOrganizations';

export interface OrganizationResponse {
  id: string;
  slug: string;
  name: string;
  kind: string;
  timeZone: string;
  /** The effective lifecycle settings: the stored ones over the defaults. */
  settings: LifecycleSettings;
  /** Only what the organisation changed from the defaults. */
  customSettings: Record<string, unknown>;
  /** The effective digest settings, and what the organisation changed from the defaults. */
  digest: DigestSettings;
  customDigest: Record<string, unknown>;
  createdAt: string;
}

const toResponse = (entity: OrganizationEntity): OrganizationResponse => ({
  id: entity.id,
  slug: entity.slug,
  name: entity.name,
  kind: entity.kind,
  timeZone: entity.timeZone,
  settings: resolveLifecycleSettings(entity.settings, entity.timeZone),
  customSettings: entity.settings ?? {},
  digest: resolveDigestSettings(entity.digestSettings),
  customDigest: entity.digestSettings ?? {},
  createdAt: entity.createdAt.toISOString(),
});

export interface OrganizationFilter {
  id?: string | string[];
  kind?: string;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly digestSchedules: DigestSchedulesService,
  ) {}

  /** The caller's own organisations (every one for the platform admin). */
  async list(
    query: ListQuery<OrganizationFilter>,
    principal: Principal,
  ): Promise<{ data: OrganizationResponse[]; total: number }> {
    const own = isPlatformAdmin(principal) ? undefined : principal.memberships.map((m) => m.organizationId);
    const asked = asArray(query.filter.id);
    const ids = own && asked ? asked.filter((id) => own.includes(id)) : (asked ?? own);
    const [rows, total] = await this.dataSource.getRepository(OrganizationEntity).findAndCount({
      where: {
        ...(ids ? { id: In(ids) } : {}),
        ...(query.filter.kind ? { kind: query.filter.kind as OrganizationEntity['kind'] } : {}),
      },
      order: { [query.sort.field]: query.sort.order, id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return { data: rows.map(toResponse), total };
  }

  async findOne(id: string, principal: Principal): Promise<OrganizationResponse> {
    const member = isPlatformAdmin(principal) || principal.memberships.some((m) => m.organizationId === id);
    const row = member ? await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id }) : null;
    if (!row) throw ResourceException.notFound('organization');
    return toResponse(row);
  }

  async create(input: OrganizationCreateInput, principal: Principal): Promise<OrganizationResponse> {
    assertAdmin(principal, ADMIN_ONLY);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(OrganizationEntity).existsBy({ slug: input.slug })) {
        throw ResourceException.conflict('SLUG_TAKEN', { slug: input.slug });
      }
      const { digest, ...organization } = input;
      await manager.insert(OrganizationEntity, { id, ...organization, digestSettings: digest ?? {} });
      await recordAdminEvent(manager, {
        organizationId: id,
        event: 'organization.created',
        actorId: principal.userId,
        details: { ...input },
      });
      // Inside the transaction: a Temporal outage refuses the creation (503), nothing half-made.
      await this.digestSchedules.sync({ id, timeZone: input.timeZone, digestSettings: digest ?? {} });
    });
    return this.findOne(id, principal);
  }

  /**
   * Changes the organisation and its lifecycle settings. Running tests keep the settings
   * frozen at their launch; the new ones apply to the next launches.
   */
  async update(
    id: string,
    input: OrganizationUpdateInput,
    principal: Principal,
  ): Promise<OrganizationResponse> {
    assertAdmin(principal, ADMIN_ONLY);
    const row = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id });
    if (!row) throw ResourceException.notFound('organization');
    // Nothing to change (an empty body): no write, no audit record.
    if (Object.keys(input).length === 0) return this.findOne(id, principal);
    await this.dataSource.transaction(async (manager) => {
      const { digest, ...changes } = input;
      await manager.update(
        OrganizationEntity,
        { id },
        { ...changes, ...(digest ? { digestSettings: digest } : {}) },
      );
      await recordAdminEvent(manager, {
        organizationId: id,
        event: input.settings || input.digest ? 'organization.settingsChanged' : 'organization.updated',
        actorId: principal.userId,
        details: {
          before: {
            name: row.name,
            kind: row.kind,
            timeZone: row.timeZone,
            settings: row.settings,
            digest: row.digestSettings,
          },
          changes: input,
        },
      });
      // The Schedule follows the hour, the zone and the rhythm (paused when off); inside the
      // transaction, so that a Temporal outage refuses the change (503) and nothing is half-written.
      if (digest || input.timeZone)
        await this.digestSchedules.sync({
          id,
          timeZone: input.timeZone ?? row.timeZone,
          digestSettings: digest ?? row.digestSettings,
        });
    });
    return this.findOne(id, principal);
  }
}
