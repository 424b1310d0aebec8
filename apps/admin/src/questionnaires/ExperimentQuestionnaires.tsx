import { canEditExperiment } from '@capacites/domain';
import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { usePrincipal } from '../access';
import { accessFactsOf } from '../experiments/show/accessFacts';
import type { Experiment } from '../experiments/types';
import { participantAnswerPage, questionnairesApi, type Questionnaire } from './api';
import { statusChipSx } from './status';
import { WindowText } from './WindowText';

/** Questionnaires are built on a test in draft, running, or being evaluated (the end-of-test survey). */
const BUILDING_STATES = ['draft', 'running', 'evaluating'];

/**
 * The test's questionnaires, on its page: each with its status, audience, window and
 * answers so far; HR and the pilots add one while the test is framed, runs or is evaluated.
 */
export const ExperimentQuestionnaires = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const principal = usePrincipal();
  const createPath = useCreatePath();
  const {
    data = [],
    isPending,
    error,
  } = useGetList<Questionnaire>(
    'questionnaires',
    {
      filter: { experimentId: experiment.id },
      sort: { field: 'createdAt', order: 'DESC' },
      pagination: { page: 1, perPage: 50 },
    },
    { retry: false },
  );
  // A participant's own questionnaires on this test, to answer (the light answer page).
  const participates = Boolean(
    principal && (experiment.participants ?? []).some((p) => p.userId === principal.userId),
  );
  const mine = useQuery({
    queryKey: ['questionnaires', 'mine'],
    queryFn: () => questionnairesApi.mine(),
    enabled: participates,
    retry: false,
  });
  const toAnswer = (mine.data ?? []).filter((q) => q.experimentId === experiment.id && q.status === 'open');
  const canBuild = Boolean(
    principal &&
    BUILDING_STATES.includes(experiment.state) &&
    canEditExperiment(principal, accessFactsOf(experiment)),
  );
  return (
    <Box data-testid="experiment-questionnaires">
      {canBuild ? (
        <Button
          component={Link}
          to={`/questionnaires/create?experimentId=${experiment.id}`}
          startIcon={<AddIcon />}
          variant="outlined"
          className="no-print"
          sx={{ mb: 1 }}
        >
          {translate('resources.questionnaires.actions.create')}
        </Button>
      ) : null}
      {toAnswer.length > 0 ? (
        <List dense disablePadding data-testid="my-questionnaires">
          {toAnswer.map((q) => (
            <ListItem key={q.id} disableGutters>
              <ListItemText
                primary={<a href={participantAnswerPage(q.id)}>{q.title}</a>}
                secondary={translate(
                  q.answered
                    ? 'resources.questionnaires.mine.answered'
                    : 'resources.questionnaires.mine.toAnswer',
                )}
              />
            </ListItem>
          ))}
        </List>
      ) : null}
      {/* A reader who may not see results (a participant) gets nothing here rather than an error. */}
      {isPending || error ? null : data.length === 0 ? (
        <Typography color="text.secondary">{translate('resources.questionnaires.empty')}</Typography>
      ) : (
        <List dense disablePadding>
          {data.map((questionnaire) => (
            <ListItem key={questionnaire.id} disableGutters data-questionnaire={questionnaire.id}>
              <ListItemText
                primary={
                  <Link to={createPath({ resource: 'questionnaires', id: questionnaire.id, type: 'show' })}>
                    {questionnaire.title}
                  </Link>
                }
                secondary={
                  <>
                    <Chip
                      component="span"
                      size="small"
                      sx={{ ...statusChipSx(questionnaire.status), mr: 1 }}
                      label={translate(`resources.questionnaires.statuses.${questionnaire.status}`)}
                    />
                    {translate(`resources.questionnaires.audiences.${questionnaire.audience}`)} ·{' '}
                    <WindowText questionnaire={questionnaire} /> ·{' '}
                    {translate('resources.questionnaires.results.respondents', {
                      smart_count: questionnaire.respondentCount,
                    })}
                  </>
                }
                secondaryTypographyProps={{ component: 'div' }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
};
