import OrganizationIcon from '@mui/icons-material/AccountBalanceOutlined';
import { lazy } from 'react';

export { OrganizationDateField } from './OrganizationDateField';
export { useOrganization, useOrganizationDateFormat, useOrganizationQuery } from './useOrganizationDates';
export { DEFAULT_TIME_ZONE, type Organization } from './types';

// Administration screens load on first use: most users never open them.
export const organizations = {
  list: lazy(() => import('./OrganizationList').then((m) => ({ default: m.OrganizationList }))),
  create: lazy(() => import('./OrganizationCreate').then((m) => ({ default: m.OrganizationCreate }))),
  edit: lazy(() => import('./OrganizationEdit').then((m) => ({ default: m.OrganizationEdit }))),
  icon: OrganizationIcon,
  recordRepresentation: 'name',
};
