import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { participantAnswerPath } from '@capacites/domain';
import { NotificationEntity, UserEntity } from '@capacites/persistence';
import { dateInDays, insertTeam, readyFramingBody, type Team } from '../support/fixtures';
import { anonymous, launchedExperiment, login, loginTeam, participantConsents, type ApiClient } from '../support/http';
// The worker's service, on this run's database: the reminder's recipients (lint allows it in tests).
import { loadWorkerConfig } from '../../../worker/src/config/worker.config';
import { createMailer } from '../../../worker/src/notifications/mailer';
import { NotifierService } from '../../../worker/src/notifications/notifier.service';
import { QuestionnaireEventsService } from '../../../worker/src/questionnaires/questionnaire-events.service';
import { LogCapture } from '../support/log-capture';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { startStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/worker-process';

const PUBLIC_URL = 'https://capacites.nantes.fr';
const token = () => randomUUID().replace(/-/g, '');
const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);

/**
 * Questionnaires through the real stack (issue 14): PostgreSQL, the Temporal dev server and
 * its worker, a real SMTP server. The participants' path from the emailed link, the public's
 * anonymous answers and their abuse cases, results, export and the evaluation's pre-fill.
 */
describe('Questionnaires: la voix des usagers', () => {
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let team: Team;
  let other: Team;
  let as: Awaited<ReturnType<typeof loginTeam>>;
  let otherHr: ApiClient;
  let otherParticipant: ApiClient;
  let experimentId: string;
  const logs = new LogCapture();

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    // One trusted proxy: each test speaks from addresses of its own (X-Forwarded-For).
    stack = await startStack({ env: { SMTP_URL: smtp.url, PUBLIC_URL, TRUST_PROXY_HOPS: '1' }, logs });
    team = await insertTeam(stack.db);
    other = await insertTeam(stack.db, {
      id: randomUUID(),
      slug: `lyon-${randomUUID().slice(0, 8)}`,
      name: 'Métropole de Lyon',
      kind: 'commune',
    });
    as = await loginTeam(stack.app, team);
    otherHr = await login(stack.app, other.emails.hr);
    otherParticipant = await login(stack.app, other.emails.participant);
    const created = await as.hr
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title: 'Classeur médical partagé en crèche' })
      .expect(201);
    experimentId = created.body.id;
    await as.hr.put(`/api/experiments/${experimentId}`).send(readyFramingBody(team, dateInDays(45))).expect(200);
    await participantConsents(stack.app, team, experimentId);
    await as.pilot.post(`/api/experiments/${experimentId}/launch`).send({}).expect(200);
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  const pulse = () => ({
    experimentId,
    title: 'Pulse de mi-parcours',
    intro: 'Trois questions, deux minutes.',
    audience: 'participants',
    questions: [
      { id: 'useful', kind: 'scale', label: 'Le classeur vous aide-t-il ?', required: true, criterionId: 'errors', minLabel: 'Pas du tout', maxLabel: 'Tout à fait' },
      { id: 'again', kind: 'yesNo', label: 'Continueriez-vous ?' },
      { id: 'why', kind: 'longText', label: 'Pourquoi ?', anonymous: false, help: 'Votre nom sera visible de la pilote pour cette question.' },
    ],
  });

  it('participants: notified with a link, answer once and change it until closed; the pilot sees who has not answered, never what', async () => {
    // A criterion that is not the test's is named.
    const bad = await as.hr
      .post('/api/questionnaires')
      .send({ ...pulse(), questions: [{ kind: 'yesNo', label: 'Oui ?', criterionId: 'unknown' }] })
      .expect(400);
    expect(fieldsOf(bad.body)).toEqual(['questions.0.criterionId']);
    // The sponsor does not build questionnaires; the participant neither.
    await as.sponsor.post('/api/questionnaires').send(pulse()).expect(403);
    // Another organisation's HR: the test does not exist for them.
    expect((await otherHr.post('/api/questionnaires').send(pulse()).expect(404)).body.code).toBe('EXPERIMENT_NOT_FOUND');

    const created = await as.hr.post('/api/questionnaires').send(pulse()).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'draft', audience: 'participants', publicCode: null, respondentCount: 0 });
    await as.pilot.put(`/api/questionnaires/${id}`).send({ title: 'Pulse de mi-parcours (mars)' }).expect(200);

    const published = await as.pilot.post(`/api/questionnaires/${id}/publish`).send({}).expect(200);
    expect(published.body).toMatchObject({ status: 'open', expectedCount: 1 });
    expect(published.body.closesAt).toBeTruthy();
    expect((await as.hr.put(`/api/questionnaires/${id}`).send({ title: 'Autre' }).expect(409)).body).toMatchObject({
      code: 'QUESTIONNAIRE_NOT_DRAFT',
      params: { status: 'open' },
    });
    await as.hr.delete(`/api/questionnaires/${id}`).expect(409);

    // In-app and by email, with the link to the answer page.
    const participant = await stack.db.getRepository(UserEntity).findOneByOrFail({ id: team.participant });
    const mail = await waitFor('the opening email', async () =>
      smtp.emails.find((e) => e.to.includes(participant.email) && e.subject.startsWith('Questionnaire à remplir')),
    );
    expect(mail.text).toContain(`${PUBLIC_URL}/#/questionnaires/${id}/answer`);
    expect(mail.subject).toContain('Pulse de mi-parcours (mars)');
    const inApp = await stack.db
      .getRepository(NotificationEntity)
      .findBy({ experimentId, event: 'questionnaireOpened', recipientId: team.participant });
    expect(inApp).toHaveLength(1);
    expect(inApp[0].link).toBe(`${PUBLIC_URL}/#/questionnaires/${id}/answer`);

    const mine = await as.participant.get('/api/me/questionnaires').expect(200);
    expect(mine.body).toEqual([expect.objectContaining({ id, answered: false, status: 'open' })]);
    expect((await as.pilot.get(`/api/questionnaires/${id}/respondents`).expect(200)).body).toEqual([
      { userId: team.participant, name: 'participant', answered: false },
    ]);

    // Malformed answers are named; the right ones are recorded; a change replaces them.
    const refused = await as.participant
      .put(`/api/questionnaires/${id}/my-response`)
      .send({ answers: { useful: 9, again: 'oui' } })
      .expect(400);
    expect(fieldsOf(refused.body).sort()).toEqual(['answers.again', 'answers.useful']);
    await as.participant.put(`/api/questionnaires/${id}/my-response`).send({ answers: { useful: 2, why: 'Trop long' } }).expect(200);
    const changed = await as.participant
      .put(`/api/questionnaires/${id}/my-response`)
      .send({ answers: { useful: 4, again: true, why: 'Plus simple qu’avant' } })
      .expect(200);
    expect(changed.body).toMatchObject({ canAnswer: true, response: { answers: { useful: 4, again: true } } });
    const rows = await stack.db.query(`SELECT answers FROM questionnaire_responses WHERE questionnaire_id = $1`, [id]);
    expect(rows).toEqual([{ answers: { useful: 4, again: true, why: 'Plus simple qu’avant' } }]);

    // A person's own act: nobody answers for the participant; readers of another organisation learn nothing.
    expect((await as.pilot.put(`/api/questionnaires/${id}/my-response`).send({ answers: { useful: 1 } }).expect(403)).body.params).toEqual({
      action: 'answerQuestionnaire',
      roles: ['participant'],
    });
    await otherParticipant.put(`/api/questionnaires/${id}/my-response`).send({ answers: { useful: 1 } }).expect(404);
    await otherHr.get(`/api/questionnaires/${id}`).expect(404);
    await otherHr.get(`/api/questionnaires/${id}/results`).expect(404);
    await otherHr.post(`/api/questionnaires/${id}/close`).send({}).expect(404);
    await otherHr.get(`/api/experiments/${experimentId}/users-voice`).expect(404);
    // The participant answers; the results are not theirs to read.
    await as.participant.get(`/api/questionnaires/${id}/results`).expect(403);

    const results = (await as.pilot.get(`/api/questionnaires/${id}/results`).expect(200)).body;
    expect(results).toMatchObject({ respondents: 1, expected: 1, responseRate: 1 });
    const [useful, again, why] = results.questions;
    expect(useful).toMatchObject({ mean: 4, named: [], anonymous: true });
    expect(again.named).toEqual([]);
    // The one question marked not anonymous shows who wrote it.
    expect(why.named).toEqual([{ userId: team.participant, name: 'participant', value: 'Plus simple qu’avant' }]);
    expect(results.criteria).toEqual([
      expect.objectContaining({ criterionId: 'errors', questions: [expect.objectContaining({ questionId: 'useful' })] }),
    ]);
    expect(results.overTime).toHaveLength(1);
    expect((await as.pilot.get(`/api/questionnaires/${id}/respondents`).expect(200)).body[0].answered).toBe(true);

    // The J-3 reminder goes to those who have not answered only, once (the worker's activity,
    // called twice as a retry would).
    const workerConfig = loadWorkerConfig(stack.env);
    const events = new QuestionnaireEventsService(
      stack.db,
      new NotifierService(stack.db, createMailer(undefined, workerConfig.MAIL_FROM), workerConfig),
    );
    const reminder = {
      experimentId,
      organizationId: team.organization.id,
      questionnaireId: id,
      idempotencyKey: `${experimentId}:reminder-check:${id}`,
      event: 'questionnaireReminded' as const,
      status: 'open' as const,
      opensAt: published.body.opensAt,
      closesAt: published.body.closesAt,
      experimentState: 'running',
      actorId: null,
      reason: null,
      occurredAt: new Date().toISOString(),
      recipientIds: [team.participant, team.sponsor],
    };
    expect(await events.record(reminder)).toBe(true);
    expect(await events.record(reminder)).toBe(false);
    const reminded = await stack.db.getRepository(NotificationEntity).findBy({ experimentId, event: 'questionnaireReminder' });
    expect(reminded.map((n) => n.recipientId)).toEqual([team.sponsor]);
    expect(reminded[0].subject).toContain('Rappel');
    const closed = await as.hr.post(`/api/questionnaires/${id}/close`).send({ reason: 'Assez de réponses' }).expect(200);
    expect(closed.body.status).toBe('closed');
    expect(
      (await as.participant.put(`/api/questionnaires/${id}/my-response`).send({ answers: { useful: 5 } }).expect(409)).body.code,
    ).toBe('QUESTIONNAIRE_CLOSED');
    expect((await as.hr.post(`/api/questionnaires/${id}/close`).send({}).expect(409)).body.code).toBe('QUESTIONNAIRE_CLOSED');
    const audit = await stack.db.query(
      `SELECT event, actor_id AS "actorId", reason FROM audit_events
        WHERE experiment_id = $1 AND details->>'questionnaireId' = $2 ORDER BY id`,
      [experimentId, id],
    );
    expect(audit.map((a: { event: string }) => a.event)).toEqual([
      'questionnaireCreated',
      'questionnaireUpdated',
      'questionnairePublished',
      'questionnaireOpened',
      'questionnaireReminded',
      'questionnaireClosed',
    ]);
    expect(audit.at(-1)).toMatchObject({ actorId: team.hr, reason: 'Assez de réponses' });
    // The pilots are told it closed, with the count.
    await waitFor('the closing notice', async () =>
      (await stack.db.getRepository(NotificationEntity).findBy({ experimentId, event: 'questionnaireClosed', recipientId: team.pilot })).length === 1,
    );
  });

  it('public: link and QR code, anonymous answers without IP, one answer per browser, bad input named, throttled, closed refused', async () => {
    const created = await as.hr
      .post('/api/questionnaires')
      .send({
        experimentId,
        title: 'Votre avis sur l’accueil',
        audience: 'public',
        questions: [
          { id: 'note', kind: 'scale', label: 'Êtes-vous satisfait·e ?', required: true, criterionId: 'errors' },
          { id: 'when', kind: 'singleChoice', label: 'Quand êtes-vous venu·e ?', options: ['Matin', 'Après-midi'] },
          { id: 'words', kind: 'shortText', label: 'En quelques mots', anonymous: false },
        ],
      })
      .expect(201);
    const id = created.body.id as string;
    // A draft has no public existence.
    const published = (await as.hr.post(`/api/questionnaires/${id}/publish`).send({}).expect(200)).body;
    const code = published.publicCode as string;
    expect(code).toMatch(/^[23456789abcdefghjkmnpqrstuvwxyz]{10}$/);
    expect(published.publicUrl).toBe(`${PUBLIC_URL}/q/${code}`);
    const qr = await as.hr.get(`/api/questionnaires/${id}/qr.svg`).expect(200);
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/);
    // The link itself is what the code encodes (the library's encoding of publicUrl, byte for byte).
    const svg = Buffer.isBuffer(qr.body) ? qr.body.toString('utf8') : qr.text;
    expect(svg).toMatch(/^<svg /);
    expect(svg).toBe(await QRCode.toString(published.publicUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));

    const publicApi = anonymous(stack.app);
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const view = (await publicApi.get(`/api/public/questionnaires/${code}`).expect(200)).body;
    expect(view).toMatchObject({ code, status: 'open', organizationName: 'Ville de Nantes', title: 'Votre avis sur l’accueil' });
    expect(view.questions.map((q: { id: string }) => q.id)).toEqual(['note', 'when', 'words']);
    expect(view.questions[0]).not.toHaveProperty('criterionId');
    expect(view.notice).toContain('adresse IP');
    await publicApi.get('/api/public/questionnaires/zzzzzzzzzz').expect(404);

    // Answer, then the same again (a double click): one answer recorded.
    const browser = token();
    const answer = { token: browser, answers: { note: 5, when: 'Matin', words: '=HYPERLINK("x")' } };
    const first = await publicApi.post(`/api/public/questionnaires/${code}/responses`).set(from('203.0.113.1')).send(answer).expect(201);
    expect(first.body).toEqual({ submittedAt: expect.any(String), duplicate: false });
    const again = await publicApi.post(`/api/public/questionnaires/${code}/responses`).set(from('203.0.113.1')).send(answer).expect(200);
    expect(again.body.duplicate).toBe(true);
    expect(
      (await publicApi
        .post(`/api/public/questionnaires/${code}/responses`)
        .set(from('203.0.113.1'))
        .send({ ...answer, answers: { note: 1 } })
        .expect(409)).body.code,
    ).toBe('QUESTIONNAIRE_ALREADY_ANSWERED');

    // Malformed and oversized answers: 400 naming the field.
    const post = (body: unknown) =>
      publicApi.post(`/api/public/questionnaires/${code}/responses`).set(from('203.0.113.2')).send(body as object);
    expect(fieldsOf((await post({ answers: { note: 3 } }).expect(400)).body)).toEqual(['token']);
    expect(fieldsOf((await post({ token: token(), answers: { note: 'cinq' } }).expect(400)).body)).toEqual(['answers.note']);
    expect(fieldsOf((await post({ token: token(), answers: { note: 3, words: 'x'.repeat(201) } }).expect(400)).body)).toEqual([
      'answers.words',
    ]);
    expect(fieldsOf((await post({ token: token(), answers: { note: 3, when: 'Nuit' } }).expect(400)).body)).toEqual(['answers.when']);
    expect(fieldsOf((await post({ token: token(), answers: { when: 'Matin' } }).expect(400)).body)).toEqual(['answers.note']);
    expect(fieldsOf((await post({ token: token(), answers: { note: 3, other: 1 } }).expect(400)).body)).toEqual(['answers.other']);
    expect(fieldsOf((await post({ token: token(), answers: { note: 3 }, extra: true }).expect(400)).body)).toEqual(['extra']);
    await publicApi.post('/api/public/questionnaires/zzzzzzzzzz/responses').set(from('203.0.113.2')).send({ token: token(), answers: {} }).expect(404);

    // 1,000 answers from one client: 20 a minute pass (the run may straddle two minutes), the rest wait (429, Retry-After).
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 1000; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, () =>
          publicApi
            .post(`/api/public/questionnaires/${code}/responses`)
            .set(from('198.51.100.7'))
            .send({ token: token(), answers: { note: 3 } }),
        ),
      );
      for (const response of batch) {
        statuses.push(response.status);
        if (response.status === 429) {
          retryAfter ??= response.headers['retry-after'];
          expect(response.body.code).toBe('TOO_MANY_ANSWERS');
        }
      }
    }
    const accepted = statuses.filter((s) => s === 201).length;
    expect(accepted).toBeGreaterThanOrEqual(1);
    expect(accepted).toBeLessThanOrEqual(40);
    expect(statuses.filter((s) => s === 429).length).toBe(1000 - accepted);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Others are not held back by that client.
    await publicApi.post(`/api/public/questionnaires/${code}/responses`).set(from('203.0.113.3')).send({ token: token(), answers: { note: 4 } }).expect(201);

    // Nothing about the person: no address anywhere in the answers' rows, the token only hashed.
    const stored: { row: string }[] = await stack.db.query(
      `SELECT row_to_json(r)::text AS row FROM questionnaire_responses r WHERE questionnaire_id = $1`,
      [id],
    );
    expect(stored.length).toBe(2 + accepted);
    for (const { row } of stored) {
      expect(row).not.toMatch(/203\.0\.113|198\.51\.100|127\.0\.0\.1/);
      expect(row).not.toContain(browser);
    }
    // Nor in the API's logs: the public routes' access lines keep no address.
    await logs.waitFor('an answer logged', (r) => String((r.req as { url?: string } | undefined)?.url).includes('/responses'));
    expect(logs.text()).not.toMatch(/203\.0\.113|198\.51\.100/);
    expect(logs.text()).toContain('/api/public/questionnaires/');
    const columns: { name: string }[] = await stack.db.query(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'questionnaire_responses'`,
    );
    expect(columns.map((c) => c.name).sort()).toEqual(
      ['answers', 'id', 'organization_id', 'questionnaire_id', 'respondent_key', 'respondent_user_id', 'submitted_at', 'updated_at'],
    );

    // Results: the public is never named; the export holds the answers and no one's identity.
    const results = (await as.sponsor.get(`/api/questionnaires/${id}/results`).expect(200)).body;
    expect(results).toMatchObject({ respondents: 2 + accepted, expected: null, responseRate: null });
    expect(results.questions[2]).toMatchObject({ anonymous: true, named: [], texts: ['=HYPERLINK("x")'] });
    const csv = await as.hr
      .get(`/api/exports/questionnaire-responses?format=csv&filter=${encodeURIComponent(JSON.stringify({ questionnaireId: id }))}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    const lines = (csv.body as string).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFRéponse;Jour;Q1. Êtes-vous satisfait·e ?;Q2. Quand êtes-vous venu·e ?;Q3. En quelques mots');
    expect(lines).toHaveLength(1 + 2 + accepted);
    // Formula-like text stays text.
    expect(lines[1]).toMatch(/;5;Matin;"'=HYPERLINK\(""x""\)"$/);
    const xlsx = await as.hr
      .get(`/api/exports/questionnaire-responses?format=xlsx&filter=${encodeURIComponent(JSON.stringify({ questionnaireId: id }))}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    // exceljs's typings name an older Buffer; the bytes are the download's.
    await workbook.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(1 + 2 + accepted);
    expect(sheet.getRow(2).getCell(3).value).toBe(5);
    await as.participant
      .get(`/api/exports/questionnaire-responses?format=csv&filter=${encodeURIComponent(JSON.stringify({ questionnaireId: id }))}`)
      .expect(403);
    await otherHr
      .get(`/api/exports/questionnaire-responses?format=csv&filter=${encodeURIComponent(JSON.stringify({ questionnaireId: id }))}`)
      .expect(404);

    // Closed: answers refused with a stable code, the page is told so.
    await as.pilot.post(`/api/questionnaires/${id}/close`).send({}).expect(200);
    expect(
      (await publicApi.post(`/api/public/questionnaires/${code}/responses`).set(from('203.0.113.4')).send({ token: token(), answers: { note: 2 } }).expect(409))
        .body.code,
    ).toBe('QUESTIONNAIRE_CLOSED');
    expect((await publicApi.get(`/api/public/questionnaires/${code}`).expect(200)).body).toMatchObject({ status: 'closed', questions: [] });
  });

  it('into the evaluation: users’ voice pre-filled from real answers; shared learnings carry shareable testimonies, anonymised', async () => {
    await as.hr
      .post('/api/testimonies')
      .send({ experimentId, quote: 'Je me sens plus sûre le soir.', speaker: 'Mme Durand', speakerRole: 'auxiliaire', source: 'interview', collectedAt: dateInDays(0), shareable: true })
      .expect(201);
    await as.hr
      .post('/api/testimonies')
      .send({ experimentId, quote: 'Pas à partager.', speaker: 'M. Martin', speakerRole: 'parent', source: 'interview', collectedAt: dateInDays(0) })
      .expect(201);
    const voice = (await as.sponsor.get(`/api/experiments/${experimentId}/users-voice`).expect(200)).body;
    expect(voice.questionnaires.map((q: { title: string }) => q.title)).toEqual(['Pulse de mi-parcours (mars)', 'Votre avis sur l’accueil']);
    const publicCount = voice.questionnaires[1].respondents as number;
    expect(voice.usersVoice.count).toBe(1 + publicCount);
    expect(voice.usersVoice.sources).toEqual([
      'Questionnaire « Pulse de mi-parcours (mars) » (équipe testeuse, 1 réponse)',
      `Questionnaire « Votre avis sur l’accueil » (usager·ères, ${publicCount} réponses)`,
      'Témoignages (2)',
    ]);
    expect(voice.criteria).toHaveLength(1);
    expect(voice.criteria[0].questions.map((q: { questionId: string }) => q.questionId)).toEqual(['useful', 'note']);
    // Participants answer; they do not read the results.
    await as.participant.get(`/api/experiments/${experimentId}/users-voice`).expect(403);

    await as.pilot.post(`/api/experiments/${experimentId}/stop`).send({ reason: 'Assez de recul' }).expect(200);
    await as.pilot
      .post(`/api/experiments/${experimentId}/evaluation`)
      .send({
        verdict: 'confirmed',
        criterionResults: [{ criterionId: 'errors', result: 'Note moyenne 4/5', met: true }],
        usersVoice: { ...voice.usersVoice, noneReason: '' },
        learnings: 'Concevoir avec les auxiliaires.',
      })
      .expect(200);
    const evaluation = (await as.hr.get(`/api/evaluations/${experimentId}`).expect(200)).body;
    expect(evaluation.usersVoice).toEqual({ ...voice.usersVoice, noneReason: '' });
    await as.sponsor.put(`/api/evaluations/${experimentId}/sharing`).send({ shared: true }).expect(200);
    const shared = (await otherHr.get('/api/shared-learnings').expect(200)).body;
    const row = shared.find((s: { id: string }) => s.id === experimentId);
    expect(row.testimonies).toEqual([
      { quote: 'Je me sens plus sûre le soir.', speakerRole: 'auxiliaire', source: 'interview', collectedAt: dateInDays(0) },
    ]);
    expect(JSON.stringify(row)).not.toContain('Durand');
  });

  it('tasks: participants find the questionnaires they are asked to answer, with the closing day and the answer page, until closed', async () => {
    const title = 'Tiers-lieu des agents';
    const id = await launchedExperiment(stack.app, as.hr, team, title, 45);
    const publish = async (questionnaireTitle: string) => {
      const questionnaire = await as.pilot
        .post('/api/questionnaires')
        .send({
          experimentId: id,
          title: questionnaireTitle,
          audience: 'participants',
          questions: [{ id: 'ok', kind: 'yesNo', label: 'Le tiers-lieu vous sert-il ?', required: true }],
        })
        .expect(201);
      const published = await as.pilot.post(`/api/questionnaires/${questionnaire.body.id}/publish`).send({}).expect(200);
      expect(published.body.status).toBe('open');
      return published.body as { id: string; closesAt: string };
    };
    const questionnaireTasks = async (client: ApiClient) =>
      ((await client.get('/api/me/tasks').expect(200)).body as { kind: string; experimentId: string }[]).filter(
        (task) => task.kind === 'questionnaire' && task.experimentId === id,
      );

    const pulse = await publish('Pulse du tiers-lieu');
    expect(await questionnaireTasks(as.participant)).toEqual([
      {
        id: `questionnaire:${pulse.id}`,
        kind: 'questionnaire',
        experimentId: id,
        organizationId: team.organization.id,
        title,
        dueAt: pulse.closesAt,
        overdue: false,
        questionnaire: { id: pulse.id, title: 'Pulse du tiers-lieu', answered: false },
      },
    ]);
    // The notices lead to the answer page the back-office opens for this task.
    const notice = await waitFor('the opening notice', () =>
      stack.db
        .getRepository(NotificationEntity)
        .findOneBy({ experimentId: id, event: 'questionnaireOpened', recipientId: team.participant }),
    );
    expect(notice.link).toBe(`${PUBLIC_URL}${participantAnswerPath(pulse.id)}`);
    // Nobody else is asked: not the pilot, not another organisation's participant.
    expect(await questionnaireTasks(as.pilot)).toEqual([]);
    expect(await questionnaireTasks(otherParticipant)).toEqual([]);

    // Answered: no longer to do, still listed since the answer may change until it closes.
    await as.participant.put(`/api/questionnaires/${pulse.id}/my-response`).send({ answers: { ok: true } }).expect(200);
    expect((await questionnaireTasks(as.participant)).map((task) => (task as { questionnaire?: unknown }).questionnaire)).toEqual([
      { id: pulse.id, title: 'Pulse du tiers-lieu', answered: true },
    ]);
    // Closed: gone.
    await as.hr.post(`/api/questionnaires/${pulse.id}/close`).send({}).expect(200);
    expect(await questionnaireTasks(as.participant)).toEqual([]);

    // Its window past, even before the workflow closes it: gone too (answers are refused then).
    const late = await publish('Pulse tardif');
    expect(await questionnaireTasks(as.participant)).toHaveLength(1);
    await stack.db.query(`UPDATE questionnaires SET closes_at = now() - interval '1 minute' WHERE id = $1`, [late.id]);
    expect(await questionnaireTasks(as.participant)).toEqual([]);

    // A participant who withdrew their consent is asked nothing more.
    await publish('Pulse après retrait');
    expect(await questionnaireTasks(as.participant)).toHaveLength(1);
    await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: false }).expect(200);
    expect(await questionnaireTasks(as.participant)).toEqual([]);
  });
});
