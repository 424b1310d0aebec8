import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OrganizationEntity } from '@capacites/persistence';

export type OrganizationStub = Pick<OrganizationEntity, 'id' | 'slug' | 'name' | 'kind'>;

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
