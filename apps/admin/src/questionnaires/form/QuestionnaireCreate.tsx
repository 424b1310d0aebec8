import { Alert, CircularProgress } from '@mui/material';
import { useSearchParams } from 'react-router-dom';
import { Create, useGetOne, useTranslate } from 'react-admin';
import { useExperimentCriteria } from '../../experiments/criteria';
import type { Experiment } from '../../experiments/types';
import { emptyQuestionnaire, toQuestionnaireBody, type QuestionnaireValues } from './formValues';
import { QuestionnaireForm } from './QuestionnaireForm';

const CriteriaLoaded = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const criteria = useExperimentCriteria(experiment);
  if (criteria.error) return <Alert severity="error">{translate('app.amendments.unavailable')}</Alert>;
  if (!criteria.data)
    return <CircularProgress aria-hidden={false} aria-label={translate('ra.page.loading')} />;
  return (
    <QuestionnaireForm
      creating
      criteria={criteria.data.current}
      defaultValues={emptyQuestionnaire(experiment.id)}
    />
  );
};

/** A new questionnaire on the test named by `?experimentId=` (the test's page leads here). */
export const QuestionnaireCreate = () => {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const experimentId = params.get('experimentId') ?? '';
  const { data: experiment, error } = useGetOne<Experiment>(
    'experiments',
    { id: experimentId },
    { enabled: experimentId !== '', retry: false },
  );
  return (
    <Create
      redirect="show"
      title={
        experiment ? translate('resources.questionnaires.createOn', { title: experiment.title }) : undefined
      }
      transform={(values: QuestionnaireValues) => toQuestionnaireBody(values)}
    >
      {experimentId === '' || error ? (
        <Alert severity="error" sx={{ m: 2 }}>
          {translate('resources.questionnaires.noExperiment')}
        </Alert>
      ) : experiment ? (
        <CriteriaLoaded experiment={experiment} />
      ) : (
        <CircularProgress aria-hidden={false} aria-label={translate('ra.page.loading')} />
      )}
    </Create>
  );
};
