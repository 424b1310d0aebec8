import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal, TrackCreateInput, TrackUpdateInput } from '@capacites/domain';
import {
  ExperimentEntity,
  ExperimentTemplateEntity,
  OrganizationEntity,
  TrackEntity,
} from '@capacites/persistence';
import { assertAdmin } from '../common/admin-access';
import { recordAdminEvent } from '../common/admin-audit';
import { ResourceException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/filters';
import { whereSharedOrOwn, whereUsableBy } from '../common/network-scope';
import { asArray } from '../common/pagination';

const ADMIN_ONLY = 'manageTracks';

export const toTrackResponse = (t: TrackEntity) => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  description: t.description,
  organizationId: t.organizationId,
  archived: t.archivedAt !== null,
  archivedAt: t.archivedAt?.toISOString() ?? null,
});
export type TrackResponse = ReturnType<typeof toTrackResponse>;

export interface TrackFilter {
  q?: string;
  organizationId?: string;
  archived?: boolean;
  id?: string | string[];
}

export const TRACK_SORT: Record<string, string> = { name: 't.name', slug: 't.slug' };

/** Lowercase ASCII slug from a name ("Micro-mobilité pro" → "micro-mobilite-pro"). */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'piste'
  );
}

/**
 * Tracks ("pistes"): the three of the source are shared by every organisation; admins add
 * others, shared or for one organisation. A track in use is archived, never deleted.
 */
@Injectable()
export class TracksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private visible(principal: Principal) {
    return whereSharedOrOwn(this.dataSource.getRepository(TrackEntity).createQueryBuilder('t'), 't', principal);
  }

  async list(query: ListQuery<TrackFilter>, principal: Principal) {
    const qb = this.visible(principal);
    const { filter } = query;
    // The tracks an organisation may use: the shared ones and its own.
    if (filter.organizationId) whereUsableBy(qb, 't', filter.organizationId);
    if (filter.archived !== undefined)
      qb.andWhere(filter.archived ? 't.archived_at IS NOT NULL' : 't.archived_at IS NULL');
    if (filter.q) qb.andWhere('unaccent(t.name) ILIKE unaccent(:q)', { q: `%${escapeLike(filter.q)}%` });
    const ids = asArray(filter.id);
    if (ids) qb.andWhere('t.id IN (:...ids)', { ids: ids.length ? ids : [null] });
    const [rows, total] = await qb
      .orderBy(TRACK_SORT[query.sort.field] ?? 't.name', query.sort.order)
      .addOrderBy('t.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return { data: rows.map(toTrackResponse), total };
  }

  async findOne(id: string, principal: Principal): Promise<TrackResponse> {
    const row = await this.visible(principal).andWhere('t.id = :id', { id }).getOne();
    if (!row) throw ResourceException.notFound('track');
    return toTrackResponse(row);
  }

  async create(input: TrackCreateInput, principal: Principal): Promise<TrackResponse> {
    assertAdmin(principal, ADMIN_ONLY);
    if (
      input.organizationId &&
      !(await this.dataSource.getRepository(OrganizationEntity).existsBy({ id: input.organizationId }))
    ) {
      throw ResourceException.referenceNotFound('organizationId', 'ORGANIZATION_NOT_FOUND');
    }
    const slug = input.slug ?? slugify(input.name);
    if (await this.dataSource.getRepository(TrackEntity).existsBy({ slug })) {
      throw ResourceException.conflict('SLUG_TAKEN', { slug });
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(TrackEntity, {
        id,
        slug,
        name: input.name,
        description: input.description,
        organizationId: input.organizationId,
        archivedAt: null,
      });
      await recordAdminEvent(manager, {
        organizationId: input.organizationId,
        event: 'track.created',
        actorId: principal.userId,
        details: { trackId: id, name: input.name, slug },
      });
    });
    return this.findOne(id, principal);
  }

  async update(id: string, input: TrackUpdateInput, principal: Principal): Promise<TrackResponse> {
    assertAdmin(principal, ADMIN_ONLY);
    const track = await this.dataSource.getRepository(TrackEntity).findOneBy({ id });
    if (!track) throw ResourceException.notFound('track');
    await this.dataSource.transaction(async (manager) => {
      const changes: Partial<TrackEntity> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.description !== undefined) changes.description = input.description;
      if (input.archived !== undefined)
        changes.archivedAt = input.archived ? (track.archivedAt ?? new Date()) : null;
      if (Object.keys(changes).length === 0) return;
      await manager.update(TrackEntity, { id }, changes);
      await recordAdminEvent(manager, {
        organizationId: track.organizationId,
        event: input.archived === true ? 'track.archived' : 'track.updated',
        actorId: principal.userId,
        details: { trackId: id, changes: input },
      });
    });
    return this.findOne(id, principal);
  }

  /** Deletes an unused track; one that experiments use must be archived instead (409). */
  async remove(id: string, principal: Principal): Promise<TrackResponse> {
    assertAdmin(principal, ADMIN_ONLY);
    const track = await this.dataSource.getRepository(TrackEntity).findOneBy({ id });
    if (!track) throw ResourceException.notFound('track');
    // Tests, and the templates that prefill tests of this track (they keep it: archive instead).
    const used =
      (await this.dataSource.getRepository(ExperimentEntity).countBy({ trackId: id })) +
      (await this.dataSource.getRepository(ExperimentTemplateEntity).countBy({ trackId: id }));
    if (used > 0) {
      throw ResourceException.conflict('TRACK_IN_USE', { count: used });
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(TrackEntity, { id });
      await recordAdminEvent(manager, {
        organizationId: track.organizationId,
        event: 'track.deleted',
        actorId: principal.userId,
        details: { trackId: id, name: track.name, slug: track.slug },
      });
    });
    return toTrackResponse(track);
  }
}
