import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import { Alert, Box, Button, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useGetMany, useTranslate } from 'react-admin';
import type { ImportReport } from '@capacites/domain';
import { usePrincipal } from '../access';
import { ImportReportView } from './ImportReportView';
import { dryRunImport, getImport, importModelUrl, runImport } from './importsApi';

export const IMPORT_PATH = '/imports';

/**
 * HR brings in the tests it already ran or runs (issue 16, item 3): download the model,
 * send the file for a dry run (what will be created, every bad cell by row and column), then
 * import; the progress follows the run, which goes on even if this page is left.
 */
export const ImportPage = () => {
  const translate = useTranslate();
  const principal = usePrincipal();
  const hrOrganizations = (principal?.memberships ?? [])
    .filter((m) => m.role === 'hr')
    .map((m) => m.organizationId);
  const { data: organizations } = useGetMany(
    'organizations',
    { ids: hrOrganizations },
    { enabled: hrOrganizations.length > 0 },
  );
  const [organizationId, setOrganizationId] = useState('');
  const chosen = organizationId || (hrOrganizations.length === 1 ? hrOrganizations[0] : '');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // While the run goes on, its progress from the API (recorded in PostgreSQL by each batch).
  const progress = useQuery({
    queryKey: ['imports', report?.id],
    queryFn: () => getImport(report?.id ?? ''),
    enabled: report?.status === 'running',
    refetchInterval: (query) => (query.state.data?.status === 'completed' ? false : 1000),
  });
  const shown = progress.data && progress.data.id === report?.id ? progress.data : report;

  const act = async (work: () => Promise<ImportReport>) => {
    setBusy(true);
    setError(null);
    try {
      setReport(await work());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const toCreate = shown ? Object.values(shown.byState).reduce((sum, n) => sum + (n ?? 0), 0) : 0;

  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.imports.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.imports.title')}
          </Typography>
          <Typography sx={{ mb: 2 }}>{translate('app.imports.intro')}</Typography>
          <Typography component="p" sx={{ mb: 2 }}>
            {translate('app.imports.model')}{' '}
            <a href={importModelUrl('xlsx')} download>
              {translate('app.imports.modelXlsx')}
            </a>{' '}
            ·{' '}
            <a href={importModelUrl('csv')} download>
              {translate('app.imports.modelCsv')}
            </a>
          </Typography>
          {hrOrganizations.length === 0 ? (
            <Alert severity="info">{translate('app.imports.hrOnly')}</Alert>
          ) : null}
          {hrOrganizations.length > 1 ? (
            <TextField
              select
              label={translate('app.imports.organization')}
              value={chosen}
              onChange={(event) => setOrganizationId(event.target.value)}
              sx={{ minWidth: 320, mb: 2 }}
            >
              {hrOrganizations.map((id) => (
                <MenuItem key={id} value={id}>
                  {organizations?.find((o) => o.id === id)?.name ?? id}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button component="label" variant="outlined" startIcon={<UploadIcon />}>
              {translate('app.imports.chooseFile')}
              <input
                hidden
                type="file"
                name="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setReport(null);
                }}
              />
            </Button>
            <Typography aria-live="polite">{file ? file.name : translate('app.imports.noFile')}</Typography>
            <Button
              variant="contained"
              disabled={!file || !chosen || busy}
              onClick={() => act(() => dryRunImport(chosen, file as File))}
            >
              {translate('app.imports.dryRun')}
            </Button>
          </Box>
          {error ? (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {error}
            </Alert>
          ) : null}
          {shown ? <ImportReportView report={shown} /> : null}
          {shown?.status === 'validated' && toCreate > 0 ? (
            <Button
              variant="contained"
              sx={{ mt: 2 }}
              disabled={busy}
              onClick={() => act(() => runImport(shown.id))}
            >
              {translate('app.imports.run', { smart_count: toCreate })}
            </Button>
          ) : null}
          {shown?.status === 'completed' ? (
            <Button component={Link} to="/experiments" sx={{ mt: 2 }}>
              {translate('app.imports.seeTests')}
            </Button>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};
