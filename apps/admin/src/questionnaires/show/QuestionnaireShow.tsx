import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { Link, Show, useCreatePath, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { Section } from '../../experiments/show/Section';
import type { Experiment } from '../../experiments/types';
import type { Questionnaire } from '../api';
import { WindowText } from '../WindowText';
import { PublicLink } from './PublicLink';
import { QuestionnaireActions } from './QuestionnaireActions';
import { QuestionList } from './QuestionList';
import { Respondents } from './Respondents';
import { Results } from './Results';
import { statusChipSx } from '../status';

const QuestionnaireView = () => {
  const questionnaire = useRecordContext<Questionnaire>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data: experiment } = useGetOne<Experiment>(
    'experiments',
    { id: questionnaire?.experimentId ?? '' },
    { enabled: Boolean(questionnaire) },
  );
  if (!questionnaire) return null;
  const published = questionnaire.status !== 'draft';
  return (
    <Box sx={{ p: 2 }} data-status={questionnaire.status} data-testid="questionnaire-show">
      <Link to={createPath({ resource: 'experiments', id: questionnaire.experimentId, type: 'show' })}>
        <Stack direction="row" spacing={0.5} alignItems="center" component="span" className="no-print">
          <ArrowBackIcon fontSize="small" />
          <span>{experiment ? experiment.title : translate('resources.questionnaires.backToTest')}</span>
        </Stack>
      </Link>
      <Typography variant="h5" component="h1" sx={{ mt: 1 }}>
        {questionnaire.title}
      </Typography>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ my: 1 }} useFlexGap flexWrap="wrap">
        <Chip
          size="small"
          sx={statusChipSx(questionnaire.status)}
          label={translate(`resources.questionnaires.statuses.${questionnaire.status}`)}
          data-testid="questionnaire-status"
        />
        <Typography variant="body2">
          {translate(`resources.questionnaires.audiences.${questionnaire.audience}`)} ·{' '}
          <WindowText questionnaire={questionnaire} />
        </Typography>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mb: 2 }} className="no-print" useFlexGap flexWrap="wrap">
        <QuestionnaireActions questionnaire={questionnaire} />
      </Stack>
      {questionnaire.audience === 'public' && published ? (
        <Section title="resources.questionnaires.sections.public">
          <PublicLink questionnaire={questionnaire} />
        </Section>
      ) : null}
      {questionnaire.audience === 'participants' && published ? (
        <Section title="resources.questionnaires.sections.respondents">
          <Respondents questionnaire={questionnaire} />
        </Section>
      ) : null}
      {published ? (
        <Section title="resources.questionnaires.sections.results">
          <Results questionnaire={questionnaire} />
        </Section>
      ) : null}
      <Section title="resources.questionnaires.sections.questions">
        <QuestionList questionnaire={questionnaire} criteria={experiment?.criteria ?? []} />
      </Section>
    </Box>
  );
};

export const QuestionnaireShow = () => (
  <Show<Questionnaire> actions={false} component="div">
    <QuestionnaireView />
  </Show>
);
