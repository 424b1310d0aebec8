import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'argon2';
import { DataSource, In, IsNull, QueryFailedError, type EntityManager } from 'typeorm';
import {
  isPlatformAdmin,
  type Principal,
  type Role,
  type UserCreateInput,
  type UserUpdateInput,
} from '@capacites/domain';
import { MembershipEntity, OrganizationEntity, SessionEntity, UserEntity } from '@capacites/persistence';
import { assertAdmin } from '../common/admin-access';
import { recordAdminEvent } from '../common/admin-audit';
import { ResourceException, type RefusalException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/filters';
import { asArray } from '../common/pagination';
import { OrphansService } from '../orphans/orphans.service';

const ADMIN_ONLY = 'manageAccounts';

export interface UserResponse {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  /** Erased (issue 17): names no one any more, cannot be enabled again. */
  erased: boolean;
  /** The account may be linked to a ProConnect identity on its first login through it. */
  oidcAllowed: boolean;
  /** It is linked to one (issuer, subject): only that identity opens it. */
  oidcLinked: boolean;
  /** Only the memberships in the caller's organisations (all of them for the admin). */
  memberships: { organizationId: string; role: Role }[];
  createdAt: string;
}

export interface UserFilter {
  q?: string;
  organizationId?: string;
  role?: Role;
  disabled?: boolean;
  id?: string | string[];
}

export const USER_SORT: Record<string, string> = {
  displayName: 'u.display_name',
  email: 'u.email',
  createdAt: 'u.created_at',
};

/**
 * Users and their roles per organisation. Everyone sees the people of their own
 * organisations (to name pilots, sponsors, participants); only the platform admin
 * creates, changes and disables accounts. Nobody learns of another organisation's people.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orphans: OrphansService,
  ) {}

  async list(query: ListQuery<UserFilter>, principal: Principal) {
    const own = ownOrganizations(principal);
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    const { filter } = query;
    if (own !== 'all' || filter.organizationId || filter.role) {
      const orgs =
        own === 'all' ? null : filter.organizationId ? own.filter((o) => o === filter.organizationId) : own;
      const params: Record<string, unknown> = {};
      let where = 'm.user_id = u.id';
      if (orgs) {
        where += ' AND m.organization_id IN (:...orgs)';
        params.orgs = orgs.length ? orgs : [null];
      } else if (filter.organizationId) {
        where += ' AND m.organization_id = :org';
        params.org = filter.organizationId;
      }
      if (filter.role) {
        where += ' AND m.role = :role';
        params.role = filter.role;
      }
      qb.andWhere(`EXISTS (SELECT 1 FROM memberships m WHERE ${where})`, params);
    }
    // The pseudonymous accounts standing for a closed test's people are nobody to list (issue 17).
    qb.andWhere('u.pseudonym_experiment_id IS NULL');
    if (filter.disabled !== undefined)
      qb.andWhere(filter.disabled ? 'u.disabled_at IS NOT NULL' : 'u.disabled_at IS NULL');
    if (filter.q) {
      qb.andWhere('(unaccent(u.display_name) ILIKE unaccent(:q) OR u.email ILIKE :q)', {
        q: `%${escapeLike(filter.q)}%`,
      });
    }
    const ids = asArray(filter.id);
    if (ids) qb.andWhere('u.id IN (:...ids)', { ids: ids.length ? ids : [null] });
    const [rows, total] = await qb
      .orderBy(USER_SORT[query.sort.field] ?? 'u.display_name', query.sort.order)
      .addOrderBy('u.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return { data: await this.withMemberships(rows, own), total };
  }

  async findOne(id: string, principal: Principal): Promise<UserResponse> {
    const own = ownOrganizations(principal);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    const [response] = user ? await this.withMemberships([user], own) : [];
    // Another organisation's user does not exist for the caller; oneself always does.
    if (!response || (own !== 'all' && response.memberships.length === 0 && id !== principal.userId)) {
      throw ResourceException.notFound('user');
    }
    return response;
  }

  async create(input: UserCreateInput, principal: Principal): Promise<UserResponse> {
    assertAdmin(principal, ADMIN_ONLY);
    await this.assertOrganizationsExist(input.memberships.map((m) => m.organizationId));
    const id = randomUUID();
    const passwordHash = input.password ? await hash(input.password) : null;
    await emailConflictsAsTaken(input.email, () =>
      this.dataSource.transaction(async (manager) => {
        if (await emailTaken(manager, input.email)) throw emailTakenError(input.email);
        await manager.insert(UserEntity, {
          id,
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          disabledAt: null,
          oidcAllowed: input.oidcAllowed ?? !input.password,
        });
        await this.replaceMemberships(manager, id, input.memberships);
        await recordUserEvent(
          manager,
          principal,
          'user.created',
          organizationsOf(input.memberships),
          (org) => ({
            userId: id,
            email: input.email,
            memberships: inOrganization(input.memberships, org),
          }),
        );
      }),
    );
    return this.findOne(id, principal);
  }

  async update(id: string, input: UserUpdateInput, principal: Principal): Promise<UserResponse> {
    assertAdmin(principal, ADMIN_ONLY);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw ResourceException.notFound('user');
    if (user.erasedAt) throw ResourceException.conflict('ACCOUNT_ERASED', {});
    if (id === principal.userId) {
      // An admin cannot lock themself out.
      if (input.disabled === true) throw ResourceException.conflict('SELF_LOCKOUT', { change: 'disable' });
      if (input.memberships && !input.memberships.some((m) => m.role === 'admin')) {
        throw ResourceException.conflict('SELF_LOCKOUT', { change: 'adminRole' });
      }
    }
    if (input.memberships)
      await this.assertOrganizationsExist(input.memberships.map((m) => m.organizationId));
    const passwordHash = input.password ? await hash(input.password) : undefined;
    const before = await this.dataSource.getRepository(MembershipEntity).findBy({ userId: id });
    await emailConflictsAsTaken(input.email ?? user.email, () =>
      this.dataSource.transaction(async (manager) => {
        if (input.email && input.email.toLowerCase() !== user.email.toLowerCase()) {
          if (await emailTaken(manager, input.email)) throw emailTakenError(input.email);
        }
        const changes: Partial<UserEntity> = {};
        if (input.email !== undefined) changes.email = input.email;
        if (input.displayName !== undefined) changes.displayName = input.displayName;
        if (passwordHash !== undefined) changes.passwordHash = passwordHash;
        if (input.disabled !== undefined)
          changes.disabledAt = input.disabled ? (user.disabledAt ?? new Date()) : null;
        if (input.oidcAllowed !== undefined) changes.oidcAllowed = input.oidcAllowed;
        if (input.oidcUnlink === true)
          Object.assign(changes, { oidcIssuer: null, oidcSubject: null, oidcLinkedAt: null });
        if (Object.keys(changes).length > 0) await manager.update(UserEntity, { id }, changes);
        if (input.memberships) await this.replaceMemberships(manager, id, input.memberships);
        // A disabled account, a new password or other roles: its sessions end now.
        if (input.disabled === true || passwordHash !== undefined || input.memberships || input.oidcUnlink) {
          await manager.update(SessionEntity, { userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
        }
        // The audit says that the password changed, never what it is.
        const audited = { ...input };
        delete audited.password;
        const concerned = organizationsOf([...before, ...(input.memberships ?? [])]);
        await recordUserEvent(
          manager,
          principal,
          input.disabled === true ? 'user.disabled' : 'user.updated',
          concerned,
          (org) => ({
            userId: id,
            changes: input.memberships
              ? { ...audited, memberships: inOrganization(input.memberships, org) }
              : audited,
            passwordChanged: passwordHash !== undefined,
          }),
        );
      }),
    );
    // A pilot or sponsor disabled or gone from an organisation: HR is told about their tests now.
    if (input.disabled === true || input.memberships)
      await this.orphans.reportDepartures(id, principal.userId);
    return this.findOne(id, principal);
  }

  /** Users are never deleted (the audit names them): DELETE disables the account. */
  async disable(id: string, principal: Principal): Promise<UserResponse> {
    return this.update(id, { disabled: true }, principal);
  }

  private async replaceMemberships(
    manager: EntityManager,
    userId: string,
    memberships: { organizationId: string; role: Role }[],
  ): Promise<void> {
    await manager.delete(MembershipEntity, { userId });
    const unique = [...new Map(memberships.map((m) => [`${m.organizationId}:${m.role}`, m])).values()];
    if (unique.length > 0)
      await manager.insert(
        MembershipEntity,
        unique.map((m) => ({ ...m, userId })),
      );
  }

  private async assertOrganizationsExist(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await this.dataSource.getRepository(OrganizationEntity).countBy({ id: In(unique) });
    if (found !== unique.length) {
      throw ResourceException.referenceNotFound('memberships', 'ORGANIZATION_NOT_FOUND');
    }
  }

  private async withMemberships(users: UserEntity[], own: string[] | 'all'): Promise<UserResponse[]> {
    if (users.length === 0) return [];
    const memberships = await this.dataSource
      .getRepository(MembershipEntity)
      .findBy({ userId: In(users.map((u) => u.id)) });
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      disabled: u.disabledAt !== null,
      erased: u.erasedAt !== null,
      oidcAllowed: u.oidcAllowed,
      oidcLinked: u.oidcSubject !== null,
      memberships: memberships
        .filter((m) => m.userId === u.id && (own === 'all' || own.includes(m.organizationId)))
        .map((m) => ({ organizationId: m.organizationId, role: m.role }))
        .sort((a, b) => `${a.organizationId}${a.role}`.localeCompare(`${b.organizationId}${b.role}`)),
      createdAt: u.createdAt.toISOString(),
    }));
  }
}

function emailTakenError(email: string): RefusalException {
  return ResourceException.conflict('EMAIL_TAKEN', { email });
}

/**
 * Two concurrent writes of one address (in any case) both pass the check above; the unique
 * index on lower(email) refuses the second, which answers like the check would have.
 */
async function emailConflictsAsTaken<T>(email: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // Any unique violation on users here is the address: the id is a fresh random one.
    const driverError =
      error instanceof QueryFailedError ? (error.driverError as { code?: string; table?: string }) : null;
    if (driverError?.code === '23505' && driverError.table === 'users') throw emailTakenError(email);
    throw error;
  }
}

const organizationsOf = (memberships: { organizationId: string }[]): string[] => [
  ...new Set(memberships.map((m) => m.organizationId)),
];

const inOrganization = <M extends { organizationId: string }>(
  memberships: M[],
  organizationId: string | null,
) => (organizationId === null ? memberships : memberships.filter((m) => m.organizationId === organizationId));

/**
 * An account change is recorded once per organisation it concerns, each record holding
 * only that organisation's part: HR of one organisation reads its own people's history and
 * learns nothing of their roles elsewhere. An account of no organisation gets one
 * platform record (the admin's).
 */
async function recordUserEvent(
  manager: EntityManager,
  principal: Principal,
  event: string,
  organizationIds: string[],
  details: (organizationId: string | null) => Record<string, unknown>,
): Promise<void> {
  const targets: (string | null)[] = organizationIds.length > 0 ? organizationIds : [null];
  for (const organizationId of targets) {
    await recordAdminEvent(manager, {
      organizationId,
      event,
      actorId: principal.userId,
      details: details(organizationId),
    });
  }
}

async function emailTaken(manager: EntityManager, email: string): Promise<boolean> {
  const count = await manager
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .where('lower(u.email) = lower(:email)', { email })
    .getCount();
  return count > 0;
}

function ownOrganizations(principal: Principal): string[] | 'all' {
  return isPlatformAdmin(principal)
    ? 'all'
    : [...new Set(principal.memberships.map((m) => m.organizationId))];
}
