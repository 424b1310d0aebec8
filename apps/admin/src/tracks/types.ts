import type { RaRecord } from 'react-admin';

/** A track ("piste") as GET /api/tracks returns it. */
export interface Track extends RaRecord<string> {
  slug: string;
  name: string;
  description: string;
  /** Null: shared by every organisation. */
  organizationId: string | null;
  archived: boolean;
  archivedAt: string | null;
}

type Values = Record<string, unknown>;

/** POST body: an empty slug is derived by the API, an empty organisation means shared. */
export const trackCreateBody = (values: Values): Values => ({
  name: values.name,
  description: values.description ?? '',
  ...(values.slug ? { slug: values.slug } : {}),
  organizationId: values.organizationId || null,
});

/** PUT body: the only fields that may change (slug and organisation are fixed). */
export const trackUpdateBody = (values: Values): Values => ({
  name: values.name,
  description: values.description ?? '',
  archived: Boolean(values.archived),
});
