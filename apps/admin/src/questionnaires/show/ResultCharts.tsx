// Heavy (MUI X Charts): loaded lazily by the results (CONVENTIONS.md, react-admin).
import type { PeriodResult, QuestionResult } from '@capacites/domain';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useLocaleState, useTranslate } from 'react-admin';
import { formattingLocale } from '../../i18n';
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
      // Counts of people: whole numbers on the axis.
      xAxis={[{ tickMinStep: 1 }]}
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

/** A week (its Monday, YYYY-MM-DD) in words: "30 nov." on the axis, "30 novembre 2026" in the table. */
const week = (day: string, locale: string, long: boolean) =>
  new Intl.DateTimeFormat(formattingLocale(locale), {
    day: 'numeric',
    month: long ? 'long' : 'short',
    ...(long ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));

/**
 * A pulse over time: answers per week (bars), and each scale's mean that week (lines on
 * the 1–5 scale), with one data table for both.
 */
export const OverTimeChart = ({ periods, scales }: { periods: PeriodResult[]; scales: QuestionResult[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const weeks = periods.map((p) => week(p.periodStart, locale, false));
  const chart = (
    <>
      <BarChart
        height={200}
        xAxis={[{ scaleType: 'band', data: weeks }]}
        yAxis={[{ tickMinStep: 1 }]}
        series={[
          {
            data: periods.map((p) => p.responses),
            label: translate('resources.questionnaires.results.answers'),
          },
        ]}
      />
      {scales.length > 0 ? (
        <LineChart
          height={240}
          xAxis={[{ scaleType: 'point', data: weeks }]}
          yAxis={[{ min: 1, max: 5, tickMinStep: 1 }]}
          series={scales.map((q) => ({
            data: periods.map((p) => p.scaleMeans[q.questionId] ?? null),
            label: `${translate('resources.questionnaires.results.mean')} — ${q.label}`,
            showMark: true,
            connectNulls: true,
          }))}
        />
      ) : null}
    </>
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
        week(p.periodStart, locale, true),
        p.responses,
        ...scales.map((q) => {
          const mean = p.scaleMeans[q.questionId];
          return mean === null || mean === undefined ? '—' : mean;
        }),
      ])}
    />
  );
};
