import type { QuestionResult, UsersVoiceSummary } from '@capacites/domain';
import { Alert, Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formattingLocale } from '../../i18n';
import { distributionLabel, formatMean } from '../show/labels';

type Translate = (key: string, options?: object) => string;

/** One question's answers in a line: the mean of a scale, the share of yes, the leading option, or the texts. */
export function resultInWords(result: QuestionResult, translate: Translate, locale: string): string {
  const r = (key: string, options?: object) => translate(`resources.questionnaires.results.${key}`, options);
  const answered = r('answeredCount', { smart_count: result.answered });
  if (result.answered === 0) return answered;
  if (result.kind === 'scale')
    return `${r('mean')} ${formatMean(result.mean, formattingLocale(locale))} (${answered})`;
  if (result.kind === 'shortText' || result.kind === 'longText')
    return `${r('texts', { smart_count: result.texts.length })}`;
  const top = [...result.distribution].sort((a, b) => b.count - a.count)[0];
  if (!top || top.count === 0) return answered;
  const share = new Intl.NumberFormat(formattingLocale(locale), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(top.count / result.answered);
  return `${distributionLabel(result, top.value, translate)} : ${share} (${answered})`;
}

/**
 * What the questionnaires say about one criterion, beside its result in the evaluation form:
 * the evaluator reads it and still writes the result.
 */
export const CriterionVoice = ({
  summary,
  criterionId,
}: {
  summary: UsersVoiceSummary | null;
  criterionId: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const criterion = summary?.criteria.find((c) => c.criterionId === criterionId);
  // Each question with the questionnaire it comes from (the summary spans every questionnaire).
  const questions = (criterion?.questions ?? []) as (QuestionResult & {
    questionnaireId: string;
    questionnaireTitle: string;
  })[];
  if (!criterion || questions.length === 0) return null;
  return (
    <Box
      component="aside"
      aria-label={translate('resources.questionnaires.evaluation.criterionVoice', {
        name: criterion.criterionName,
      })}
      sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 1.5, mb: 1.5 }}
      data-criterion-voice={criterionId}
    >
      <Typography variant="body2" sx={{ fontWeight: 700 }}>
        {translate('resources.questionnaires.evaluation.whatTheySay')}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {questions.map((question) => (
          <Box component="li" key={`${question.questionnaireId}-${question.questionId}`}>
            <Typography variant="body2">
              {question.questionnaireTitle} — {question.label} : {resultInWords(question, translate, locale)}
            </Typography>
            {question.texts.length > 0 ? (
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {question.texts.slice(0, 3).map((text, index) => (
                  <Typography
                    component="li"
                    variant="body2"
                    key={index}
                    sx={{ fontStyle: 'italic', whiteSpace: 'pre-line' }}
                  >
                    « {text} »
                  </Typography>
                ))}
              </Box>
            ) : null}
          </Box>
        ))}
      </Box>
    </Box>
  );
};

/** Above the users' voice fields: where the pre-filled sources and count come from. */
export const UsersVoiceNote = ({ summary }: { summary: UsersVoiceSummary | null }) => {
  const translate = useTranslate();
  if (!summary) return null;
  const withAnswers = summary.questionnaires.filter((q) => q.respondents > 0);
  if (withAnswers.length === 0)
    return (
      <Alert severity="info" sx={{ mb: 1 }}>
        {translate('resources.questionnaires.evaluation.noAnswers')}
      </Alert>
    );
  return (
    <Alert severity="info" sx={{ mb: 1 }} data-testid="users-voice-prefilled">
      {translate('resources.questionnaires.evaluation.prefilled', {
        count: summary.usersVoice.count,
        smart_count: withAnswers.length,
      })}
    </Alert>
  );
};
