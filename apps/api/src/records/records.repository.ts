import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { isPlatformAdmin, type Principal } from '@capacites/domain';
import { ExperimentEntity } from '@capacites/persistence';
import { applyExperimentScope, readScope } from '../common/experiment-scope';
import type { ListQuery } from '../common/list-query';
import { asArray } from '../common/pagination';

/** The filters every experiment record accepts. */
export interface RecordFilter {
  experimentId?: string;
  organizationId?: string;
  id?: string | string[];
}

export interface RecordTable<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  alias: string;
  /** SQL column of the record's identifier (the experiment id for evaluations and decisions). */
  idColumn: string;
  /** Sortable fields → SQL columns. */
  sortable: Record<string, string>;
}

/**
 * Reads the records of experiments (check-ins, evaluations, decisions, audit events,
 * testimonies) through the experiment's read rule, in SQL: a record is visible exactly
 * when its experiment is. Administration events (no experiment) are for the platform
 * admin, and for HR of the organisation they concern.
 */
@Injectable()
export class RecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page<T extends ObjectLiteral>(
    table: RecordTable<T>,
    query: ListQuery<RecordFilter>,
    principal: Principal,
    extra?: (qb: ReturnType<RecordsRepository['scoped']>) => void,
  ): Promise<{ rows: T[]; total: number }> {
    const qb = this.sorted(table, query, principal, extra).offset(query.offset).limit(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return { rows: rows as T[], total };
  }

  /**
   * The records of a list (filters, the reader's scope, the order), without paging: the
   * list reads one page of it, the export every row through a cursor.
   */
  sorted<T extends ObjectLiteral>(
    table: RecordTable<T>,
    query: Pick<ListQuery<RecordFilter>, 'filter' | 'sort'>,
    principal: Principal,
    extra?: (qb: ReturnType<RecordsRepository['scoped']>) => void,
  ) {
    const qb = this.scoped(table, principal);
    const { filter } = query;
    const a = table.alias;
    if (filter.experimentId)
      qb.andWhere(`${a}.experiment_id = :experimentId`, { experimentId: filter.experimentId });
    if (filter.organizationId)
      qb.andWhere(`${a}.organization_id = :organizationId`, { organizationId: filter.organizationId });
    const ids = asArray(filter.id);
    if (ids) qb.andWhere(`${a}.${table.idColumn} IN (:...ids)`, { ids: ids.length > 0 ? ids : [null] });
    extra?.(qb);
    return qb
      .orderBy(table.sortable[query.sort.field] ?? `${a}.${table.idColumn}`, query.sort.order, 'NULLS LAST')
      .addOrderBy(`${a}.${table.idColumn}`, 'ASC');
  }

  async one<T extends ObjectLiteral>(
    table: RecordTable<T>,
    id: string,
    principal: Principal,
  ): Promise<T | null> {
    return (await this.scoped(table, principal)
      .andWhere(`${table.alias}.${table.idColumn} = :id`, { id })
      .getOne()) as T | null;
  }

  scoped<T extends ObjectLiteral>(table: RecordTable<T>, principal: Principal) {
    const a = table.alias;
    const qb = this.dataSource
      .getRepository(table.entity)
      .createQueryBuilder(a)
      .leftJoin(ExperimentEntity, 'e', `e.id = ${a}.experiment_id`);
    if (isPlatformAdmin(principal)) return qb;
    const hrOf = principal.memberships.filter((m) => m.role === 'hr').map((m) => m.organizationId);
    return qb.andWhere(
      new Brackets((where) => {
        where.where(
          new Brackets((ofExperiment) => {
            ofExperiment.where('e.id IS NOT NULL');
            applyExperimentScope(ofExperiment, 'e', readScope(principal));
          }),
        );
        if (hrOf.length > 0) {
          where.orWhere(`(${a}.experiment_id IS NULL AND ${a}.organization_id IN (:...hrOf))`, { hrOf });
        }
      }),
    );
  }
}
