import type { Question, QuestionnaireResults } from '@capacites/domain';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Alert, Box, Button, CircularProgress, Grid, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../../dataProvider';
import { formattingLocale } from '../../i18n';
import { questionnairesApi, responsesExportUrl, type Questionnaire } from '../api';
import { formatRate } from './labels';
import { QuestionResultView } from './QuestionResultView';

const OverTimeChart = lazy(() => import('./ResultCharts').then((m) => ({ default: m.OverTimeChart })));

const Heading = ({ children }: { children: string }) => (
  <Typography variant="subtitle1" component="h3" sx={{ mt: 3, mb: 1, fontWeight: 700, fontSize: '1.15rem' }}>
    {children}
  </Typography>
);

/** Per criterion, the questions tied to it, side by side. */
const ByCriterion = ({
  results,
  definitions,
}: {
  results: QuestionnaireResults;
  definitions: Map<string, Question>;
}) => {
  const translate = useTranslate();
  const tied = results.criteria.filter((c) => c.questions.length > 0);
  if (tied.length === 0)
    return (
      <Typography color="text.secondary">
        {translate('resources.questionnaires.results.noCriterion')}
      </Typography>
    );
  return (
    <Stack spacing={2}>
      {tied.map((criterion) => (
        <Paper
          key={criterion.criterionId}
          variant="outlined"
          sx={{ p: 2 }}
          data-criterion={criterion.criterionId}
        >
          <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 700, mb: 1 }}>
            {translate('resources.questionnaires.results.criterion', { name: criterion.criterionName })}
          </Typography>
          <Grid container spacing={2}>
            {criterion.questions.map((question) => (
              <Grid
                key={question.questionId}
                size={{ xs: 12, md: 12 / Math.min(3, criterion.questions.length) }}
              >
                <QuestionResultView
                  result={question}
                  definition={definitions.get(question.questionId)}
                  headingLevel="h5"
                />
              </Grid>
            ))}
          </Grid>
        </Paper>
      ))}
    </Stack>
  );
};

/**
 * A questionnaire's results (GET /api/questionnaires/:id/results): response rate, each
 * question, the criteria side by side, the pulse over time, and the anonymous answers as
 * a spreadsheet.
 */
export const Results = ({ questionnaire }: { questionnaire: Questionnaire }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const r = (key: string, options?: object) => translate(`resources.questionnaires.results.${key}`, options);
  const { data, error, isPending } = useQuery({
    queryKey: ['questionnaires', 'results', questionnaire.id, questionnaire.updatedAt],
    queryFn: () => questionnairesApi.results(questionnaire.id),
    retry: false,
  });
  if (isPending) return <CircularProgress aria-hidden={false} aria-label={translate('ra.page.loading')} />;
  if (error || !data) return <Alert severity="error">{apiErrorMessage(error, translate, locale)}</Alert>;
  const definitions = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const scales = data.questions.filter((q) => q.kind === 'scale');
  return (
    <Box data-testid="questionnaire-results">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }} sx={{ mb: 2 }}>
        <Typography data-testid="respondent-count" sx={{ flexGrow: 1 }}>
          {r('respondents', { smart_count: data.respondents })}
          {data.expected !== null
            ? ` · ${r('rate', { rate: formatRate(data.responseRate, formattingLocale(locale)), expected: data.expected })}`
            : ''}
        </Typography>
        <Stack direction="row" spacing={1} className="no-print">
          {(['csv', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              variant="outlined"
              startIcon={<DownloadIcon />}
              href={responsesExportUrl(questionnaire.id, format)}
              download
              disabled={data.respondents === 0}
            >
              {r(`export.${format}`)}
            </Button>
          ))}
        </Stack>
      </Stack>
      {data.respondents === 0 ? <Alert severity="info">{r('none')}</Alert> : null}
      <Heading>{r('byQuestion')}</Heading>
      {data.questions.map((question) => (
        <QuestionResultView
          key={question.questionId}
          result={question}
          definition={definitions.get(question.questionId)}
        />
      ))}
      <Heading>{r('byCriterion')}</Heading>
      <ByCriterion results={data} definitions={definitions} />
      {data.overTime.length > 0 ? (
        <>
          <Heading>{r('overTime')}</Heading>
          <Suspense
            fallback={
              <CircularProgress size={24} aria-hidden={false} aria-label={translate('ra.page.loading')} />
            }
          >
            <OverTimeChart periods={data.overTime} scales={scales} />
          </Suspense>
        </>
      ) : null}
    </Box>
  );
};
