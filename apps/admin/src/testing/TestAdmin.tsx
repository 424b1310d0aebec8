import type { Role } from '@capacites/domain';
import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import {
  AdminContext,
  RecordContextProvider,
  ResourceContextProvider,
  type AuthProvider,
  type DataProvider,
} from 'react-admin';
import { i18nProvider } from '../i18n';

/** A fake data provider: every method rejects unless a test gives it. */
export function fakeDataProvider(overrides: Record<string, unknown> = {}): DataProvider {
  const reject = (name: string) => () => Promise.reject(new Error(`unexpected ${name}`));
  const methods = [
    'getList',
    'getOne',
    'getMany',
    'getManyReference',
    'create',
    'update',
    'updateMany',
    'delete',
    'deleteMany',
  ];
  return {
    ...Object.fromEntries(methods.map((name) => [name, jest.fn(reject(name))])),
    // Names of organisations and users are looked up everywhere: none by default.
    getMany: jest.fn(() => Promise.resolve({ data: [] })),
    ...overrides,
  } as unknown as DataProvider;
}

/** A signed-in user with these memberships, as the real authProvider reports them. */
export function fakeAuthProvider(
  userId: string,
  memberships: { organizationId: string; role: Role }[],
): AuthProvider {
  return {
    login: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    checkAuth: () => Promise.resolve(),
    checkError: () => Promise.resolve(),
    getIdentity: () => Promise.resolve({ id: userId, fullName: userId }),
    getPermissions: () => Promise.resolve(memberships),
  };
}

/** react-admin's contexts (French messages, a fake API) around a component under test. */
export const TestAdmin = ({
  children,
  dataProvider = fakeDataProvider(),
  authProvider,
  record,
  resource = 'experiments',
}: {
  children: ReactNode;
  dataProvider?: DataProvider;
  authProvider?: AuthProvider;
  record?: object;
  resource?: string;
}) => {
  // A failed request fails the test's screen at once: no retries with back-off.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
  );
  return (
    <AdminContext
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      queryClient={queryClient}
    >
      <ResourceContextProvider value={resource}>
        {record ? <RecordContextProvider value={record}>{children}</RecordContextProvider> : children}
      </ResourceContextProvider>
    </AdminContext>
  );
};
