import { randomUUID } from 'node:crypto';
import { hash } from 'argon2';
import type { DataSource } from 'typeorm';
import type { Role } from '@capacites/domain';
import { MembershipEntity, OrganizationEntity, UserEntity } from '@capacites/persistence';

export type OrganizationStub = Pick<OrganizationEntity, 'id' | 'slug' | 'name' | 'kind'> &
  Partial<Pick<OrganizationEntity, 'settings'>>;

/** Named stubs for the integration tests. */
export const organizationStub = {
  nantes: (): OrganizationStub => ({
    id: randomUUID(),
    slug: `nantes-${randomUUID().slice(0, 8)}`,
    name: 'Ville de Nantes',
    kind: 'commune',
  }),
};

export async function insertOrganization(
  db: DataSource,
  stub: OrganizationStub,
): Promise<OrganizationEntity> {
  await db.getRepository(OrganizationEntity).insert(stub);
  return db.getRepository(OrganizationEntity).findOneByOrFail({ id: stub.id });
}

export type TeamRole = 'pilot' | 'sponsor' | 'participant' | 'codir' | 'hr';

export type Team = Record<TeamRole, string> & {
  organization: OrganizationEntity;
  emails: Record<TeamRole, string>;
};

/** The password of every test user. */
export const TEST_PASSWORD = 'mot-de-passe-de-test';
let passwordHash: Promise<string> | undefined;

/** An organisation with one person per role of a test. */
export async function insertTeam(
  db: DataSource,
  stub: OrganizationStub = organizationStub.nantes(),
): Promise<Team> {
  const organization = await insertOrganization(db, stub);
  const people: Record<TeamRole, Role> = {
    pilot: 'pilot',
    sponsor: 'sponsor',
    participant: 'member',
    codir: 'codir',
    hr: 'hr',
  };
  passwordHash ??= hash(TEST_PASSWORD);
  const ids = {} as Record<TeamRole, string>;
  const emails = {} as Record<TeamRole, string>;
  for (const [name, role] of Object.entries(people) as [TeamRole, Role][]) {
    const id = randomUUID();
    const email = `${name}-${id.slice(0, 8)}@${stub.slug}.test`;
    await db
      .getRepository(UserEntity)
      .insert({ id, email, displayName: name, passwordHash: await passwordHash });
    await db.getRepository(MembershipEntity).insert({ userId: id, organizationId: organization.id, role });
    ids[name] = id;
    emails[name] = email;
  }
  return { ...ids, organization, emails };
}

/** A complete framing for PUT /api/experiments/:id, expiring on `expiresOn`. */
export function readyFramingBody(team: Team, expiresOn: string) {
  return {
    hypothesis: 'Un classeur partagé permet aux auxiliaires d’administrer les médicaments en autonomie.',
    scope: 'Deux équipes testeuses volontaires',
    criteria: [
      {
        id: 'errors',
        name: "Erreurs d'administration",
        method: 'Relevé mensuel',
        target: '0',
        coBuiltWithUsers: true,
      },
    ],
    pilotIds: [team.pilot],
    sponsorId: team.sponsor,
    participants: [{ userId: team.participant }],
    expiresOn,
    checkInCadenceDays: 14,
    exitPlan: { pilotWithdrawal: 'Fin du trimestre', takeover: 'La puéricultrice référente' },
  };
}

/** A date `days` days from today, as YYYY-MM-DD. */
export function dateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A platform admin (role `admin` in the given organisation). */
export async function insertAdmin(
  db: DataSource,
  organizationId: string,
): Promise<{ id: string; email: string }> {
  passwordHash ??= hash(TEST_PASSWORD);
  const id = randomUUID();
  const email = `admin-${id.slice(0, 8)}@plateforme.test`;
  await db
    .getRepository(UserEntity)
    .insert({ id, email, displayName: 'Admin', passwordHash: await passwordHash });
  await db.getRepository(MembershipEntity).insert({ userId: id, organizationId, role: 'admin' });
  return { id, email };
}
