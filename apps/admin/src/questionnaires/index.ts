import { lazy } from 'react';
import QuestionnaireIcon from '@mui/icons-material/QuizOutlined';

// What App.tsx composes: every screen loads when opened (the forms carry the domain's schemas,
// the results the charts), so that the first screen's JavaScript stays as it was.
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
export const AnswerRedirect = lazy(() =>
  import('./AnswerRedirect').then((m) => ({ default: m.AnswerRedirect })),
);
export type { Questionnaire } from './api';
