import { Alert, Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { CapacitesDataProvider, PendingExtensionDto, TimelineEntry } from '../../dataProvider';
import { useOrganizationDateFormat } from '../../organizations';
import { UserName } from '../show/UserName';
import type { Experiment } from '../types';

/** The last extension request of the timeline, when the workflow's status cannot be read. */
export function lastExtensionRequest(entries: TimelineEntry[]): PendingExtensionDto | null {
  const entry = [...entries].reverse().find((e) => e.kind === 'audit' && e.event === 'extensionRequested');
  const newExpiresAt = (entry?.details as { newExpiresAt?: unknown } | undefined)?.newExpiresAt;
  if (!entry || typeof newExpiresAt !== 'string') return null;
  return {
    requestedBy: entry.actorId,
    requestedAt: entry.at,
    newExpiresAt,
    justification: entry.reason ?? '',
  };
}

/**
 * The request the sponsor is asked to approve or refuse: the new date and its
 * justification, from the workflow's status (GET /experiments/:id/status), or from the
 * timeline's last request when the status cannot be read.
 */
export function usePendingExtension(experiment: Experiment) {
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const status = useQuery({
    queryKey: ['experiments', 'status', experiment.id, experiment.updatedAt],
    queryFn: () => dataProvider.getStatus(experiment.id),
    retry: false,
  });
  const timeline = useQuery({
    queryKey: ['experiments', 'timeline', experiment.id, experiment.updatedAt],
    queryFn: () => dataProvider.getTimeline(experiment.id),
    enabled: status.isError,
    retry: false,
  });
  if (status.data) return { request: status.data.pendingExtension, isPending: false };
  if (timeline.data) return { request: lastExtensionRequest(timeline.data), isPending: false };
  return { request: null, isPending: status.isPending || (status.isError && timeline.isPending) };
}

export const PendingExtension = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(experiment.organizationId);
  const { request, isPending } = usePendingExtension(experiment);
  if (isPending) return null;
  if (!request) return <Alert severity="warning">{translate('app.extension.unavailable')}</Alert>;
  return (
    <Box
      component="section"
      aria-label={translate('app.extension.pending')}
      data-testid="pending-extension"
      sx={{ mb: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {translate('app.extension.pending')}
      </Typography>
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5 }}
      >
        <Typography component="dt" color="text.secondary">
          {translate('app.extension.currentDate')}
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {format(experiment.expiresAt)}
        </Typography>
        <Typography component="dt" color="text.secondary">
          {translate('app.extension.newDate')}
        </Typography>
        <Typography component="dd" sx={{ m: 0, fontWeight: 700 }} data-testid="pending-extension-date">
          {format(request.newExpiresAt)}
        </Typography>
        <Typography component="dt" color="text.secondary">
          {translate('app.extension.justification')}
        </Typography>
        <Typography component="dd" sx={{ m: 0, whiteSpace: 'pre-line' }}>
          {request.justification || '—'}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('app.extension.requestedBy', { date: format(request.requestedAt) })}{' '}
        <UserName id={request.requestedBy} />
      </Typography>
    </Box>
  );
};
