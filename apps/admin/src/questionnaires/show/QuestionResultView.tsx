import type { Question, QuestionResult } from '@capacites/domain';
import { Box, CircularProgress, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formattingLocale } from '../../i18n';
import { formatMean } from './labels';

const DistributionChart = lazy(() =>
  import('./ResultCharts').then((m) => ({ default: m.DistributionChart })),
);

const TEXT_KINDS = new Set(['shortText', 'longText']);

/**
 * One question's results: how many answered, its distribution as a chart with its data
 * table, the mean of a scale, the texts as written (text nodes, never markup), and, for a
 * question that said it is not anonymous, who answered what.
 */
export const QuestionResultView = ({
  result,
  definition,
  headingLevel = 'h4',
}: {
  result: QuestionResult;
  definition?: Pick<Question, 'minLabel' | 'maxLabel'>;
  headingLevel?: 'h3' | 'h4' | 'h5';
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const r = (key: string, options?: object) => translate(`resources.questionnaires.results.${key}`, options);
  return (
    <Box data-question-result={result.questionId} sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component={headingLevel} sx={{ fontWeight: 700 }}>
        {result.label}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(`resources.questionnaires.kinds.${result.kind}`)} ·{' '}
        {r('answeredCount', { smart_count: result.answered })}
        {result.skipped > 0 ? ` · ${r('skippedCount', { smart_count: result.skipped })}` : ''}
      </Typography>
      {result.kind === 'scale' ? (
        <Typography sx={{ mt: 0.5 }} data-testid="scale-mean">
          {r('mean')} : <strong>{formatMean(result.mean, formattingLocale(locale))}</strong>
        </Typography>
      ) : null}
      {!TEXT_KINDS.has(result.kind) && result.answered > 0 ? (
        <Suspense
          fallback={
            <CircularProgress size={24} aria-hidden={false} aria-label={translate('ra.page.loading')} />
          }
        >
          <DistributionChart
            question={result}
            ends={definition ? { minLabel: definition.minLabel, maxLabel: definition.maxLabel } : undefined}
          />
        </Suspense>
      ) : null}
      {TEXT_KINDS.has(result.kind) ? (
        result.texts.length === 0 ? (
          <Typography color="text.secondary">{r('noText')}</Typography>
        ) : (
          <Box component="ul" sx={{ pl: 2, mt: 1 }} data-testid="free-texts">
            {result.texts.map((text, index) => (
              <Box component="li" key={index} sx={{ whiteSpace: 'pre-line', mb: 0.5 }}>
                {text}
              </Box>
            ))}
          </Box>
        )
      ) : null}
      {result.named.length > 0 ? (
        <Box
          component="table"
          sx={{ mt: 1, borderCollapse: 'collapse', '& th, & td': { textAlign: 'left', pr: 2 } }}
        >
          <caption style={{ textAlign: 'left' }}>{r('named')}</caption>
          <thead>
            <tr>
              <th scope="col">{r('person')}</th>
              <th scope="col">{r('answer')}</th>
            </tr>
          </thead>
          <tbody>
            {result.named.map((named) => (
              <tr key={named.userId}>
                <th scope="row">{named.name}</th>
                <td>{named.value}</td>
              </tr>
            ))}
          </tbody>
        </Box>
      ) : null}
    </Box>
  );
};
