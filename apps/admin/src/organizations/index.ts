import OrganizationIcon from '@mui/icons-material/AccountBalanceOutlined';
import { OrganizationList } from './OrganizationList';

export { OrganizationDateField } from './OrganizationDateField';
export { useOrganization, useOrganizationDateFormat, useOrganizationQuery } from './useOrganizationDates';
export { DEFAULT_TIME_ZONE, type Organization } from './types';

export const organizations = {
  list: OrganizationList,
  icon: OrganizationIcon,
  recordRepresentation: 'name',
};
