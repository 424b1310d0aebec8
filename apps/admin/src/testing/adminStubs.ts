import { DEFAULT_LIFECYCLE_SETTINGS } from '@capacites/domain';
import type { Organization } from '../organizations';
import type { Track } from '../tracks';
import type { User } from '../users';
import { stubIds } from './experimentStub';

/** Named stubs of the administration's records. */
export const organizationStub = {
  nantes: (customSettings: Organization['customSettings'] = {}): Organization => ({
    id: stubIds.organization,
    slug: 'nantes',
    name: 'Ville de Nantes',
    kind: 'commune',
    timeZone: 'Europe/Paris',
    settings: { ...DEFAULT_LIFECYCLE_SETTINGS, ...customSettings },
    customSettings,
    createdAt: '2026-01-01T00:00:00.000Z',
  }),
};

export const trackStub = {
  inUse: (): Track => ({
    id: '88888888-8888-4888-8888-888888888888',
    slug: 'initiatives-spontanees',
    name: 'Initiatives spontanées',
    description: 'Laisser les agents agir dans leur périmètre sans demander la permission.',
    organizationId: null,
    archived: false,
    archivedAt: null,
  }),
};

export const userStub = {
  admin: (): User => ({
    id: stubIds.admin,
    email: 'admin@plateforme.test',
    displayName: 'Admin',
    disabled: false,
    oidcAllowed: false,
    oidcLinked: false,
    memberships: [{ organizationId: stubIds.organization, role: 'admin' }],
    createdAt: '2026-01-01T00:00:00.000Z',
  }),
};

/** The memberships of a platform admin, for fakeAuthProvider. */
export const adminMemberships = [{ organizationId: stubIds.organization, role: 'admin' as const }];
