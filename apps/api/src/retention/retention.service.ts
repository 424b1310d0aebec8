import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  addRetentionCounts,
  effectiveRetentionDays,
  isPlatformAdmin,
  RETENTION_DEFAULT_DAYS,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  rolesIn,
  ZERO_RETENTION_COUNTS,
  type ErasureReport,
  type Principal,
  type RetentionPreview,
  type RetentionRun,
  type RetentionSettings,
} from '@capacites/domain';
import {
  eraseUser,
  findRetentionCandidates,
  OrganizationEntity,
  pseudonymiseExperiment,
  UserEntity,
} from '@capacites/persistence';
import { recordAdminEvent } from '../common/admin-audit';
import { RefusalException, ResourceException } from '../common/app.exception';

/**
 * Retention settings, dry run and last runs of an organisation, and the erasure of an account
 * (issue 17, item 3). The writes of the retention itself are the worker's (the Schedule);
 * both go through the same use cases of libs/persistence.
 */
@Injectable()
export class RetentionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Platform admin, or HR of the organisation; another organisation's people: 404. */
  private async assertManager(principal: Principal, organizationId: string): Promise<OrganizationEntity> {
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: organizationId });
    const roles = rolesIn(principal, organizationId);
    if (!organization || (!isPlatformAdmin(principal) && roles.length === 0))
      throw ResourceException.notFound('organization');
    if (!isPlatformAdmin(principal) && !roles.includes('hr'))
      throw ResourceException.forbidden('manageRetention', ['admin', 'hr']);
    return organization;
  }

  private settingsOf(organization: OrganizationEntity): RetentionSettings {
    return {
      organizationId: organization.id,
      retentionDays: effectiveRetentionDays(organization.retentionDays),
      custom: organization.retentionDays !== null,
      defaultDays: RETENTION_DEFAULT_DAYS,
      minDays: RETENTION_MIN_DAYS,
      maxDays: RETENTION_MAX_DAYS,
    };
  }

  async settings(organizationId: string, principal: Principal): Promise<RetentionSettings> {
    return this.settingsOf(await this.assertManager(principal, organizationId));
  }

  /** Changes the period (null: back to the default), audited with the old and new values. */
  async setSettings(
    organizationId: string,
    retentionDays: number | null,
    principal: Principal,
  ): Promise<RetentionSettings> {
    const organization = await this.assertManager(principal, organizationId);
    if (organization.retentionDays === retentionDays) return this.settingsOf(organization);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(OrganizationEntity, { id: organizationId }, { retentionDays });
      await recordAdminEvent(manager, {
        organizationId,
        event: 'organization.retentionChanged',
        actorId: principal.userId,
        details: {
          retentionDays: {
            from: effectiveRetentionDays(organization.retentionDays),
            to: effectiveRetentionDays(retentionDays),
          },
          custom: { from: organization.retentionDays !== null, to: retentionDays !== null },
        },
      });
    });
    return this.settingsOf({ ...organization, retentionDays });
  }

  /** Dry run: what the next run would do in this organisation, with counts; nothing written. */
  async preview(organizationId: string, principal: Principal, now = new Date()): Promise<RetentionPreview> {
    const organization = await this.assertManager(principal, organizationId);
    const { due, upcoming } = await findRetentionCandidates(this.dataSource, {
      now,
      organizationId,
      dueLimit: 200,
      upcomingLimit: 10,
    });
    const items = [];
    let totals = { ...ZERO_RETENTION_COUNTS };
    for (const candidate of due) {
      const pass = await pseudonymiseExperiment(this.dataSource, candidate.experimentId, { now, dryRun: true });
      items.push({ ...candidate, counts: pass.counts });
      totals = addRetentionCounts(totals, pass.counts);
    }
    return {
      organizationId,
      retentionDays: effectiveRetentionDays(organization.retentionDays),
      now: now.toISOString(),
      due: items,
      totals,
      upcoming,
    };
  }

  /** The last retention records of the organisation (one per test pseudonymised). */
  async runs(organizationId: string, principal: Principal): Promise<RetentionRun[]> {
    await this.assertManager(principal, organizationId);
    const rows = (await this.dataSource.query(
      `SELECT id::text AS id, experiment_id AS "experimentId", occurred_at AS "occurredAt", details
         FROM audit_events
        WHERE chain_key = $1 AND event = 'retention.pseudonymised'
        ORDER BY chain_seq DESC LIMIT 50`,
      [organizationId],
    )) as { id: string; experimentId: string | null; occurredAt: Date; details: Record<string, unknown> }[];
    return rows.map((row) => ({
      id: row.id,
      experimentId: row.experimentId,
      occurredAt: new Date(row.occurredAt).toISOString(),
      counts: {
        ...((row.details.counts as RetentionRun['counts']) ?? {}),
        workflowHistories: Number(row.details.workflowHistories ?? 0),
      },
    }));
  }

  /**
   * Erases a disabled account: the platform admin, or HR of one of its organisations. A dry
   * run counts; the erasure itself needs the account's email typed again.
   */
  async erase(
    userId: string,
    input: { dryRun: boolean; confirmEmail?: string },
    principal: Principal,
  ): Promise<ErasureReport> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user || user.pseudonymExperimentId) throw ResourceException.notFound('user');
    const memberships = (await this.dataSource.query(
      `SELECT organization_id AS id, role FROM memberships WHERE user_id = $1`,
      [userId],
    )) as { id: string; role: string }[];
    const organizations = memberships.map((m) => m.id);
    const admin = isPlatformAdmin(principal);
    const hrOf = organizations.some((o) => rolesIn(principal, o).includes('hr'));
    const sees = organizations.some((o) => rolesIn(principal, o).length > 0);
    // Erased already: no membership left; only the platform admin still finds it.
    if (!admin && !sees) throw ResourceException.notFound('user');
    // HR erases the accounts of its people, not a platform administrator's.
    if (!admin && (!hrOf || memberships.some((m) => m.role === 'admin')))
      throw ResourceException.forbidden('eraseAccount', ['admin', 'hr']);
    if (!user.erasedAt && !user.disabledAt)
      throw new RefusalException('conflict', 'ERASURE_ACCOUNT_ACTIVE', {});
    if (!input.dryRun && !user.erasedAt && input.confirmEmail?.trim().toLowerCase() !== user.email.toLowerCase())
      throw new RefusalException('invalid', 'ERASURE_CONFIRMATION_MISMATCH', { fields: ['confirmEmail'] }, [
        { field: 'confirmEmail', message: "the account's email, typed again" },
      ]);
    const result = await eraseUser(this.dataSource, userId, {
      now: new Date(),
      dryRun: input.dryRun,
      actorId: principal.userId,
    });
    return { userId, dryRun: input.dryRun, alreadyErased: result.alreadyErased, counts: result.counts };
  }
}
