import { DateField, useGetManyAggregate, useLocaleState, useRecordContext } from 'react-admin';
import { formattingLocale } from '../i18n';
import { DEFAULT_TIME_ZONE, type Organization } from './types';

interface OrganizationDateFieldProps {
  source: string;
  /** Read by SimpleShowLayout and DataTable for the column header. */
  label?: string;
  showTime?: boolean;
}

/**
 * A date shown in the time zone of the record's organisation (DOMAIN.md: dates are
 * shown in the organisation's time zone, so an expiry date reads as the right day
 * wherever the reader is). Uses the same batched query as a ReferenceField to
 * organizations, so it costs no extra request.
 */
export const OrganizationDateField = ({ source, showTime = false }: OrganizationDateFieldProps) => {
  const record = useRecordContext<{ organizationId?: string }>();
  const [locale] = useLocaleState();
  const organizationId = record?.organizationId;
  const { data } = useGetManyAggregate<Organization>(
    'organizations',
    { ids: organizationId ? [organizationId] : [] },
    { enabled: Boolean(organizationId) },
  );
  const timeZone = data?.[0]?.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <DateField
      source={source}
      showTime={showTime}
      locales={formattingLocale(locale)}
      options={{
        timeZone,
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        ...(showTime ? { hour: '2-digit', minute: '2-digit' } : {}),
      }}
      emptyText="—"
    />
  );
};
