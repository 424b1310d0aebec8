// Organisations and their people for the benchmarks, inserted in bulk through `pg`.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { ORGANIZATION_KINDS, type OrganizationKind, type Role } from '@capacites/domain';

export interface BenchOrganization {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  hr: string;
  codir: string;
  pilots: string[];
  sponsors: string[];
  members: string[];
}

export interface BenchUser {
  id: string;
  email: string;
  displayName: string;
  organizationId: string;
  role: Role;
}

const TOWNS = [
  'Nantes',
  'Rennes',
  'Brest',
  'Angers',
  'Tours',
  'Limoges',
  'Poitiers',
  'Dijon',
  'Besançon',
  'Metz',
  'Nancy',
  'Reims',
  'Amiens',
  'Rouen',
  'Caen',
  'Lille',
  'Lyon',
  'Grenoble',
  'Clermont',
  'Nîmes',
];

export function makeOrganizations(
  count: number,
  sizes: { pilots: number; sponsors: number; members: number },
): { organizations: BenchOrganization[]; users: BenchUser[] } {
  const organizations: BenchOrganization[] = [];
  const users: BenchUser[] = [];
  for (let o = 0; o < count; o++) {
    const id = randomUUID();
    const slug = `bench-${o + 1}-${id.slice(0, 6)}`;
    const person = (role: Role, n: number): string => {
      const userId = randomUUID();
      users.push({
        id: userId,
        email: `${role}-${n}@${slug}.bench`,
        displayName: `${role} ${n} (${TOWNS[o % TOWNS.length]})`,
        organizationId: id,
        role,
      });
      return userId;
    };
    organizations.push({
      id,
      slug,
      name: `${ORGANIZATION_KINDS[o % ORGANIZATION_KINDS.length]} ${TOWNS[o % TOWNS.length]} ${o + 1}`,
      kind: ORGANIZATION_KINDS[o % ORGANIZATION_KINDS.length],
      hr: person('hr', 1),
      codir: person('codir', 1),
      pilots: Array.from({ length: sizes.pilots }, (_, n) => person('pilot', n + 1)),
      sponsors: Array.from({ length: sizes.sponsors }, (_, n) => person('sponsor', n + 1)),
      members: Array.from({ length: sizes.members }, (_, n) => person('member', n + 1)),
    });
  }
  return { organizations, users };
}

/** One multi-row INSERT per table (arrays unnested by PostgreSQL). */
export async function insertPeople(
  pool: Pool,
  organizations: BenchOrganization[],
  users: BenchUser[],
  passwordHash: string | null,
): Promise<void> {
  await pool.query(
    `INSERT INTO organizations (id, slug, name, kind)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
    [
      organizations.map((o) => o.id),
      organizations.map((o) => o.slug),
      organizations.map((o) => o.name),
      organizations.map((o) => o.kind),
    ],
  );
  await pool.query(
    `INSERT INTO users (id, email, display_name, password_hash)
     SELECT id, email, name, $4::text FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, email, name)`,
    [users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.displayName), passwordHash],
  );
  await pool.query(
    `INSERT INTO memberships (user_id, organization_id, role)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
    [users.map((u) => u.id), users.map((u) => u.organizationId), users.map((u) => u.role)],
  );
}
