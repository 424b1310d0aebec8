import UserIcon from '@mui/icons-material/PeopleOutline';
import { lazy } from 'react';

export type { User } from './types';

// Administration screens load on first use: most users never open them.
export const users = {
  list: lazy(() => import('./UserList').then((m) => ({ default: m.UserList }))),
  create: lazy(() => import('./UserCreate').then((m) => ({ default: m.UserCreate }))),
  edit: lazy(() => import('./UserEdit').then((m) => ({ default: m.UserEdit }))),
  icon: UserIcon,
  recordRepresentation: 'displayName',
};
