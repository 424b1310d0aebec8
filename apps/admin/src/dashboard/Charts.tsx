// Heavy: loaded lazily by the dashboard (CONVENTIONS.md, react-admin).
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useTranslate } from 'react-admin';
import type { DashboardData } from './types';

export const OutcomesChart = ({ outcomesByMonth }: Pick<DashboardData, 'outcomesByMonth'>) => {
  const translate = useTranslate();
  return (
    <BarChart
      height={240}
      xAxis={[{ scaleType: 'band', data: outcomesByMonth.map((m) => m.month) }]}
      series={[
        {
          data: outcomesByMonth.map((m) => m.iterated),
          label: translate('app.outcomes.iterate'),
          stack: 'o',
        },
        {
          data: outcomesByMonth.map((m) => m.perpetuated),
          label: translate('app.outcomes.perpetuate'),
          stack: 'o',
        },
        {
          data: outcomesByMonth.map((m) => m.abandoned),
          label: translate('app.outcomes.abandon'),
          stack: 'o',
        },
      ]}
    />
  );
};

export const TracksChart = ({ byTrack }: Pick<DashboardData, 'byTrack'>) => {
  const translate = useTranslate();
  return (
    <BarChart
      height={240}
      layout="horizontal"
      yAxis={[
        {
          scaleType: 'band',
          data: byTrack.map((t) => t.trackName ?? translate('app.dashboard.noTrack')),
          width: 160,
        },
      ]}
      series={[
        { data: byTrack.map((t) => t.count), label: translate('app.dashboard.all') },
        { data: byTrack.map((t) => t.ongoing), label: translate('app.dashboard.ongoing') },
      ]}
    />
  );
};

export const WeatherChart = ({ runningWeather }: Pick<DashboardData, 'runningWeather'>) => {
  const translate = useTranslate();
  const data = (['sunny', 'cloudy', 'stormy', 'none'] as const).map((weather, id) => ({
    id,
    value: runningWeather[weather],
    label: translate(`app.weather.${weather}`),
    color: { sunny: '#f9a825', cloudy: '#78909c', stormy: '#b71c1c', none: '#e0e0e0' }[weather],
  }));
  return <PieChart height={200} series={[{ data, innerRadius: 40 }]} />;
};
