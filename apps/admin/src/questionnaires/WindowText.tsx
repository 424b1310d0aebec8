import { useTranslate } from 'react-admin';
import { useOrganizationDateFormat } from '../organizations';
import type { Questionnaire } from './api';

/**
 * When the questionnaire takes answers: its effective instants once the workflow knows them,
 * else the kind of window chosen ("pendant le test", "après l'arrêt, pour l'évaluation").
 */
export const WindowText = ({
  questionnaire,
}: {
  questionnaire: Pick<Questionnaire, 'window' | 'opensAt' | 'closesAt' | 'status' | 'organizationId'>;
}) => {
  const translate = useTranslate();
  // The organisation's own time zone, as every other date of a test.
  const format = useOrganizationDateFormat(questionnaire.organizationId);
  const day = (iso: string) => format(iso, true);
  const { opensAt, closesAt } = questionnaire;
  if (opensAt && closesAt)
    return (
      <span data-testid="questionnaire-window">
        {translate('resources.questionnaires.window.between', {
          from: day(opensAt),
          to: day(closesAt),
        })}
      </span>
    );
  if (closesAt)
    return <span>{translate('resources.questionnaires.window.until', { to: day(closesAt) })}</span>;
  return <span>{translate(`resources.questionnaires.windows.${questionnaire.window.kind}`)}</span>;
};
