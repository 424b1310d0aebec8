/** Days counted as "expiring soon" by the list's quick filter (the dashboard's horizon). */
export const EXPIRING_SOON_DAYS = 30;

/**
 * The list's filters as the API reads them. "Expiring soon" is kept in the URL as a
 * number of days, so a bookmarked list stays relative to today, and sent as a date;
 * it concerns running tests only. An unticked toggle sends nothing.
 */
export function toApiExperimentFilter(
  filter: Record<string, unknown>,
  now = new Date(),
): Record<string, unknown> {
  const { expiringSoon, overdue, awaitingLaunchApproval, orphaned, ...rest } = filter;
  const api: Record<string, unknown> = { ...rest };
  if (expiringSoon === true) {
    api.expiresBefore = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
    api.state ??= 'running';
  }
  if (overdue === true) api.overdue = true;
  if (awaitingLaunchApproval === true) api.awaitingLaunchApproval = true;
  if (orphaned === true) api.orphaned = true;
  return api;
}
