import {
  Alert,
  Box,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { EXPERIMENT_STATES, type ImportReport } from '@capacites/domain';

/** What a dry run found (what will be created, every bad cell), then the run's progress. */
export const ImportReportView = ({ report }: { report: ImportReport }) => {
  const translate = useTranslate();
  const toCreate = Object.values(report.byState).reduce((sum, n) => sum + (n ?? 0), 0);
  const running = report.status === 'running';
  const percent =
    toCreate + report.alreadyImported > 0
      ? Math.round((100 * report.processed) / (toCreate + report.alreadyImported))
      : 100;
  return (
    <Box component="section" aria-labelledby="import-report-title" sx={{ mt: 3 }}>
      <Typography id="import-report-title" variant="h6" component="h2">
        {translate('app.imports.report.title', { file: report.fileName })}
      </Typography>
      <Typography>{translate('app.imports.report.rows', { smart_count: report.totalRows })}</Typography>
      {report.status === 'invalid' ? (
        <Alert severity="error" sx={{ my: 1 }}>
          {translate('app.imports.report.invalid', { smart_count: report.errors.length })}
        </Alert>
      ) : null}
      <Typography component="h3" variant="subtitle1" sx={{ mt: 1, fontWeight: 600 }}>
        {translate(report.status === 'invalid' ? 'app.imports.report.valid' : 'app.imports.report.toCreate', {
          smart_count: toCreate,
        })}
      </Typography>
      <ul aria-label={translate('app.imports.report.byState')}>
        {EXPERIMENT_STATES.filter((s) => report.byState[s]).map((state) => (
          <li key={state}>
            {translate(`resources.experiments.states.${state}`)} : {report.byState[state]}
          </li>
        ))}
      </ul>
      {report.alreadyImported > 0 ? (
        <Typography>
          {translate('app.imports.report.already', { smart_count: report.alreadyImported })}
        </Typography>
      ) : null}
      {running || report.status === 'completed' ? (
        <Box sx={{ my: 2 }}>
          <Typography id="import-progress-label">
            {translate('app.imports.progress', {
              processed: report.processed,
              total: toCreate + report.alreadyImported,
            })}
          </Typography>
          <LinearProgress variant="determinate" value={percent} aria-labelledby="import-progress-label" />
        </Box>
      ) : null}
      {report.status === 'completed' ? (
        <Alert severity="success" role="status" sx={{ my: 1 }}>
          {translate('app.imports.completed', { created: report.created, skipped: report.skipped })}
        </Alert>
      ) : null}
      {report.errors.length > 0 ? (
        <TableContainer sx={{ mt: 2, maxHeight: 480 }}>
          <Table size="small" stickyHeader>
            <caption>{translate('app.imports.errors.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{translate('app.imports.errors.row')}</TableCell>
                <TableCell scope="col">{translate('app.imports.errors.column')}</TableCell>
                <TableCell scope="col">{translate('app.imports.errors.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.errors.map((e, index) => (
                <TableRow key={`${e.row}-${e.field}-${index}`}>
                  <TableCell>{e.row}</TableCell>
                  <TableCell>{e.column}</TableCell>
                  <TableCell>{e.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
  );
};
