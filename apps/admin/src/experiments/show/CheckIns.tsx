import type { Weather } from '@capacites/domain';
import { Box, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { useOrganizationDateFormat } from '../../organizations';
import type { Experiment } from '../types';
import { WeatherIcon } from '../WeatherIcon';
import { UserName } from './UserName';

/** One point d'étape (GET /api/check-ins). */
export interface CheckIn {
  id: string;
  experimentId: string;
  authorId: string | null;
  weather: Weather;
  progress: string;
  blockers: string;
  recordedAt: string;
}

/** The check-ins, latest first, each with its weather. */
export const CheckIns = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(experiment.organizationId);
  const { data, error } = useGetList<CheckIn>(
    'check-ins',
    {
      filter: { experimentId: experiment.id },
      sort: { field: 'recordedAt', order: 'DESC' },
      pagination: { page: 1, perPage: 100 },
      meta: { version: experiment.updatedAt },
    },
    { retry: false },
  );
  if (error || !data) return null;
  if (data.length === 0)
    return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="check-ins">
      {data.map((checkIn) => (
        <Box component="li" key={checkIn.id} sx={{ mb: 2 }}>
          <Typography
            variant="body2"
            color="text.secondary"
            component="div"
            sx={{ display: 'flex', gap: 1, alignItems: 'center' }}
          >
            <WeatherIcon weather={checkIn.weather} />
            <strong>{translate(`app.weather.${checkIn.weather}`)}</strong> · {format(checkIn.recordedAt)} ·{' '}
            <UserName id={checkIn.authorId} />
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-line' }}>{checkIn.progress}</Typography>
          {checkIn.blockers ? (
            <Typography sx={{ whiteSpace: 'pre-line' }} color="text.secondary">
              {translate('resources.experiments.fields.blockers')} : {checkIn.blockers}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
};
