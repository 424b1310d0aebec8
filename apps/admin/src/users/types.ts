import type { Role } from '@capacites/domain';
import type { RaRecord } from 'react-admin';

/** A person as GET /api/users returns them (memberships in the caller's organisations). */
export interface User extends RaRecord<string> {
  email: string;
  displayName: string;
  disabled: boolean;
  oidcAllowed: boolean;
  oidcLinked: boolean;
  memberships: { organizationId: string; role: Role }[];
  createdAt: string;
}

type Values = Record<string, unknown>;

/** Memberships as the API takes them: the rows left half-filled in the form are dropped. */
export const membershipsBody = (value: unknown) =>
  (Array.isArray(value) ? value : [])
    .filter((m: Values | null) => m && (m.organizationId || m.role))
    .map((m: Values) => ({ organizationId: m.organizationId ?? '', role: m.role ?? '' }));

/** POST body; an empty password means a ProConnect-only account. */
export const userCreateBody = (values: Values): Values => ({
  email: values.email,
  displayName: values.displayName,
  ...(values.password ? { password: values.password } : {}),
  memberships: membershipsBody(values.memberships),
  // An account without password can only be opened through ProConnect.
  oidcAllowed: Boolean(values.oidcAllowed) || !values.password,
});

/** PUT body: the fields that may change; an empty password keeps the current one. */
export const userUpdateBody = (values: Values): Values => ({
  email: values.email,
  displayName: values.displayName,
  ...(values.password ? { password: values.password } : {}),
  memberships: membershipsBody(values.memberships),
  disabled: Boolean(values.disabled),
  oidcAllowed: Boolean(values.oidcAllowed),
  ...(values.oidcUnlink ? { oidcUnlink: true } : {}),
});
