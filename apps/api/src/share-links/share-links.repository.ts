import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ShareLinkKind } from '@capacites/domain';

export interface ShareLinkRow {
  id: string;
  organizationId: string;
  kind: ShareLinkKind;
  sessionId: string | null;
  recipient: string;
  expiresAt: Date;
  revokedAt: Date | null;
  openCount: number;
  lastOpenedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

const COLUMNS = `id, organization_id AS "organizationId", kind, session_id AS "sessionId", recipient,
  expires_at AS "expiresAt", revoked_at AS "revokedAt", open_count AS "openCount",
  last_opened_at AS "lastOpenedAt", created_by AS "createdBy", created_at AS "createdAt"`;

/** TypeORM answers an UPDATE … RETURNING as [rows, count] (PostgreSQL), an INSERT or SELECT as rows. */
function affected(result: unknown): number {
  return Array.isArray(result) && Array.isArray(result[0]) ? Number(result[1]) : (result as unknown[]).length;
}

@Injectable()
export class ShareLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    manager: EntityManager,
    row: Pick<
      ShareLinkRow,
      'id' | 'organizationId' | 'kind' | 'sessionId' | 'recipient' | 'expiresAt' | 'createdBy'
    > & {
      tokenHash: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO share_links (id, organization_id, kind, session_id, recipient, token_hash, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        row.id,
        row.organizationId,
        row.kind,
        row.sessionId,
        row.recipient,
        row.tokenHash,
        row.expiresAt,
        row.createdBy,
      ],
    );
  }

  async findById(id: string): Promise<ShareLinkRow | null> {
    const rows: ShareLinkRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM share_links WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findByTokenHash(tokenHash: string): Promise<ShareLinkRow | null> {
    const rows: ShareLinkRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM share_links WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async page(
    organizationIds: string[] | 'all',
    filter: { organizationId?: string; kind?: string; sessionId?: string; ids?: string[] },
    sort: { column: string; order: 'ASC' | 'DESC' },
    offset: number,
    limit: number,
  ): Promise<{ rows: ShareLinkRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (organizationIds !== 'all') add((n) => `organization_id = ANY($${n}::uuid[])`, organizationIds);
    if (filter.organizationId) add((n) => `organization_id = $${n}`, filter.organizationId);
    if (filter.kind) add((n) => `kind = $${n}`, filter.kind);
    if (filter.sessionId) add((n) => `session_id = $${n}`, filter.sessionId);
    if (filter.ids) add((n) => `id = ANY($${n}::uuid[])`, filter.ids);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM share_links ${clause}`,
      params,
    );
    const rows: ShareLinkRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM share_links ${clause} ORDER BY ${sort.column} ${sort.order}, id ${sort.order}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { rows, total };
  }

  /** Revokes once: false when it was revoked already. */
  async revoke(manager: EntityManager, id: string, by: string): Promise<boolean> {
    const rows = await manager.query(
      `UPDATE share_links SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id, by],
    );
    return affected(rows) === 1;
  }

  async countOpening(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE share_links SET open_count = open_count + 1, last_opened_at = now() WHERE id = $1`,
      [id],
    );
  }

  async session(id: string): Promise<{ organizationId: string; title: string; heldOn: string } | null> {
    const rows = await this.dataSource.query(
      `SELECT organization_id AS "organizationId", title, to_char(held_on, 'YYYY-MM-DD') AS "heldOn"
         FROM committee_sessions WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async organization(id: string): Promise<{ name: string; timeZone: string } | null> {
    const rows = await this.dataSource.query(
      `SELECT name, time_zone AS "timeZone" FROM organizations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
