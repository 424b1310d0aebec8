import jsonExport from 'jsonexport/dist';
import { downloadCSV, type Exporter } from 'react-admin';
import type { Experiment } from '../types';

interface Named {
  id: string;
  name?: string;
  displayName?: string;
}

/**
 * A spreadsheet opens a cell starting with = + - @ as a formula: titles typed by
 * users are prefixed with an apostrophe so that they stay text (CSV injection).
 */
export const asCsvText = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The columns of the export, French headers, in the order of the list. */
export const CSV_COLUMNS = [
  ['title', 'Titre'],
  ['state', 'État'],
  ['track', 'Piste'],
  ['organization', 'Organisation'],
  ['pilots', 'Porteur·euses'],
  ['sponsor', 'Portage institutionnel'],
  ['hypothesis', 'Hypothèse'],
  ['expiresAt', 'Date de péremption'],
  ['iteration', 'Itération'],
  ['createdAt', 'Créé le'],
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number][0], string | number>;

export function toCsvRow(
  experiment: Experiment,
  related: {
    organizations: Record<string, Named>;
    tracks: Record<string, Named>;
    users: Record<string, Named>;
  },
  stateLabel: (state: Experiment['state']) => string,
): CsvRow {
  const userName = (id: string) => related.users[id]?.displayName ?? id;
  return {
    title: asCsvText(experiment.title),
    state: stateLabel(experiment.state),
    track: experiment.trackId ? asCsvText(related.tracks[experiment.trackId]?.name ?? '') : '',
    organization: asCsvText(related.organizations[experiment.organizationId]?.name ?? ''),
    pilots: asCsvText((experiment.pilotIds ?? []).map(userName).join(', ')),
    sponsor: experiment.sponsorId ? asCsvText(userName(experiment.sponsorId)) : '',
    hypothesis: asCsvText(experiment.hypothesis),
    // Dates as ISO days: every spreadsheet reads them, whatever its locale.
    expiresAt: experiment.expiresAt?.slice(0, 10) ?? '',
    iteration: experiment.iteration,
    createdAt: experiment.createdAt.slice(0, 10),
  };
}

/** Reads related names once for the whole export (one request per resource). */
export const makeExperimentExporter =
  (stateLabel: (state: Experiment['state']) => string): Exporter<Experiment> =>
  async (records, fetchRelatedRecords) => {
    // getMany with no id would ask the API for `id IN ()`: skip it. Tracks and users
    // are optional in the export: a failure leaves their column with ids.
    const related = async (
      rows: object[],
      field: string,
      resource: string,
    ): Promise<Record<string, Named>> =>
      rows.length === 0 ? {} : fetchRelatedRecords<Named>(rows, field, resource).catch(() => ({}));
    const people = records.flatMap((r) => [...(r.pilotIds ?? []), ...(r.sponsorId ? [r.sponsorId] : [])]);
    const [organizations, tracks, users] = await Promise.all([
      related(records, 'organizationId', 'organizations'),
      related(
        records.filter((r) => r.trackId),
        'trackId',
        'tracks',
      ),
      related(people.length > 0 ? [{ people }] : [], 'people', 'users'),
    ]);
    const rows = records.map((record) => toCsvRow(record, { organizations, tracks, users }, stateLabel));
    await new Promise<void>((resolve, reject) =>
      jsonExport(
        rows,
        { headers: CSV_COLUMNS.map(([key]) => key), rename: CSV_COLUMNS.map(([, label]) => label) },
        (error, csv) => {
          if (error) return reject(error);
          downloadCSV(csv, 'tests');
          resolve();
        },
      ),
    );
  };
