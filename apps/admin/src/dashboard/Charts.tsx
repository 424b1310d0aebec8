// Heavy: loaded lazily by the dashboard (CONVENTIONS.md, react-admin).
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { DashboardData } from './types';

/**
 * The text alternative of a chart (RGAA 1.3 / 4.1): the chart is hidden from assistive
 * technologies and its figures are offered as a table in a native, keyboard-operable
 * disclosure ("Voir les données du graphique").
 */
export const ChartWithData = ({
  chart,
  headers,
  rows,
}: {
  chart: ReactNode;
  headers: string[];
  rows: (string | number)[][];
}) => {
  const translate = useTranslate();
  return (
    <>
      {/* inert as well: the chart's own focusable parts (SVG, legend) must not take the
          focus in a part hidden from assistive technologies (WCAG 4.1.2). */}
      <div aria-hidden="true" inert>
        {chart}
      </div>
      <details>
        <summary>{translate('app.dashboard.chartData')}</summary>
        <table>
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
};

export const OutcomesChart = ({ outcomesByMonth }: Pick<DashboardData, 'outcomesByMonth'>) => {
  const translate = useTranslate();
  const chart = (
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
  return (
    <ChartWithData
      chart={chart}
      headers={[
        translate('app.dashboard.month'),
        translate('app.outcomes.iterate'),
        translate('app.outcomes.perpetuate'),
        translate('app.outcomes.abandon'),
      ]}
      rows={outcomesByMonth.map((m) => [m.month, m.iterated, m.perpetuated, m.abandoned])}
    />
  );
};

export const TracksChart = ({ byTrack }: Pick<DashboardData, 'byTrack'>) => {
  const translate = useTranslate();
  const name = (t: DashboardData['byTrack'][number]) => t.trackName ?? translate('app.dashboard.noTrack');
  const chart = (
    <BarChart
      height={240}
      layout="horizontal"
      yAxis={[
        {
          scaleType: 'band',
          data: byTrack.map(name),
          width: 160,
        },
      ]}
      series={[
        { data: byTrack.map((t) => t.count), label: translate('app.dashboard.all') },
        { data: byTrack.map((t) => t.ongoing), label: translate('app.dashboard.ongoing') },
      ]}
    />
  );
  return (
    <ChartWithData
      chart={chart}
      headers={[
        translate('app.dashboard.track'),
        translate('app.dashboard.all'),
        translate('app.dashboard.ongoing'),
      ]}
      rows={byTrack.map((t) => [name(t), t.count, t.ongoing])}
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
  return (
    <ChartWithData
      chart={<PieChart height={200} series={[{ data, innerRadius: 40 }]} />}
      headers={[translate('app.dashboard.weatherLabel'), translate('app.dashboard.count')]}
      rows={data.map((d) => [d.label, d.value])}
    />
  );
};
