import { lazy } from 'react';
import QuestionnaireIcon from '@mui/icons-material/QuizOutlined';

// Loaded when opened: the forms carry the domain's schemas, the results the charts.
export const questionnaires = {
  show: lazy(() => import('./show/QuestionnaireShow').then((m) => ({ default: m.QuestionnaireShow }))),
  create: lazy(() => import('./form/QuestionnaireCreate').then((m) => ({ default: m.QuestionnaireCreate }))),
  edit: lazy(() => import('./form/QuestionnaireEdit').then((m) => ({ default: m.QuestionnaireEdit }))),
  icon: QuestionnaireIcon,
  recordRepresentation: 'title',
};

export const QuestionnairePoster = lazy(() =>
  import('./show/QuestionnairePoster').then((m) => ({ default: m.QuestionnairePoster })),
);
export { AnswerRedirect } from './AnswerRedirect';
export { ExperimentQuestionnaires } from './ExperimentQuestionnaires';
export { CriterionVoice, UsersVoiceNote } from './evaluation/UsersVoicePanel';
export { questionnairesApi } from './api';
export type { Questionnaire } from './api';
