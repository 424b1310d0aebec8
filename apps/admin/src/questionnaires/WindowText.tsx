import { useTranslate } from 'react-admin';
import { formattingLocale } from '../i18n';
import type { Questionnaire } from './api';

const day = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(formattingLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));

/**
 * When the questionnaire takes answers: its effective instants once the workflow knows them,
 * else the kind of window chosen ("pendant le test", "après l'arrêt, pour l'évaluation").
 */
export const WindowText = ({
  questionnaire,
  locale,
}: {
  questionnaire: Pick<Questionnaire, 'window' | 'opensAt' | 'closesAt' | 'status'>;
  locale: string;
}) => {
  const translate = useTranslate();
  const { opensAt, closesAt } = questionnaire;
  if (opensAt && closesAt)
    return (
      <span data-testid="questionnaire-window">
        {translate('resources.questionnaires.window.between', {
          from: day(opensAt, locale),
          to: day(closesAt, locale),
        })}
      </span>
    );
  if (closesAt)
    return <span>{translate('resources.questionnaires.window.until', { to: day(closesAt, locale) })}</span>;
  return <span>{translate(`resources.questionnaires.windows.${questionnaire.window.kind}`)}</span>;
};
