import { Box, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { useOrganizationDateFormat } from '../../organizations';
import type { Experiment } from '../types';
import { UserName } from './UserName';

/** One audit record (GET /api/audit-events). */
export interface AuditEvent {
  id: string;
  experimentId: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  actorId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  occurredAt: string;
}

const ALERTS = new Set(['evaluationOverdue', 'evaluationAlgeco', 'decisionOverdue', 'decisionAlgeco', 'checkInMissed']);

/** Everything that happened to the experiment, oldest first, from its audit records. */
export const Timeline = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(experiment.organizationId);
  const { data, error, isPending } = useGetList<AuditEvent>(
    'audit-events',
    {
      filter: { experimentId: experiment.id },
      sort: { field: 'occurredAt', order: 'ASC' },
      pagination: { page: 1, perPage: 200 },
      // A new transition changes updatedAt: the timeline is read again.
      meta: { version: experiment.updatedAt },
    },
    { retry: false },
  );
  if (isPending) return null;
  if (error) return <Typography color="text.secondary">{translate('app.events.unavailable')}</Typography>;
  if (!data || data.length === 0) return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="timeline">
      {data.map((event) => (
        <Box
          component="li"
          key={event.id}
          data-event={event.event}
          sx={{
            borderLeft: 3,
            borderColor: ALERTS.has(event.event) ? 'error.main' : 'primary.main',
            pl: 2,
            pb: 1.5,
            position: 'relative',
          }}
        >
          <Typography variant="body2" color="text.secondary" component="div">
            {format(event.occurredAt, true)} · <UserName id={event.actorId} />
          </Typography>
          <Typography
            variant="body1"
            component="div"
            sx={{ fontWeight: 600, color: ALERTS.has(event.event) ? 'error.main' : 'text.primary' }}
          >
            {translate(`app.events.${event.event}`, { _: event.event })}
          </Typography>
          {event.reason ? (
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
              {event.reason}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
};
