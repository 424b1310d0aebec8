import { useGetManyAggregate, useTranslate } from 'react-admin';

interface User {
  id: string;
  displayName?: string;
  email?: string;
}

/** A person's name as text, batched with every other lookup of users on the page. */
export function useUserDisplayName(id: string | null | undefined): string {
  const translate = useTranslate();
  const { data } = useGetManyAggregate<User>(
    'users',
    { ids: id ? [id] : [] },
    { enabled: Boolean(id), retry: false },
  );
  if (!id) return translate('app.events.system');
  const user = data?.[0];
  // Until the users endpoint answers, a short id keeps people apart.
  return user?.displayName ?? user?.email ?? `#${id.slice(0, 8)}`;
}

/** A person's name, batched with every other lookup of users on the page. */
export const UserName = ({ id }: { id: string | null | undefined }) => <>{useUserDisplayName(id)}</>;
