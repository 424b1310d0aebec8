import { useGetManyAggregate, useLocaleState } from 'react-admin';
import { formattingLocale } from '../i18n';
import { DEFAULT_TIME_ZONE, type Organization } from './types';

/** The organisation's record (batched with every other read of organisations). */
export function useOrganization(organizationId: string | undefined): Organization | undefined {
  const { data } = useGetManyAggregate<Organization>(
    'organizations',
    { ids: organizationId ? [organizationId] : [] },
    { enabled: Boolean(organizationId) },
  );
  return data?.[0];
}

/** Formats instants as days ("12 mars 2026") in the organisation's time zone and the UI locale. */
export function useOrganizationDateFormat(organizationId: string | undefined) {
  const organization = useOrganization(organizationId);
  const [locale] = useLocaleState();
  const timeZone = organization?.timeZone ?? DEFAULT_TIME_ZONE;
  return (iso: string | null | undefined, withTime = false): string => {
    if (!iso) return '—';
    return new Intl.DateTimeFormat(formattingLocale(locale), {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    }).format(new Date(iso));
  };
}
