import { nonBlankPattern } from '../../src/common/zod-openapi';
import request from 'supertest';
import { ExperimentEntity } from '@capacites/persistence';
import {
  dateInDays,
  insertAdmin,
  insertTeam,
  readyFramingBody,
  type Team,
  type TeamRole,
} from '../support/fixtures';
import { login, loginTeam, type ApiClient, participantConsents } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

/** Nothing of the server's insides in an answer: no stack trace, no SQL, no driver message. */
const LEAK =
  /\n\s+at |node_modules|\.ts:\d+|QueryFailedError|SELECT |INSERT INTO|UPDATE "|syntax error at|violates|invalid input syntax|ECONNREFUSED/;

/** Text that a careless back-office would render as markup, and characters beyond Latin-1. */
const NASTY =
  '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; \' " ` \\ ${x} {{x}} %s ' +
  "'; DROP TABLE experiments; -- 👩🏽‍🔬 ﷽ עִבְרִית e\u0301 \u200b 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Ω";

/** A distinct value per field, so that each one can be found back verbatim. */
const nasty = (field: string) => `${NASTY} [${field}]`;

interface Problem {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}

/** A 4xx in the one error shape, which names the problem (and the field, when one is given). */
function expectProblem(response: request.Response, status: number, field?: string): Problem {
  const body = response.body as Problem;
  expect({ status: response.status, body }).toMatchObject({ status, body: { statusCode: status } });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(body.code).toMatch(/^[A-Z_]+$/);
  expect(body.message.length).toBeGreaterThan(10);
  expect(response.text).not.toMatch(LEAK);
  if (field) expect((body.fields ?? []).map((f) => f.field)).toContain(field);
  return body;
}

/** Every string value of a JSON answer, at any depth. */
function stringsOf(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsOf(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => stringsOf(item, into));
  return into;
}

describe('Bad input: refused with a 4xx that names the problem; odd text stored verbatim', () => {
  let stack: TestStack;
  let team: Team;
  let as: Record<TeamRole, ApiClient>;
  let admin: ApiClient;

  beforeAll(async () => {
    stack = await startStack();
    team = await insertTeam(stack.db);
    as = await loginTeam(stack.app, team);
    admin = await login(stack.app, (await insertAdmin(stack.db, team.organization.id)).email);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const draft = async (title = 'Brouillon de test') =>
    (await as.hr.post('/api/experiments').send({ organizationId: team.organization.id, title }).expect(201))
      .body.id as string;

  const launched = async (title: string) => {
    const id = await draft(title);
    await as.hr
      .put(`/api/experiments/${id}`)
      .send(readyFramingBody(team, dateInDays(60)))
      .expect(200);
    await participantConsents(stack.app, team, id);
    await as.pilot.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    return id;
  };

  it('refuses dates that do not exist or are not dates, naming the field, and changes nothing', async () => {
    const id = await draft();
    for (const expiresOn of [
      '2031-02-31',
      '2031-02-29',
      '2031-13-01',
      '2031-04-31',
      '31/12/2031',
      'demain',
      '2031-1-1',
      20311231,
    ]) {
      expectProblem(await as.hr.put(`/api/experiments/${id}`).send({ expiresOn }), 400, 'expiresOn');
    }
    const row = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id });
    expect(row.expiresAt).toBeNull();

    const consent = readyFramingBody(team, dateInDays(30)).participants.map((p) => ({
      ...p,
      consentedAt: 'hier',
    }));
    expectProblem(
      await as.hr.put(`/api/experiments/${id}`).send({ participants: consent }),
      400,
      'participants.0.consentedAt',
    );
    const running = await launched('Dates impossibles');
    expectProblem(
      await as.pilot
        .post(`/api/experiments/${running}/extension`)
        .send({ newExpiryDate: '2031-02-30', justification: 'Prolonger' }),
      400,
      'newExpiryDate',
    );
    expectProblem(
      await as.participant.post('/api/testimonies').send({
        experimentId: running,
        quote: 'Une date impossible',
        source: 'interview',
        collectedAt: '2031-06-31',
      }),
      400,
      'collectedAt',
    );
    expectProblem(
      await as.hr.get('/api/experiments').query({ filter: JSON.stringify({ expiresBefore: '2031-02-30' }) }),
      400,
    );
  });

  it('refuses to launch with an expiry in the past or beyond the maximum duration, and to extend beyond it (409 naming the rule)', async () => {
    const past = await draft('Péremption passée');
    await as.hr
      .put(`/api/experiments/${past}`)
      .send(readyFramingBody(team, dateInDays(-1)))
      .expect(200);
    await participantConsents(stack.app, team, past);
    const inPast = expectProblem(await as.pilot.post(`/api/experiments/${past}/launch`).send({}), 409);
    expect(inPast.message).toMatch(/the expiry date must be in the future/);

    const far = await draft('Péremption trop lointaine');
    await as.hr
      .put(`/api/experiments/${far}`)
      .send(readyFramingBody(team, dateInDays(365 + 2)))
      .expect(200);
    await participantConsents(stack.app, team, far);
    const tooFar = expectProblem(await as.pilot.post(`/api/experiments/${far}/launch`).send({}), 409);
    expect(tooFar.message).toMatch(/within the maximum duration of 365 days/);
    for (const id of [past, far]) {
      expect((await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id })).state).toBe('draft');
    }

    const running = await launched('Prolongation hors bornes');
    const beyond = expectProblem(
      await as.pilot
        .post(`/api/experiments/${running}/extension`)
        .send({ newExpiryDate: dateInDays(365 + 2), justification: 'Encore' }),
      409,
    );
    expect(beyond.message).toMatch(/within the maximum duration of 365 days from launch/);
    // The reason's code and parameters, for the back-office to say it in French.
    expect(beyond).toMatchObject({ code: 'EXTENSION_TOO_LONG', params: { maxDays: 365 } });
    const backwards = expectProblem(
      await as.pilot
        .post(`/api/experiments/${running}/extension`)
        .send({ newExpiryDate: dateInDays(-3), justification: 'Encore' }),
      409,
    );
    expect(backwards.message).toMatch(/must be after the current one/);
    expect(backwards).toMatchObject({
      code: 'EXTENSION_NOT_LATER',
      params: { expiresAt: expect.any(String) },
    });
  });

  it('refuses text over its limit, too many entries and unknown fields, naming each field', async () => {
    const id = await draft();
    const tooLong = expectProblem(
      await as.hr
        .put(`/api/experiments/${id}`)
        .send({ hypothesis: 'h'.repeat(4001), title: 't'.repeat(201) }),
      400,
    );
    expect(tooLong.fields?.map((f) => f.field).sort()).toEqual(['hypothesis', 'title']);
    const criterion = readyFramingBody(team, dateInDays(30)).criteria[0];
    expectProblem(
      await as.hr
        .put(`/api/experiments/${id}`)
        .send({ criteria: Array.from({ length: 51 }, (_, i) => ({ ...criterion, id: `c${i}` })) }),
      400,
      'criteria',
    );
    expectProblem(await as.hr.put(`/api/experiments/${id}`).send({ state: 'running' }), 400, 'state');
    expectProblem(
      await as.hr.put(`/api/experiments/${id}`).send({ pilotIds: ['not-a-uuid'] }),
      400,
      'pilotIds.0',
    );
  });

  it('refuses the NUL character, which PostgreSQL cannot store in text, naming the field', async () => {
    expectProblem(
      await as.hr
        .post('/api/experiments')
        .send({ organizationId: team.organization.id, title: 'avant\u0000après' }),
      400,
      'title',
    );
    const id = await draft();
    expectProblem(
      await as.hr
        .put(`/api/experiments/${id}`)
        .send({ exitPlan: { pilotWithdrawal: 'x\u0000', takeover: 'y' } }),
      400,
      'exitPlan.pilotWithdrawal',
    );
    expectProblem(
      await as.hr.get('/api/experiments').query({ filter: JSON.stringify({ q: 'accueil\u0000' }) }),
      400,
      'filter.q',
    );
  });

  it('takes an empty list in a filter as matching nothing, and an empty edit as no change (never a 500)', async () => {
    const filter = (value: object) => encodeURIComponent(JSON.stringify(value));
    for (const url of [
      `/api/experiments?filter=${filter({ state: [] })}`,
      `/api/experiments?filter=${filter({ id: [] })}`,
      `/api/audit-events?filter=${filter({ event: [] })}`,
      `/api/users?filter=${filter({ id: [] })}`,
    ]) {
      const response = await as.hr.get(url);
      expect({ url, status: response.status, body: response.body }).toEqual({ url, status: 200, body: [] });
    }
    const events = async (value: object) =>
      (
        (await admin.get(`/api/audit-events?range=[0,499]&filter=${filter(value)}`).expect(200)).body as {
          event: string;
        }[]
      ).map((e) => e.event);
    const organizationEvents = {
      organizationId: team.organization.id,
      event: ['organization.updated', 'organization.settingsChanged'],
    };
    const before = await events(organizationEvents);
    await admin.put(`/api/organizations/${team.organization.id}`).send({}).expect(200);
    expect(await events(organizationEvents)).toEqual(before);
    const id = await launched('Témoignage inchangé');
    const testimony = await as.participant
      .post('/api/testimonies')
      .send({ experimentId: id, quote: 'Inchangé', source: 'interview', collectedAt: dateInDays(0) })
      .expect(201);
    await as.participant.put(`/api/testimonies/${testimony.body.id}`).send({}).expect(200);
    const draftId = await draft('Modification vide');
    await as.hr.put(`/api/experiments/${draftId}`).send({}).expect(200);
    expect(await events({ experimentId: draftId })).toEqual(['create']);
  });

  it('answers errors of a download route (.ics) as JSON errors, not as a calendar', async () => {
    expectProblem(await as.hr.get('/api/experiments/pas-un-uuid/calendar.ics'), 400);
    expectProblem(await as.hr.get(`/api/experiments/${team.organization.id}/calendar.ics`), 404);
  });

  it('refuses an expiry date outside the years 2000 to 2999, which no calendar handles well', async () => {
    const id = await draft('Date antique');
    for (const expiresOn of ['0689-12-28', '1999-12-31', '3000-01-01']) {
      const problem = expectProblem(
        await as.hr.put(`/api/experiments/${id}`).send({ expiresOn }),
        400,
        'expiresOn',
      );
      expect(problem.fields?.[0].message).toBe('expiresOn must be between 2000-01-01 and 2999-12-31');
    }
    await as.hr.put(`/api/experiments/${id}`).send({ expiresOn: '2999-12-31' }).expect(200);
    expect((await as.hr.get(`/api/experiments/${id}/calendar.ics`).expect(200)).text).toContain(
      'DTSTART;VALUE=DATE:29991231',
    );
  });

  it('answers what its OpenAPI document says (the fuzzer): missing references 404, empty or long ranges a page, the limits it states', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    // A well-formed reference to a record that does not exist: 404, the field named.
    expectProblem(
      await as.hr.post('/api/testimonies').send({
        experimentId: nobody,
        quote: 'Personne',
        source: 'interview',
        collectedAt: dateInDays(0),
      }),
      404,
      'experimentId',
    );
    expectProblem(
      await admin.post('/api/tracks').send({ name: `Piste ${Date.now()}`, organizationId: nobody }),
      404,
      'organizationId',
    );
    expectProblem(
      await admin.post('/api/users').send({
        email: `orphelin-${Date.now()}@a.test`,
        displayName: 'Orphelin',
        memberships: [{ organizationId: nobody, role: 'hr' }],
      }),
      404,
      'memberships',
    );

    // RFC 5321: at most 64 characters before the @ (the OpenAPI `email` format says so too).
    expectProblem(
      await admin.post('/api/users').send({ email: `${'a'.repeat(65)}@a.test`, displayName: 'Trop long' }),
      400,
      'email',
    );

    // An end before the start: an empty page that still gives the total; a range longer than a
    // page: its first 500 rows.
    const range = (value: unknown) => `range=${encodeURIComponent(JSON.stringify(value))}`;
    const empty = await as.hr.get(`/api/experiments?${range([5, 2])}`).expect(200);
    expect(empty.body).toEqual([]);
    expect(empty.headers['content-range']).toMatch(/^experiments \*\/[1-9]\d*$/);
    const long = await as.hr.get(`/api/experiments?${range([0, 100000])}`).expect(200);
    expect(long.headers['content-range']).toMatch(/^experiments 0-\d+\/\d+$/);

    // What the schema cannot say is in it now: dates of the years 2000 to 2999, known time zones,
    // optional bodies where {} is valid.
    const document = (await request(stack.app.getHttpServer()).get('/api/docs/openapi.json').expect(200))
      .body as {
      paths: Record<string, Record<string, { requestBody?: { required?: boolean } }>>;
      components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
    };
    const schemas = JSON.stringify(document.components.schemas);
    expect(schemas).toContain('^2[0-9]{3}-');
    // Free text without the NUL character, which the API refuses in any field.
    expect(document.components.schemas.CreateExperimentDto.properties.hypothesis.pattern).toBe('^[^\\u0000]*$');
    // A trimmed text with a minimum length: blanks do not count, and the document says so.
    expect(document.components.schemas.CreateExperimentDto.properties.title.pattern).toBe(nonBlankPattern(3));
    const timeZone = JSON.stringify(document.components.schemas);
    expect(timeZone).toContain('"Europe/Paris"');
    expect(document.paths['/api/experiments/{id}'].put.requestBody?.required).toBe(false);
    expect(document.paths['/api/experiments/{id}/decision'].post.requestBody?.required).not.toBe(false);
    expectProblem(
      await admin.put(`/api/organizations/${team.organization.id}`).send({ timeZone: 'Mars/Olympus' }),
      400,
      'timeZone',
    );
  });

  it('refuses bodies that are not JSON on an authenticated write route (415) and leaves the experiment as it was', async () => {
    const id = await draft('Type de contenu');
    const token = (
      await request(stack.app.getHttpServer())
        .post('/api/auth/token')
        .send({ email: team.emails.hr, password: 'mot-de-passe-de-test' })
        .expect(200)
    ).body.token as string;
    for (const [type, payload] of [
      ['text/plain', JSON.stringify({ title: 'Changé' })],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nChangé\r\n--x--',
      ],
      ['application/x-www-form-urlencoded', 'title=Chang%C3%A9'],
    ]) {
      const response = await request(stack.app.getHttpServer())
        .put(`/api/experiments/${id}`)
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', type)
        .send(payload);
      expect(expectProblem(response, 415).message).toContain('application/json');
    }
    expect((await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id })).title).toBe(
      'Type de contenu',
    );
  });

  it('stores unicode and HTML verbatim in every text field, and answers it as JSON text', async () => {
    const created = await as.hr
      .post('/api/experiments')
      .send({
        organizationId: team.organization.id,
        title: nasty('title'),
        hypothesis: nasty('hypothesis'),
        vision: nasty('vision'),
        scope: nasty('scope'),
      })
      .expect(201);
    const id = created.body.id as string;
    const framing = readyFramingBody(team, dateInDays(60));
    await as.hr
      .put(`/api/experiments/${id}`)
      .send({
        ...framing,
        hypothesis: nasty('hypothesis'),
        scope: nasty('scope'),
        criteria: [
          {
            id: 'c1',
            name: nasty('criteria.name'),
            method: nasty('criteria.method'),
            target: nasty('criteria.target'),
            coBuiltWithUsers: true,
          },
        ],
        exitPlan: {
          pilotWithdrawal: nasty('exitPlan.pilotWithdrawal'),
          takeover: nasty('exitPlan.takeover'),
        },
      })
      .expect(200);
    await participantConsents(stack.app, team, id);
    await as.pilot.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    await as.pilot
      .post(`/api/experiments/${id}/check-ins`)
      .send({ weather: 'cloudy', progress: nasty('checkIn.progress'), blockers: nasty('checkIn.blockers') })
      .expect(200);
    await as.participant
      .post('/api/testimonies')
      .send({
        experimentId: id,
        quote: nasty('testimony.quote'),
        speaker: nasty('testimony.speaker'),
        speakerRole: nasty('testimony.speakerRole'),
        source: 'interview',
        collectedAt: dateInDays(0),
      })
      .expect(201);
    await as.pilot
      .post(`/api/experiments/${id}/criteria-amendments`)
      .send({
        criteria: [
          { id: 'c1', name: nasty('amendment.name'), method: '', target: '', coBuiltWithUsers: true },
        ],
        reason: nasty('amendment.reason'),
      })
      .expect(200);
    await as.pilot
      .post(`/api/experiments/${id}/extension`)
      .send({ newExpiryDate: dateInDays(70), justification: nasty('extension.justification') })
      .expect(200);
    await as.sponsor
      .post(`/api/experiments/${id}/extension/refuse`)
      .send({ reason: nasty('extension.refusal') })
      .expect(200);
    await as.pilot
      .post(`/api/experiments/${id}/stop`)
      .send({ reason: nasty('stop.reason') })
      .expect(200);
    await as.pilot
      .post(`/api/experiments/${id}/evaluation`)
      .send({
        verdict: 'partly_confirmed',
        criterionResults: [{ criterionId: 'c1', result: nasty('evaluation.result'), met: null }],
        usersVoice: { sources: [nasty('evaluation.source')], count: 3, noneReason: '' },
        learnings: nasty('evaluation.learnings'),
      })
      .expect(200);
    await as.sponsor
      .post(`/api/experiments/${id}/decision`)
      .send({
        outcome: 'iterate',
        rationale: nasty('decision.rationale'),
        nextFocus: nasty('decision.nextFocus'),
      })
      .expect(200);

    await admin
      .post('/api/tracks')
      .send({ name: nasty('track.name'), description: nasty('track.description') })
      .expect(201);
    const user = await admin
      .post('/api/users')
      .send({ email: `unicode-${Date.now()}@a.test`, displayName: nasty('user.displayName') })
      .expect(201);
    await admin
      .put(`/api/organizations/${team.organization.id}`)
      .send({ name: nasty('organization.name') })
      .expect(200);

    const filter = (value: object) => encodeURIComponent(JSON.stringify(value));
    const reads = [
      `/api/experiments/${id}`,
      `/api/experiments/${id}/timeline`,
      `/api/check-ins?filter=${filter({ experimentId: id })}`,
      `/api/testimonies?filter=${filter({ experimentId: id })}`,
      `/api/evaluations/${id}`,
      `/api/decisions/${id}`,
      `/api/audit-events?range=[0,99]&filter=${filter({ experimentId: id })}`,
      `/api/experiments?filter=${filter({ parentId: id })}`,
    ];
    const seen = new Set<string>();
    for (const url of reads) {
      const response = await as.hr.get(url).expect(200);
      // JSON, never HTML: a browser does not render it, and the back-office escapes it (React).
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      stringsOf(response.body, seen);
    }
    stringsOf((await admin.get(`/api/tracks?range=[0,99]`).expect(200)).body, seen);
    stringsOf((await admin.get(`/api/users/${user.body.id}`).expect(200)).body, seen);
    stringsOf((await admin.get(`/api/organizations/${team.organization.id}`).expect(200)).body, seen);

    const expected = [
      'title',
      'hypothesis',
      'vision',
      'scope',
      'criteria.name',
      'criteria.method',
      'criteria.target',
      'exitPlan.pilotWithdrawal',
      'exitPlan.takeover',
      'checkIn.progress',
      'checkIn.blockers',
      'testimony.quote',
      'testimony.speaker',
      'testimony.speakerRole',
      'amendment.name',
      'amendment.reason',
      'extension.justification',
      'extension.refusal',
      'stop.reason',
      'evaluation.result',
      'evaluation.source',
      'evaluation.learnings',
      'decision.rationale',
      'decision.nextFocus',
      'track.name',
      'track.description',
      'user.displayName',
      'organization.name',
    ];
    expect(expected.filter((field) => !seen.has(nasty(field)))).toEqual([]);
    // The iteration copies the framing: still verbatim after a trip through the workflow.
    const iteration = await as.hr.get(`/api/experiments?filter=${filter({ parentId: id })}`).expect(200);
    expect(iteration.body).toHaveLength(1);
    expect(iteration.body[0].title).toContain(nasty('title'));
  });
});
