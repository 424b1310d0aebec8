import type {
  MyQuestionnaireItem,
  QuestionnaireResults,
  QuestionnaireView,
  RespondentStatus,
  UsersVoiceSummary,
} from '@capacites/domain';
import type { RaRecord } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';

/** A questionnaire as react-admin holds it (GET /api/questionnaires/:id). */
export type Questionnaire = QuestionnaireView & RaRecord<string>;

/** The questionnaires' calls beyond the REST resource (docs/questionnaires.md). */
export const questionnairesApi = {
  async results(id: string): Promise<QuestionnaireResults> {
    const { json } = await httpClient(`${API_URL}/questionnaires/${id}/results`);
    return json as QuestionnaireResults;
  },
  async respondents(id: string): Promise<RespondentStatus[]> {
    const { json } = await httpClient(`${API_URL}/questionnaires/${id}/respondents`);
    return json as RespondentStatus[];
  },
  async publish(id: string): Promise<QuestionnaireView> {
    const { json } = await httpClient(`${API_URL}/questionnaires/${id}/publish`, {
      method: 'POST',
      body: '{}',
    });
    return json as QuestionnaireView;
  },
  async close(id: string, reason: string): Promise<QuestionnaireView> {
    const body = reason.trim() ? { reason: reason.trim() } : {};
    const { json } = await httpClient(`${API_URL}/questionnaires/${id}/close`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return json as QuestionnaireView;
  },
  async mine(): Promise<MyQuestionnaireItem[]> {
    const { json } = await httpClient(`${API_URL}/me/questionnaires`);
    return json as MyQuestionnaireItem[];
  },
  async usersVoice(experimentId: string): Promise<UsersVoiceSummary> {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/users-voice`);
    return json as UsersVoiceSummary;
  },
};

/** The QR code of a public questionnaire's link (SVG, drawn by the API). */
export const qrCodeUrl = (id: string) => `${API_URL}/questionnaires/${id}/qr.svg`;

/** The anonymous answers as a spreadsheet, streamed by the API like the other exports. */
export const responsesExportUrl = (id: string, format: 'csv' | 'xlsx') =>
  `${API_URL}/exports/questionnaire-responses?${new URLSearchParams({
    format,
    filter: JSON.stringify({ questionnaireId: id }),
  }).toString()}`;

/** Where a participant answers: the light answer page, with their session. */
export const participantAnswerPage = (id: string) => `/q/${id}`;
