import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import type {
  ConsentOnBehalfInput,
  DepartedPerson,
  ExperimentCriteriaResponse,
  ExperimentProvenance,
  LifecycleAction,
  ReplicateExperimentInput,
} from '@capacites/domain';
import { i18nProvider } from '../i18n';
import { apiErrorMessage } from './errors';
import { toApiExperimentFilter } from '../experiments/list/filters';
import {
  ACTION_PATHS,
  type AllowedActionDto,
  type ExperimentStatusDto,
  type MyTask,
  type TimelineEntry,
} from './lifecycle';

export {
  ACTION_PATHS,
  type AllowedActionDto,
  type ExperimentStatusDto,
  type MyTask,
  type PendingExtensionDto,
  type TimelineEntry,
} from './lifecycle';
export { apiErrorCode, apiErrorMessage, refusalParams } from './errors';

/** Same origin as the back-office: the API serves it, and Vite proxies /api in dev. */
export const API_URL = '/api';

/**
 * The API refuses a state-changing call authenticated by the cookie unless it carries this
 * header (or a JSON body): a page of another origin cannot add it without CORS' consent.
 */
export const CSRF_HEADER = 'X-Capacites-Csrf';

/** Headers with the CSRF header added, whatever form the caller gave them in. */
export function withCsrfHeader(headers: HeadersInit | undefined): Headers {
  const result = new Headers(headers);
  result.set(CSRF_HEADER, '1');
  return result;
}

/**
 * The session is an HttpOnly cookie: every call sends it, and only to our own origin. A refusal
 * carries its message in the user's language, from the API's code and parameters (never the
 * API's English text), wherever react-admin shows it (notifications of saves and deletes too).
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  try {
    return await fetchUtils.fetchJson(url, {
      ...options,
      headers: withCsrfHeader(options.headers),
      credentials: 'same-origin',
    });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const message = apiErrorMessage(error, i18nProvider.translate, i18nProvider.getLocale());
    throw new HttpError(message, error.status, error.body);
  }
};

/**
 * What the back-office asks beyond the REST resources: the lifecycle actions, the
 * dashboard and the user's tasks. A refusal (409) rejects with an HttpError whose message
 * says the API's reason in the user's language (see httpClient).
 */
export interface CapacitesDataProvider extends DataProvider {
  getAllowedActions(experimentId: string): Promise<AllowedActionDto[]>;
  runAction(experimentId: string, action: LifecycleAction, body: object): Promise<unknown>;
  getDashboard<T>(organizationId?: string): Promise<T>;
  getMyTasks(): Promise<MyTask[]>;
  getTimeline(experimentId: string): Promise<TimelineEntry[]>;
  getUnreadCount(): Promise<number>;
  markAllNotificationsRead(): Promise<void>;
  /** What the workflow knows now (GET /experiments/:id/status): the pending extension request. */
  getStatus(experimentId: string): Promise<ExperimentStatusDto>;
  /** The criteria in force now, those fixed at launch and every amendment (GET /experiments/:id/criteria). */
  getCriteria(experimentId: string): Promise<ExperimentCriteriaResponse>;
  /** The calling participant gives (true) or withdraws (false) their consent. */
  /** With the version of the information notice the person read, when giving it. */
  setConsent(experimentId: string, consent: boolean, noticeVersion?: string): Promise<unknown>;
  /** HR enters a consent a participant gave outside the application (paper, email, meeting). */
  recordConsentOnBehalf(experimentId: string, body: ConsentOnBehalfInput): Promise<unknown>;
  /** Who of a test's pilots and sponsor is disabled or gone from the organisation (empty: nobody). */
  getDepartedPeople(experimentId: string): Promise<DepartedPerson[]>;
  /** Shares an evaluation's learnings with the network, or withdraws them (id = the experiment's). */
  setLearningsSharing(experimentId: string, shared: boolean): Promise<unknown>;
  /** "Reproduire dans mon organisation": the new draft (issue 16). */
  replicate(experimentId: string, body: ReplicateExperimentInput): Promise<{ id: string }>;
  /** Where a test comes from and how many organisations replicated it (issue 16). */
  getProvenance(experimentId: string): Promise<ExperimentProvenance>;
}

const base = simpleRestProvider(API_URL, httpClient);

// The API follows simple REST conventions; only the extra calls are added.
export const dataProvider: CapacitesDataProvider = {
  ...base,
  getList(resource, params) {
    if (resource !== 'experiments') return base.getList(resource, params);
    return base.getList(resource, { ...params, filter: toApiExperimentFilter(params.filter ?? {}) });
  },
  async getAllowedActions(experimentId) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/actions`);
    return json as AllowedActionDto[];
  },
  async runAction(experimentId, action, body) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/${ACTION_PATHS[action]}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return json;
  },
  async getDashboard<T>(organizationId?: string) {
    const query = organizationId ? `?organizationId=${encodeURIComponent(organizationId)}` : '';
    const { json } = await httpClient(`${API_URL}/dashboard${query}`);
    return json as T;
  },
  async getMyTasks() {
    const { json } = await httpClient(`${API_URL}/me/tasks`);
    return json as MyTask[];
  },
  async getTimeline(experimentId) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/timeline`);
    return json as TimelineEntry[];
  },
  async getUnreadCount() {
    const { json } = await httpClient(`${API_URL}/notifications/unread-count`);
    return (json as { count: number }).count;
  },
  async markAllNotificationsRead() {
    await httpClient(`${API_URL}/notifications/read-all`, { method: 'POST', body: '{}' });
  },
  async getStatus(experimentId) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/status`);
    return json as ExperimentStatusDto;
  },
  async getDepartedPeople(experimentId) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/departed-people`);
    return json as DepartedPerson[];
  },
  async getCriteria(experimentId) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/criteria`);
    return json as ExperimentCriteriaResponse;
  },
  async setConsent(experimentId, consent, noticeVersion) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/consent`, {
      method: 'POST',
      body: JSON.stringify(noticeVersion ? { consent, noticeVersion } : { consent }),
    });
    return json;
  },
  async recordConsentOnBehalf(experimentId, body) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/consent-records`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return json;
  },
  async setLearningsSharing(experimentId, shared) {
    const { json } = await httpClient(`${API_URL}/evaluations/${experimentId}/sharing`, {
      method: 'PUT',
      body: JSON.stringify({ shared }),
    });
    return json;
  },
  async replicate(experimentId, body) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/replications`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return json as { id: string };
  },
  async getProvenance(experimentId) {
    const { json } = await httpClient(`${API_URL}/experiments/${experimentId}/provenance`);
    return json as ExperimentProvenance;
  },
};
