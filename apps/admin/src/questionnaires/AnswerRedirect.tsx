import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { participantAnswerPage } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The emailed link of a participants' questionnaire (/#/questionnaires/<id>/answer): past
 * the back-office's login, it opens the light answer page (/q/<id>), where the participant
 * answers with the same session.
 */
export const AnswerRedirect = () => {
  const translate = useTranslate();
  const { id = '' } = useParams();
  useEffect(() => {
    if (UUID.test(id)) window.location.replace(participantAnswerPage(id));
  }, [id]);
  return <p role="status">{translate(UUID.test(id) ? 'ra.page.loading' : 'ra.page.not_found')}</p>;
};
