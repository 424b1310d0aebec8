import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { dateInDays, readyFramingBody, TEST_PASSWORD, type Team, type TeamRole } from './fixtures';
import { enrolTotp, nextTotpCode } from './totp';

/** An HTTP client of the API acting as one signed-in user (bearer token). */
export interface ApiClient {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  delete(url: string): request.Test;
}

/** A client sending this bearer token (a session's, or a service account's). */
export function bearerClient(app: INestApplication, token: string): ApiClient {
  const server = app.getHttpServer();
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    get: (url) => auth(request(server).get(url)),
    post: (url) => auth(request(server).post(url)),
    put: (url) => auth(request(server).put(url)),
    delete: (url) => auth(request(server).delete(url)),
  };
}

export function anonymous(app: INestApplication): ApiClient {
  const server = app.getHttpServer();
  return {
    get: (url) => request(server).get(url),
    post: (url) => request(server).post(url),
    put: (url) => request(server).put(url),
    delete: (url) => request(server).delete(url),
  };
}

export async function login(
  app: INestApplication,
  email: string,
  password = TEST_PASSWORD,
): Promise<ApiClient> {
  return bearerClient(app, await bearerToken(app, email, password));
}

/**
 * A bearer token for the account, through both steps when it has a second factor. A
 * platform admin without one enrols first (the API lets them do nothing else), as the
 * back-office makes them do.
 */
export async function bearerToken(
  app: INestApplication,
  email: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const server = app.getHttpServer();
  let response = await request(server).post('/api/auth/token').send({ email, password });
  if (response.status === 200 && response.body.totpRequired) {
    response = await request(server)
      .post('/api/auth/login/totp')
      .send({ pendingToken: response.body.pendingToken, code: nextTotpCode(email) });
  }
  if (response.status !== 200 || typeof response.body.token !== 'string')
    throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const token = response.body.token as string;
  const me = await request(server).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  if (me.body?.totp?.enrolmentRequired) await enrolTotp(app, email, token);
  return token;
}

/** One signed-in client per role of the team. */
export async function loginTeam(app: INestApplication, team: Team): Promise<Record<TeamRole, ApiClient>> {
  const roles: TeamRole[] = ['pilot', 'sponsor', 'participant', 'codir', 'hr'];
  const clients = await Promise.all(roles.map((role) => login(app, team.emails[role])));
  return Object.fromEntries(roles.map((role, i) => [role, clients[i]])) as Record<TeamRole, ApiClient>;
}

// One token per (app, participant): loops that launch many tests stay under the login limit.
const participantClients = new WeakMap<INestApplication, Map<string, Promise<ApiClient>>>();

/**
 * The team's participant gives their own consent (POST /experiments/:id/consent): the only
 * way a consent is given, besides HR's audited entry of one collected on paper.
 */
export async function participantConsents(app: INestApplication, team: Team, experimentId: string) {
  let clients = participantClients.get(app);
  if (!clients) participantClients.set(app, (clients = new Map()));
  const email = team.emails.participant;
  if (!clients.has(email)) clients.set(email, login(app, email));
  const client = await (clients.get(email) as Promise<ApiClient>);
  await client.post(`/api/experiments/${experimentId}/consent`).send({ consent: true }).expect(200);
}

/**
 * A draft of the team ready to launch, as HR or a pilot frames it: every item of the readiness
 * checklist, expiring in `expiresInDays`, the participant's consent given by them.
 */
export async function readyDraft(
  app: INestApplication,
  author: ApiClient,
  team: Team,
  title: string,
  expiresInDays = 60,
): Promise<string> {
  const created = await author
    .post('/api/experiments')
    .send({ organizationId: team.organization.id, title })
    .expect(201);
  const id = created.body.id as string;
  await author
    .put(`/api/experiments/${id}`)
    .send(readyFramingBody(team, dateInDays(expiresInDays)))
    .expect(200);
  await participantConsents(app, team, id);
  return id;
}

/** The same draft, launched by its author: a running test. */
export async function launchedExperiment(
  app: INestApplication,
  author: ApiClient,
  team: Team,
  title: string,
  expiresInDays = 60,
): Promise<string> {
  const id = await readyDraft(app, author, team, title, expiresInDays);
  await author.post(`/api/experiments/${id}/launch`).send({}).expect(200);
  return id;
}
