import NoticeIcon from '@mui/icons-material/NotificationsNoneOutlined';
import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { CapacitesDataProvider, TimelineEntry } from '../../dataProvider';
import { useOrganizationDateFormat } from '../../organizations';
import type { Experiment } from '../types';
import { UserName } from './UserName';

const ALERTS = new Set([
  'evaluationOverdue',
  'evaluationAlgeco',
  'decisionOverdue',
  'decisionAlgeco',
  'checkInMissed',
  'checkInsMissed',
]);

/** The words of one entry: a recorded event, or a notice sent to some people. */
export function timelineLabel(
  entry: TimelineEntry,
  translate: (key: string, options?: object) => string,
): string {
  if (entry.kind === 'notice') {
    return translate('app.notices.sent', {
      notice: translate(`app.notices.events.${entry.event}`, { _: entry.event }),
      smart_count: entry.recipients ?? 0,
    });
  }
  const label = translate(`app.events.${entry.event}`, { _: entry.event });
  const fields = (entry.details as { fields?: unknown }).fields;
  if (entry.event === 'framingUpdated' && Array.isArray(fields)) {
    // exitPlan is a group of fields: its section's title names it.
    const nameOf = (field: string) =>
      field === 'exitPlan'
        ? translate('app.sections.exitPlan')
        : translate(`resources.experiments.fields.${field}`, { _: field });
    return `${label} : ${fields.map((f) => nameOf(String(f))).join(', ')}`;
  }
  return label;
}

/** Who acted, when it was a service account (an integration's token), not a person. */
export function serviceAccountActor(
  entry: TimelineEntry,
  translate: (key: string, options?: object) => string,
): string | null {
  return entry.actorKind === 'serviceAccount'
    ? translate('app.integrations.serviceAccountActor', { name: entry.actorName ?? '' })
    : null;
}

/** A framing value as words: text as it was, a list by its size, nothing as a dash. */
function changeText(value: unknown, translate: (key: string, options?: object) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return translate('app.events.changeItems', { smart_count: value.length });
  if (typeof value === 'object') return translate('app.events.changeGroup');
  return String(value);
}

/** What a framing edit changed, field by field, before and after (folded, keyboard-operable). */
export const FramingChanges = ({ entry }: { entry: TimelineEntry }) => {
  const translate = useTranslate();
  const changes = (entry.details as { changes?: Record<string, { from: unknown; to: unknown }> }).changes;
  if (entry.event !== 'framingUpdated' || !changes || Object.keys(changes).length === 0) return null;
  return (
    <Box component="details" sx={{ mt: 0.5 }}>
      <Box component="summary" sx={{ cursor: 'pointer', typography: 'body2' }}>
        {translate('app.events.changes')}
      </Box>
      <Box component="dl" sx={{ m: 0, mt: 0.5, typography: 'body2' }}>
        {Object.entries(changes).map(([field, change]) => (
          <Box key={field} sx={{ mb: 0.5 }}>
            <Box component="dt" sx={{ fontWeight: 600 }}>
              {field === 'exitPlan'
                ? translate('app.sections.exitPlan')
                : translate(`resources.experiments.fields.${field}`, { _: field })}
            </Box>
            <Box component="dd" sx={{ m: 0, whiteSpace: 'pre-line' }}>
              {translate('app.events.changeBefore')} {changeText(change.from, translate)}
            </Box>
            <Box component="dd" sx={{ m: 0, whiteSpace: 'pre-line' }}>
              {translate('app.events.changeAfter')} {changeText(change.to, translate)}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

/**
 * Everything that happened, oldest first (GET /api/experiments/:id/timeline): the
 * transitions, check-ins, extension, evaluation and decision, and the reminders and
 * escalations sent, with how many people they reached.
 */
export const Timeline = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const format = useOrganizationDateFormat(experiment.organizationId);
  const { data, error, isPending } = useQuery({
    // A transition changes updatedAt: the timeline is read again.
    queryKey: ['experiments', 'timeline', experiment.id, experiment.updatedAt],
    queryFn: () => dataProvider.getTimeline(experiment.id),
    retry: false,
  });
  if (isPending) return null;
  if (error) return <Typography color="text.secondary">{translate('app.events.unavailable')}</Typography>;
  if (data.length === 0)
    return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="timeline">
      {data.map((entry) => {
        const alert = ALERTS.has(entry.event);
        const notice = entry.kind === 'notice';
        return (
          <Box
            component="li"
            key={entry.id}
            data-event={entry.event}
            data-kind={entry.kind}
            sx={{
              borderLeft: 3,
              borderColor: alert ? 'error.main' : notice ? 'grey.400' : 'primary.main',
              pl: 2,
              pb: 1.5,
            }}
          >
            <Typography variant="body2" color="text.secondary" component="div">
              {format(entry.at, true)}
              {notice ? null : (
                <>
                  {' · '}
                  {serviceAccountActor(entry, translate) ?? <UserName id={entry.actorId} />}
                </>
              )}
            </Typography>
            <Typography
              component="div"
              sx={{
                fontWeight: notice ? 400 : 600,
                color: alert ? 'error.main' : notice ? 'text.secondary' : 'text.primary',
                display: 'flex',
                alignItems: 'center',
                gap: 0.5,
              }}
            >
              {notice ? <NoticeIcon fontSize="small" aria-hidden /> : null}
              {timelineLabel(entry, translate)}
            </Typography>
            <FramingChanges entry={entry} />
            {entry.reason ? (
              <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
                {entry.reason}
              </Typography>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
};
