import type { ImportReport } from '@capacites/domain';
import { API_URL, httpClient } from '../dataProvider';

/** The model file's URLs (a plain link: the session cookie goes with it). */
export const importModelUrl = (format: 'xlsx' | 'csv') => `${API_URL}/imports/model?format=${format}`;

/** The dry run: the file is read and checked; nothing but the report is written. */
export async function dryRunImport(organizationId: string, file: File): Promise<ImportReport> {
  const body = new FormData();
  body.append('organizationId', organizationId);
  body.append('file', file, file.name);
  const { json } = await httpClient(`${API_URL}/imports`, { method: 'POST', body });
  return json as ImportReport;
}

export async function getImport(id: string): Promise<ImportReport> {
  const { json } = await httpClient(`${API_URL}/imports/${id}`);
  return json as ImportReport;
}

export async function runImport(id: string): Promise<ImportReport> {
  const { json } = await httpClient(`${API_URL}/imports/${id}/run`, { method: 'POST', body: '{}' });
  return json as ImportReport;
}
