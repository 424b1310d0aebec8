import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import { lazy } from 'react';

export const serviceAccounts = {
  list: lazy(() => import('./ServiceAccountList').then((m) => ({ default: m.ServiceAccountList }))),
  create: lazy(() => import('./ServiceAccountCreate').then((m) => ({ default: m.ServiceAccountCreate }))),
  icon: KeyIcon,
  recordRepresentation: 'name',
};
