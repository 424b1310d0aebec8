// Heavy (MUI X Charts): loaded lazily by the results (CONVENTIONS.md, react-admin).
import type { PeriodResult, QuestionResult } from '@capacites/domain';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslate } from 'react-admin';
import { ChartWithData } from '../../dashboard/Charts';
import { distributionLabel } from './labels';

/** One question's answers by value, with its data table (as on the dashboard). */
export const DistributionChart = ({
  question,
  ends,
}: {
  question: QuestionResult;
  ends?: { minLabel: string; maxLabel: string };
}) => {
  const translate = useTranslate();
  const labels = question.distribution.map((entry) =>
    distributionLabel(question, entry.value, translate, ends),
  );
  const chart = (
    <BarChart
      height={Math.max(160, 44 * question.distribution.length)}
      layout="horizontal"
      yAxis={[{ scaleType: 'band', data: labels, width: 180 }]}
      series={[
        {
          data: question.distribution.map((e) => e.count),
          label: translate('resources.questionnaires.results.answers'),
        },
      ]}
      hideLegend
    />
  );
  return (
    <ChartWithData
      chart={chart}
      headers={[
        translate('resources.questionnaires.results.value'),
        translate('resources.questionnaires.results.answers'),
      ]}
      rows={question.distribution.map((entry, i) => [labels[i], entry.count])}
    />
  );
};

/** A pulse over time: answers per week, and each scale's mean that week. */
export const OverTimeChart = ({ periods, scales }: { periods: PeriodResult[]; scales: QuestionResult[] }) => {
  const translate = useTranslate();
  const weeks = periods.map((p) => p.periodStart);
  const chart = (
    <LineChart
      height={240}
      xAxis={[{ scaleType: 'point', data: weeks }]}
      series={[
        {
          data: periods.map((p) => p.responses),
          label: translate('resources.questionnaires.results.answers'),
        },
        ...scales.map((q) => ({
          data: periods.map((p) => p.scaleMeans[q.questionId] ?? null),
          label: q.label,
          connectNulls: true,
        })),
      ]}
    />
  );
  return (
    <ChartWithData
      chart={chart}
      headers={[
        translate('resources.questionnaires.results.week'),
        translate('resources.questionnaires.results.answers'),
        ...scales.map((q) => `${translate('resources.questionnaires.results.mean')} — ${q.label}`),
      ]}
      rows={periods.map((p) => [
        p.periodStart,
        p.responses,
        ...scales.map((q) => {
          const mean = p.scaleMeans[q.questionId];
          return mean === null || mean === undefined ? '—' : mean;
        }),
      ])}
    />
  );
};
