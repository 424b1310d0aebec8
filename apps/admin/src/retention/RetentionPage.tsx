import { Box, Card, CardContent, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useGetList, useLocale, useTranslate } from 'react-admin';
import type { RetentionCounts } from '@capacites/domain';
import { hasAnyRole, usePrincipal } from '../access';
import { formattingLocale } from '../i18n';
import { RetentionSettingsSection } from './RetentionSettingsSection';
import { getRetentionPreview, getRetentionRuns } from './retentionApi';

export const RETENTION_PATH = '/retention';

const COUNT_KEYS: (keyof RetentionCounts)[] = [
  'people',
  'checkIns',
  'testimonies',
  'decisions',
  'consentNotes',
  'questionnaireAnswers',
  'notifications',
  'emails',
  'auditRows',
];

/**
 * "Conservation des données" (issue 17, item 3): for HR (its organisations) and the platform
 * admin, the period in force, what the next daily run would pseudonymise (dry run, with
 * counts), the next tests to become due and the last runs.
 */
export const RetentionPage = () => {
  const translate = useTranslate();
  const locale = formattingLocale(useLocale());
  const principal = usePrincipal();
  const admin = hasAnyRole(principal, ['admin']);
  const hrOf = (principal?.memberships ?? []).filter((m) => m.role === 'hr').map((m) => m.organizationId);
  const { data: organizations } = useGetList('organizations', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const choices = (organizations ?? []).filter((o) => admin || hrOf.includes(String(o.id)));
  const [picked, setPicked] = useState('');
  const organizationId = picked || (choices.length ? String(choices[0].id) : '');
  const preview = useQuery({
    queryKey: ['retention', organizationId, 'preview'],
    queryFn: () => getRetentionPreview(organizationId),
    enabled: organizationId !== '',
  });
  const runs = useQuery({
    queryKey: ['retention', organizationId, 'runs'],
    queryFn: () => getRetentionRuns(organizationId),
    enabled: organizationId !== '',
  });
  const day = (iso: string) => new Date(iso).toLocaleDateString(locale);
  const counts = (c: Partial<RetentionCounts>) =>
    COUNT_KEYS.filter((k) => (c[k] ?? 0) > 0)
      .map((k) => translate(`app.retention.counts.${k}`, { smart_count: c[k] ?? 0 }))
      .join(', ') || translate('app.retention.counts.nothing');

  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.retention.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.retention.title')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.retention.intro')}
          </Typography>
          {choices.length > 1 ? (
            <TextField
              select
              size="small"
              label={translate('app.retention.organization')}
              value={organizationId}
              onChange={(event) => setPicked(event.target.value)}
              sx={{ mb: 2, minWidth: 280 }}
            >
              {choices.map((o) => (
                <MenuItem key={o.id} value={String(o.id)}>
                  {String(o.name)}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
          {organizationId ? (
            <>
              <RetentionSettingsSection organizationId={organizationId} />
              <Box component="section" aria-labelledby="retention-due-title" sx={{ mb: 3 }}>
                <Typography id="retention-due-title" variant="h6" component="h2" gutterBottom>
                  {translate('app.retention.due.title')}
                </Typography>
                {preview.data ? (
                  <>
                    <Typography variant="body2" data-testid="retention-due-summary" sx={{ mb: 1 }}>
                      {preview.data.due.length
                        ? `${translate('app.retention.due.summary', { smart_count: preview.data.due.length })} ${counts(preview.data.totals)}`
                        : translate('app.retention.due.none')}
                    </Typography>
                    {preview.data.due.length ? (
                      <Table size="small" aria-labelledby="retention-due-title">
                        <TableHead>
                          <TableRow>
                            <TableCell>{translate('app.retention.columns.test')}</TableCell>
                            <TableCell>{translate('app.retention.columns.closedAt')}</TableCell>
                            <TableCell>{translate('app.retention.columns.dueAt')}</TableCell>
                            <TableCell>{translate('app.retention.columns.counts')}</TableCell>
                          </TableRow>
                        </TableHead>
                        <TableBody>
                          {preview.data.due.map((item) => (
                            <TableRow key={item.experimentId}>
                              <TableCell>
                                <Link to={`/experiments/${item.experimentId}/show`}>{item.title}</Link>
                              </TableCell>
                              <TableCell>{day(item.closedAt)}</TableCell>
                              <TableCell>{day(item.dueAt)}</TableCell>
                              <TableCell>{counts(item.counts)}</TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                      </Table>
                    ) : null}
                  </>
                ) : null}
              </Box>
              <Box component="section" aria-labelledby="retention-upcoming-title" sx={{ mb: 3 }}>
                <Typography id="retention-upcoming-title" variant="h6" component="h2" gutterBottom>
                  {translate('app.retention.upcoming.title')}
                </Typography>
                {preview.data?.upcoming.length ? (
                  <ul>
                    {preview.data.upcoming.map((item) => (
                      <li key={item.experimentId}>
                        {translate('app.retention.upcoming.item', { title: item.title, date: day(item.dueAt) })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Typography variant="body2">{translate('app.retention.upcoming.none')}</Typography>
                )}
              </Box>
              <Box component="section" aria-labelledby="retention-runs-title">
                <Typography id="retention-runs-title" variant="h6" component="h2" gutterBottom>
                  {translate('app.retention.runs.title')}
                </Typography>
                {runs.data?.length ? (
                  <ul>
                    {runs.data.map((run) => (
                      <li key={run.id}>
                        {translate('app.retention.runs.item', {
                          date: day(run.occurredAt),
                          counts: counts(run.counts),
                          histories: run.counts.workflowHistories ?? 0,
                        })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Typography variant="body2">{translate('app.retention.runs.none')}</Typography>
                )}
              </Box>
            </>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};
