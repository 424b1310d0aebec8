import { Alert, CircularProgress } from '@mui/material';
import { Edit, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { useExperimentCriteria } from '../../experiments/criteria';
import type { Experiment } from '../../experiments/types';
import type { Questionnaire } from '../api';
import { toFormValues, toQuestionnaireBody, type QuestionnaireValues } from './formValues';
import { QuestionnaireForm } from './QuestionnaireForm';

const WithCriteria = ({
  experiment,
  questionnaire,
}: {
  experiment: Experiment;
  questionnaire: Questionnaire;
}) => {
  const translate = useTranslate();
  const criteria = useExperimentCriteria(experiment);
  if (!criteria.data)
    return <CircularProgress aria-hidden={false} aria-label={translate('ra.page.loading')} />;
  return (
    <QuestionnaireForm
      creating={false}
      criteria={criteria.data.current}
      defaultValues={toFormValues(questionnaire)}
    />
  );
};

const EditBody = () => {
  const translate = useTranslate();
  const questionnaire = useRecordContext<Questionnaire>();
  const { data: experiment } = useGetOne<Experiment>(
    'experiments',
    { id: questionnaire?.experimentId ?? '' },
    { enabled: Boolean(questionnaire) },
  );
  if (!questionnaire || !experiment) return null;
  // Published: the questions stay as the respondents saw them (the API refuses with QUESTIONNAIRE_NOT_DRAFT).
  if (questionnaire.status !== 'draft')
    return (
      <Alert severity="warning" sx={{ m: 2 }}>
        {translate('app.errors.QUESTIONNAIRE_NOT_DRAFT', {
          status: translate(`resources.questionnaires.statuses.${questionnaire.status}`),
        })}
      </Alert>
    );
  return <WithCriteria experiment={experiment} questionnaire={questionnaire} />;
};

/** Changes a draft questionnaire; published ones are read only. */
export const QuestionnaireEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    // The test of a questionnaire never changes: PUT refuses the field.
    transform={(values: QuestionnaireValues) => toQuestionnaireBody({ ...values, experimentId: undefined })}
  >
    <EditBody />
  </Edit>
);
