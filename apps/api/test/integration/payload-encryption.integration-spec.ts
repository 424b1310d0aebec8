import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { newPayloadKeyEntry, parsePayloadKeys, temporalDataConverter } from '@capacites/config';
import { experimentWorkflowId } from '@capacites/domain';
import { AuditEventEntity } from '@capacites/persistence';
import { recordCheckInUpdate, statusQuery } from '@capacites/workflows';
import { dateInDays, insertAdmin, insertTeam, readyFramingBody, type Team } from '../support/fixtures';
import { bearerToken, login, participantConsents, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

// Words of one test, each unlikely anywhere else: none may reach Temporal in clear.
const SECRETS = {
  title: 'Guichet unique Zéphyrine-7Q',
  hypothesis: 'Hypothèse confidentielle Orvandel-42',
  checkIn: 'Point d’étape confidentiel Malbrough-9',
};

/** Every byte Temporal holds for a workflow, as text: the history's JSON and each payload's bytes. */
async function rawHistoryText(address: string, workflowId: string): Promise<string> {
  const connection = await Connection.connect({ address });
  try {
    // A client without any codec: what an operator of Temporal (or Temporal Cloud) reads.
    const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
    const json = historyToJSON(history);
    const payloadBytes = [...json.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map(([, b64]) =>
      Buffer.from(b64, 'base64').toString('utf8'),
    );
    return `${json}\n${payloadBytes.join('\n')}`;
  } finally {
    await connection.close();
  }
}

const TEMPORAL_UI = 'http://localhost:8233';

describe('Workflow payloads encrypted before they reach Temporal (issue 17, item 1)', () => {
  let stack: TestStack;
  let team: Team;
  let hr: ApiClient;
  let worker: WorkerProcess | undefined;
  const keyA = newPayloadKeyEntry('2026-a');
  const keyB = newPayloadKeyEntry('2026-b');
  let experimentId: string;

  beforeAll(async () => {
    stack = await startStack({
      worker: false,
      env: { TEMPORAL_PAYLOAD_KEYS: keyA, TEMPORAL_UI_ORIGINS: TEMPORAL_UI },
    });
    worker = await startWorkerProcess(stack.env);
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
  });

  afterAll(async () => {
    await worker?.stop();
    await stack?.close();
  });

  it('keeps every text of a test out of the raw history, and names the key in each payload', async () => {
    const created = await hr
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title: SECRETS.title })
      .expect(201);
    experimentId = created.body.id as string;
    await hr
      .put(`/api/experiments/${experimentId}`)
      .send({ ...readyFramingBody(team, dateInDays(30)), hypothesis: SECRETS.hypothesis })
      .expect(200);
    await participantConsents(stack.app, team, experimentId);
    await hr.post(`/api/experiments/${experimentId}/launch`).send({}).expect(200);
    const pilot = await login(stack.app, team.emails.pilot);
    await pilot
      .post(`/api/experiments/${experimentId}/check-ins`)
      .send({ weather: 'cloudy', progress: SECRETS.checkIn, blockers: '' })
      .expect(200);

    // The application reads its state back through its own client.
    const shown = await hr.get(`/api/experiments/${experimentId}`).expect(200);
    expect(shown.body).toMatchObject({ state: 'running', title: SECRETS.title });

    const raw = await rawHistoryText(stack.env.TEMPORAL_ADDRESS, experimentWorkflowId(experimentId));
    expect(raw.length).toBeGreaterThan(1000);
    for (const [what, text] of Object.entries(SECRETS))
      expect(`${what} ${raw.includes(text)}`).toBe(`${what} false`);
    // People are named by id in payloads: none of theirs either.
    for (const id of [team.pilot, team.sponsor, team.participant, team.hr])
      expect(`${id} ${raw.includes(id)}`).toBe(`${id} false`);
    expect(raw).toContain(Buffer.from('binary/encrypted').toString('base64'));
    expect(raw).toContain(Buffer.from('2026-a').toString('base64'));
  });

  it('rotates: a new key encrypts new payloads, and the old ones stay readable', async () => {
    // Every process gets "B first, then A": the worker restarts with both.
    await worker?.stop();
    const rotatedKeys = `${keyB},${keyA}`;
    worker = await startWorkerProcess({ ...stack.env, TEMPORAL_PAYLOAD_KEYS: rotatedKeys });
    const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({
        connection,
        dataConverter: temporalDataConverter(parsePayloadKeys(rotatedKeys, 'test')),
      });
      const handle = client.workflow.getHandle(experimentWorkflowId(experimentId));
      // The worker replays a history written with A, then takes an Update written with B.
      await handle.executeUpdate(recordCheckInUpdate, {
        args: [
          {
            actor: { userId: team.pilot },
            checkIn: { weather: 'sunny', progress: 'Après la rotation des clés', blockers: '' },
          },
        ],
      });
      const status = await handle.query(statusQuery);
      expect(status.state).toBe('running');
    } finally {
      await connection.close();
    }
    const raw = await rawHistoryText(stack.env.TEMPORAL_ADDRESS, experimentWorkflowId(experimentId));
    expect(raw).toContain(Buffer.from('2026-a').toString('base64'));
    expect(raw).toContain(Buffer.from('2026-b').toString('base64'));
    expect(raw.includes('Après la rotation des clés')).toBe(false);
  });

  it("serves Temporal's codec endpoint to platform administrators only, audited", async () => {
    const raw = await stack.temporal.workflow.getHandle(experimentWorkflowId(experimentId)).fetchHistory();
    // The first event's input, as the Web UI sends it: encrypted.
    const input = raw.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    expect(input).toBeDefined();
    const asJson = (p: NonNullable<typeof input>) => ({
      metadata: Object.fromEntries(
        Object.entries(p.metadata ?? {}).map(([k, v]) => [
          k,
          Buffer.from(v as Uint8Array).toString('base64'),
        ]),
      ),
      data: Buffer.from(p.data as Uint8Array).toString('base64'),
    });
    const body = { payloads: [asJson(input as NonNullable<typeof input>)] };
    const server = stack.app.getHttpServer();

    await request(server).post('/api/temporal-codec/decode').send(body).expect(401);
    const hrAnswer = await hr.post('/api/temporal-codec/decode').send(body).expect(403);
    expect(hrAnswer.body).toMatchObject({ code: 'FORBIDDEN', params: { action: 'decodeWorkflowPayloads' } });

    const admin = await insertAdmin(stack.db, team.organization.id);
    const adminToken = await bearerToken(stack.app, admin.email);
    const decoded = await request(server)
      .post('/api/temporal-codec/decode')
      .set('Authorization', `Bearer ${adminToken}`)
      .set('X-Namespace', 'default')
      .send(body)
      .expect(200);
    const clear = Buffer.from(decoded.body.payloads[0].data, 'base64').toString('utf8');
    expect(JSON.parse(clear)).toMatchObject({ experimentId, organizationId: team.organization.id });
    expect(Buffer.from(decoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');

    const audit = await stack.db
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ event: 'temporal.payloadsDecoded' });
    expect(audit.details).toEqual({ payloads: 1, namespace: 'default' });

    const malformed = await request(server)
      .post('/api/temporal-codec/decode')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ payloads: [{ data: 'not base64 !' }] })
      .expect(400);
    expect(malformed.body.fields?.[0]?.field).toBe('payloads.0.data');
    // Altered in Temporal, or of a key not held here: named, not a server error.
    const altered = {
      ...body.payloads[0],
      data: Buffer.from('nonsense of 32 bytes or more...!').toString('base64'),
    };
    const refused = await request(server)
      .post('/api/temporal-codec/decode')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ payloads: [body.payloads[0], altered] })
      .expect(400);
    expect(refused.body.fields).toEqual([
      { field: 'payloads.1', message: expect.stringContaining('cannot be decrypted') },
    ]);
  });

  it("lets Temporal's Web UI call the codec endpoint with the operator's session, and nothing else", async () => {
    const server = stack.app.getHttpServer();
    const preflight = (path: string) =>
      request(server)
        .options(path)
        .set('Origin', TEMPORAL_UI)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,x-namespace');
    const codec = await preflight('/api/temporal-codec/decode');
    expect(codec.headers['access-control-allow-origin']).toBe(TEMPORAL_UI);
    expect(codec.headers['access-control-allow-credentials']).toBe('true');
    expect(codec.headers['access-control-allow-headers']?.toLowerCase()).toContain('x-namespace');
    const elsewhere = await preflight('/api/experiments');
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();

    // A cookie session, as the browser holds it.
    const login = await request(server)
      .post('/api/auth/login')
      .send({ email: team.emails.hr, password: 'mot-de-passe-de-test' })
      .expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const fromUi = (path: string) =>
      request(server)
        .post(path)
        .set('Cookie', cookie)
        .set('Origin', TEMPORAL_UI)
        .set('Sec-Fetch-Site', 'same-site');
    // Past the CSRF check on the codec endpoint (then refused: HR is no operator)…
    const decode = await fromUi('/api/temporal-codec/decode').send({ payloads: [] }).expect(403);
    expect(decode.body.code).toBe('FORBIDDEN');
    // …and refused as cross-site anywhere else.
    const cancel = await fromUi(`/api/experiments/${experimentId}/cancel`).send({}).expect(403);
    expect(cancel.body.code).toBe('CSRF_REFUSED');
  });
});
