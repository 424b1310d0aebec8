import type { ErasureReport, RetentionPreview, RetentionRun, RetentionSettings } from '@capacites/domain';
import { API_URL, httpClient } from '../dataProvider';

// The retention endpoints (issue 17, item 3); errors come back translated (httpClient).
const base = (organizationId: string) => `${API_URL}/retention/${organizationId}`;

export async function getRetentionSettings(organizationId: string): Promise<RetentionSettings> {
  return (await httpClient(`${base(organizationId)}/settings`)).json as RetentionSettings;
}

export async function setRetentionDays(organizationId: string, retentionDays: number | null): Promise<RetentionSettings> {
  const { json } = await httpClient(`${base(organizationId)}/settings`, {
    method: 'PUT',
    body: JSON.stringify({ retentionDays }),
  });
  return json as RetentionSettings;
}

export async function getRetentionPreview(organizationId: string): Promise<RetentionPreview> {
  return (await httpClient(`${base(organizationId)}/preview`)).json as RetentionPreview;
}

export async function getRetentionRuns(organizationId: string): Promise<RetentionRun[]> {
  return (await httpClient(`${base(organizationId)}/runs`)).json as RetentionRun[];
}

export async function requestErasure(
  userId: string,
  body: { dryRun: boolean; confirmEmail?: string },
): Promise<ErasureReport> {
  const { json } = await httpClient(`${API_URL}/users/${userId}/erasure`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return json as ErasureReport;
}
