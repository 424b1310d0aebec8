import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../../dataProvider';
import { questionnairesApi, type Questionnaire } from '../api';

/**
 * Who has not answered a participants' questionnaire yet (to remind them in person): the
 * API says who answered, never what.
 */
export const Respondents = ({ questionnaire }: { questionnaire: Questionnaire }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useQuery({
    queryKey: ['questionnaires', 'respondents', questionnaire.id, questionnaire.updatedAt],
    queryFn: () => questionnairesApi.respondents(questionnaire.id),
    retry: false,
  });
  if (isPending) return <CircularProgress aria-hidden={false} aria-label={translate('ra.page.loading')} />;
  if (error || !data) return <Alert severity="error">{apiErrorMessage(error, translate, locale)}</Alert>;
  const missing = data.filter((p) => !p.answered);
  const answered = data.length - missing.length;
  return (
    <Box data-testid="respondents">
      <Typography>
        {translate('resources.questionnaires.respondents.summary', {
          answered,
          total: data.length,
        })}
      </Typography>
      {missing.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {translate('resources.questionnaires.respondents.everyone')}
        </Typography>
      ) : (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
            {translate('resources.questionnaires.respondents.missing', { smart_count: missing.length })}
          </Typography>
          <Box component="ul" sx={{ mt: 0.5 }} data-testid="not-answered">
            {missing.map((person) => (
              <li key={person.userId}>{person.name}</li>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
};
