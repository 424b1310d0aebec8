import type { Criterion } from '@capacites/domain';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Questionnaire } from '../api';

/** The questions as the respondents see them, with what each is tied to. */
export const QuestionList = ({
  questionnaire,
  criteria,
}: {
  questionnaire: Questionnaire;
  criteria: Criterion[];
}) => {
  const translate = useTranslate();
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  const f = (key: string, options?: object) => translate(`resources.questionnaires.fields.${key}`, options);
  return (
    <Box component="ol" sx={{ pl: 3, m: 0 }}>
      {questionnaire.questions.map((question) => (
        <Box component="li" key={question.id} sx={{ mb: 1.5 }}>
          <Typography sx={{ fontWeight: 600 }}>
            {question.label}
            {question.required ? ` (${translate('resources.questionnaires.requiredMark')})` : ''}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`resources.questionnaires.kinds.${question.kind}`)}
            {question.kind === 'scale' && (question.minLabel || question.maxLabel)
              ? ` : 1 = ${question.minLabel || '—'}, 5 = ${question.maxLabel || '—'}`
              : ''}
            {question.options.length > 0 ? ` : ${question.options.join(' · ')}` : ''}
            {question.criterionId ? ` · ${f('criterionId')} : ${names.get(question.criterionId) ?? '—'}` : ''}
            {questionnaire.audience === 'participants' && !question.anonymous
              ? ` · ${translate('resources.questionnaires.nominative')}`
              : ''}
          </Typography>
          {question.help ? (
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
              {question.help}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
};
