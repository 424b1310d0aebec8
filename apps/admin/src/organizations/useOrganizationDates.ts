import { useGetManyAggregate, useLocaleState } from 'react-admin';
import { formattingLocale } from '../i18n';
import { DEFAULT_TIME_ZONE, type Organization } from './types';

/** The organisation's record and whether it is still loading (batched with every other read of organisations). */
export function useOrganizationQuery(organizationId: string | undefined) {
  const { data, isPending } = useGetManyAggregate<Organization>(
    'organizations',
    { ids: organizationId ? [organizationId] : [] },
    { enabled: Boolean(organizationId) },
  );
  return { organization: data?.[0], isPending: Boolean(organizationId) && isPending };
}

export function useOrganization(organizationId: string | undefined): Organization | undefined {
  return useOrganizationQuery(organizationId).organization;
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
