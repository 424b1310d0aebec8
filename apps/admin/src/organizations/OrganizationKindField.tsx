import { useRecordContext, useTranslate } from 'react-admin';
import type { Organization } from './types';

/** The kind of administration (commune, EPCI…), translated. */
export const OrganizationKindField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Organization>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{translate(`resources.organizations.kinds.${record.kind}`, { _: record.kind })}</>;
};
