/**
 * The API rejects unknown fields and nulls: react-admin turns an emptied text input
 * into null, so empty optional fields are left out of the request instead.
 */
export const withoutEmptyFields = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  );
