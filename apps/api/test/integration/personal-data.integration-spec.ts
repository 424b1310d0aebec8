import { createHash, randomUUID } from 'node:crypto';
import { hash } from 'argon2';
import {
  PERSONAL_DATA_SECTION_TITLES_FR,
  PERSONAL_DATA_SECTIONS,
  type PersonalDataExport,
  type PersonalDataSection,
} from '@capacites/domain';
import { listUserReferenceColumns, MembershipEntity, UserEntity } from '@capacites/persistence';
import { personalDataCoverage, personalDataMapping } from '../../src/personal-data/personal-data.sources';
import {
  dateInDays,
  insertAdmin,
  insertTeam,
  readyFramingBody,
  TEST_PASSWORD,
  type Team,
  type TeamRole,
} from '../support/fixtures';
import { anonymous, login, loginTeam, participantConsents, type ApiClient } from '../support/http';
import { binary, pdfText } from '../support/pdf-text';
import { startStack, type TestStack } from '../support/stack';
import { enrolTotp } from '../support/totp';
import { waitFor } from '../support/worker-process';

// Three workflows driven through their lifecycles on a shared 2-core machine.
const LONG = 5 * 60_000;
const MANY = 3000;
// The PDF's bound in this stack (PERSONAL_DATA_PDF_MAX_RECORDS): above MID, below MANY.
const PDF_MAX = 1500;
const MID = 600;

/**
 * The right of access (RGPD article 15) through the real stack: the schema's every person
 * column is mapped (introspected), one person seeded in every category finds each item in
 * their export and nothing of anyone else, the PDF and HTML say the same in French, the
 * export of a person with thousands of rows streams, and who may produce it for whom.
 */
describe('Personal data export (API + worker + Temporal + PostgreSQL)', () => {
  let stack: TestStack;
  let team: Team;
  let other: Team;
  let as: Record<TeamRole, ApiClient>;
  let otherAs: Record<TeamRole, ApiClient>;
  // The person of the export: HR, pilot, sponsor and member of the organisation.
  const camille = { id: randomUUID(), email: '', name: 'Camille Durand' };
  let me: ApiClient;
  const ids = { piloted: '', participated: '', sponsored: '', questionnaire: '', publicQuestionnaire: '' };
  const marks = {
    checkIn: `Point d'étape de Camille ${randomUUID().slice(0, 6)}`,
    othersCheckIn: `Point d'étape du pilote ${randomUUID().slice(0, 6)}`,
    amendment: `Critères revus par Camille ${randomUUID().slice(0, 6)}`,
    learnings: `Enseignements de Camille ${randomUUID().slice(0, 6)}`,
    rationale: `Décision de Camille ${randomUUID().slice(0, 6)}`,
    testimony: `Témoignage recueilli par Camille ${randomUUID().slice(0, 6)}`,
    myAnswer: `Réponse de Camille ${randomUUID().slice(0, 6)}`,
    othersAnswer: `Réponse de l'autre participant ${randomUUID().slice(0, 6)}`,
    publicAnswer: `Réponse anonyme du public ${randomUUID().slice(0, 6)}`,
    otherOrg: `Test d'une autre collectivité ${randomUUID().slice(0, 6)}`,
    consentNote: `Signé en réunion ${randomUUID().slice(0, 6)}`,
  };
  let exported: PersonalDataExport;

  const draftFor = async (client: ApiClient, title: string, framing: Record<string, unknown>) => {
    const created = await client
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title })
      .expect(201);
    const id = created.body.id as string;
    await client
      .put(`/api/experiments/${id}`)
      .send({ ...readyFramingBody(team, dateInDays(60)), ...framing })
      .expect(200);
    return id;
  };
  const text = (value: unknown) => JSON.stringify(value);

  beforeAll(async () => {
    stack = await startStack({ env: { PERSONAL_DATA_PDF_MAX_RECORDS: String(PDF_MAX) } });
    team = await insertTeam(stack.db);
    other = await insertTeam(stack.db);
    as = await loginTeam(stack.app, team);
    otherAs = await loginTeam(stack.app, other);
    camille.email = `camille-${camille.id.slice(0, 8)}@${team.organization.slug}.test`;
    await stack.db.getRepository(UserEntity).insert({
      id: camille.id,
      email: camille.email,
      displayName: camille.name,
      passwordHash: await hash(TEST_PASSWORD),
    });
    for (const role of ['hr', 'pilot', 'sponsor', 'member'] as const)
      await stack.db
        .getRepository(MembershipEntity)
        .insert({ userId: camille.id, organizationId: team.organization.id, role });
    me = await login(stack.app, camille.email);
  }, LONG);

  afterAll(async () => {
    await stack?.close();
  });

  describe('completeness against the schema', () => {
    const schemaColumns = async (db: { query: (sql: string) => Promise<unknown> }) =>
      new Set(
        (
          (await db.query(
            `SELECT table_name || '.' || column_name AS key FROM information_schema.columns WHERE table_schema = 'public'`,
          )) as { key: string }[]
        ).map((r) => r.key),
      );

    it('lists the columns that name a person by foreign key, uuid name, email name and JSON, and no others', async () => {
      const found = await listUserReferenceColumns(stack.db, { json: true, email: true });
      const keys = found.map((r) => `${r.table}.${r.column}:${r.found}`);
      expect(keys).toEqual(
        expect.arrayContaining([
          'memberships.user_id:fk',
          'sessions.user_id:fk',
          'questionnaire_responses.respondent_user_id:fk',
          'committee_sessions.recorded_by:fk',
          'experiments.pilot_ids:name',
          'experiments.sponsor_id:name',
          'audit_events.actor_id:name',
          'notifications.recipient_id:name',
          'evaluations.learnings_shared_by:name',
          'users.email:email',
          'emails.to_address:email',
          'share_links.recipient:email',
          'experiments.participants:json',
          'audit_events.details:json',
        ]),
      );
      // Never the users' own key, nor the ids of things that are not people.
      const notPeople = [
        'users.id',
        'experiments.id',
        'experiments.organization_id',
        'experiments.parent_id',
        'experiments.track_id',
        'experiments.template_id',
        'experiments.replicated_from_id',
        'experiments.child_experiment_id',
        'emails.notification_id',
        'emails.claim_token',
        'questionnaire_responses.questionnaire_id',
        'webhook_deliveries.endpoint_id',
        'experiment_import_rows.experiment_id',
      ];
      expect(found.map((r) => `${r.table}.${r.column}`).filter((k) => notPeople.includes(k))).toEqual([]);
      // Without options: the uuid references only, as the retention rules read them.
      const plain = await listUserReferenceColumns(stack.db);
      expect(plain.every((r) => r.found === 'fk' || r.found === 'name')).toBe(true);
      expect(plain.length).toBeGreaterThanOrEqual(25);
    });

    it('maps every column naming a person to a section of the export, and names no column that is gone', async () => {
      const coverage = personalDataCoverage(
        await listUserReferenceColumns(stack.db, { json: true, email: true }),
        await schemaColumns(stack.db),
      );
      expect(coverage).toEqual({ unmapped: [], stale: [] });
    });

    it('fails for a new table holding a person without a mapping, and for a mapped column that no longer exists', async () => {
      const runner = stack.db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`CREATE TABLE "kudos" ("id" uuid PRIMARY KEY, "giver_user_id" uuid, "note" jsonb,
                                                  "owner" uuid REFERENCES "users"("id"))`);
        const coverage = personalDataCoverage(
          await listUserReferenceColumns(runner, { json: true, email: true }),
          await schemaColumns(runner),
        );
        expect(coverage.unmapped.sort()).toEqual(['kudos.giver_user_id', 'kudos.note', 'kudos.owner']);
        const withGone = new Map(personalDataMapping()).set('check_ins.coauthor_id', 'checkIns');
        expect(personalDataCoverage([], await schemaColumns(runner), withGone).stale).toEqual([
          'check_ins.coauthor_id',
        ]);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      expect(await stack.db.query(`SELECT to_regclass('public.kudos') AS t`)).toEqual([{ t: null }]);
    });
  });

  describe('one person across every category', () => {
    beforeAll(async () => {
      // Camille pilots a test from framing to evaluation.
      ids.piloted = await draftFor(me, 'Classeur partagé (Camille pilote)', { pilotIds: [camille.id] });
      await participantConsents(stack.app, team, ids.piloted);
      await me.post(`/api/experiments/${ids.piloted}/launch`).send({}).expect(200);
      await me
        .post(`/api/experiments/${ids.piloted}/check-ins`)
        .send({ weather: 'sunny', progress: marks.checkIn, blockers: '' })
        .expect(200);
      await me
        .post(`/api/experiments/${ids.piloted}/criteria-amendments`)
        .send({
          reason: marks.amendment,
          criteria: [
            { id: 'errors', name: 'Erreurs', method: 'Relevé', target: '0', coBuiltWithUsers: true },
          ],
        })
        .expect(200);
      await me.post(`/api/experiments/${ids.piloted}/stop`).send({ reason: 'Assez vu' }).expect(200);
      await me
        .post(`/api/experiments/${ids.piloted}/evaluation`)
        .send({
          verdict: 'confirmed',
          criterionResults: [{ criterionId: 'errors', result: 'Zéro', met: true }],
          usersVoice: { sources: ['entretiens'], count: 4 },
          learnings: marks.learnings,
        })
        .expect(200);
      await me
        .post('/api/testimonies')
        .send({
          experimentId: ids.piloted,
          quote: marks.testimony,
          speaker: '',
          speakerRole: 'Auxiliaire',
          source: 'interview',
          collectedAt: dateInDays(-1),
          shareable: false,
        })
        .expect(201);

      // Camille takes part in another test: HR enters her consent collected in a meeting.
      ids.participated = await draftFor(as.hr, 'Pulse des équipes (Camille participe)', {
        participants: [{ userId: camille.id }, { userId: team.participant }],
      });
      await as.hr
        .post(`/api/experiments/${ids.participated}/consent-records`)
        .send({
          participantId: camille.id,
          method: 'meeting',
          collectedOn: dateInDays(-1),
          note: marks.consentNote,
        })
        .expect(200);
      await participantConsents(stack.app, team, ids.participated);
      await as.hr.post(`/api/experiments/${ids.participated}/launch`).send({}).expect(200);
      await as.pilot
        .post(`/api/experiments/${ids.participated}/check-ins`)
        .send({ weather: 'cloudy', progress: marks.othersCheckIn, blockers: '' })
        .expect(200);
      const questionnaire = await me
        .post('/api/questionnaires')
        .send({
          experimentId: ids.participated,
          title: 'Pulse',
          intro: '',
          audience: 'participants',
          questions: [{ id: 'why', kind: 'longText', label: 'Pourquoi ?', anonymous: false }],
        })
        .expect(201);
      ids.questionnaire = questionnaire.body.id as string;
      await me.post(`/api/questionnaires/${ids.questionnaire}/publish`).send({}).expect(200);
      await me
        .put(`/api/questionnaires/${ids.questionnaire}/my-response`)
        .send({ answers: { why: marks.myAnswer } })
        .expect(200);
      await as.participant
        .put(`/api/questionnaires/${ids.questionnaire}/my-response`)
        .send({ answers: { why: marks.othersAnswer } })
        .expect(200);
      // The public's anonymous answer (a hash of a browser token, no person).
      ids.publicQuestionnaire = randomUUID();
      await stack.db.query(
        `INSERT INTO questionnaires (id, organization_id, experiment_id, title, audience, window_kind, status, questions, public_code)
         VALUES ($1, $2, $3, 'Votre avis', 'public', 'run', 'open', '[]', $4)`,
        [ids.publicQuestionnaire, team.organization.id, ids.participated, randomUUID().slice(0, 10)],
      );
      await stack.db.query(
        `INSERT INTO questionnaire_responses (id, questionnaire_id, organization_id, respondent_key, answers, submitted_at, updated_at)
         VALUES ($1, $2, $3, 'hash-of-a-browser', $4, now(), now())`,
        [
          randomUUID(),
          ids.publicQuestionnaire,
          team.organization.id,
          JSON.stringify({ words: marks.publicAnswer }),
        ],
      );

      // Camille sponsors a third test and decides it.
      ids.sponsored = await draftFor(as.hr, 'Binômes (Camille en portage)', { sponsorId: camille.id });
      await participantConsents(stack.app, team, ids.sponsored);
      await as.hr.post(`/api/experiments/${ids.sponsored}/launch`).send({}).expect(200);
      await as.pilot.post(`/api/experiments/${ids.sponsored}/stop`).send({ reason: 'Fin' }).expect(200);
      await as.pilot
        .post(`/api/experiments/${ids.sponsored}/evaluation`)
        .send({
          verdict: 'refuted',
          criterionResults: [{ criterionId: 'errors', result: 'Trop', met: false }],
          usersVoice: { sources: ['questionnaire'], count: 3 },
          learnings: 'Les binômes ne tiennent pas.',
        })
        .expect(200);
      await me
        .post(`/api/experiments/${ids.sponsored}/decision`)
        .send({ outcome: 'abandon', rationale: marks.rationale })
        .expect(200);

      // Her account: calendar subscription, a template, a service account, a second factor
      // (recovery codes), a pending second-factor login, a failed login.
      await me.post('/api/me/calendar-subscription').send({}).expect(201);
      const trackId = '5e1a0c4b-0001-4e6a-9b1c-2d3e4f5a6b01';
      await me
        .post('/api/templates')
        .send({
          name: 'Modèle de Camille',
          description: 'Trois jours ailleurs',
          trackId,
          organizationId: team.organization.id,
          hypothesis: 'Si…',
          scope: '',
          criteria: [],
          durationDays: 90,
          checkInCadenceDays: 21,
          exitPlan: { pilotWithdrawal: '', takeover: '' },
          questionnaires: [],
        })
        .expect(201);
      await me
        .post('/api/service-accounts')
        .send({
          organizationId: team.organization.id,
          name: 'Intégration de Camille',
          scope: 'read',
          expiresOn: dateInDays(30),
        })
        .expect(201);
      const token = (
        await anonymous(stack.app)
          .post('/api/auth/token')
          .send({ email: camille.email, password: TEST_PASSWORD })
          .expect(200)
      ).body.token as string;
      await enrolTotp(stack.app, camille.email, token);
      const pending = await anonymous(stack.app)
        .post('/api/auth/token')
        .send({ email: camille.email, password: TEST_PASSWORD })
        .expect(200);
      expect(pending.body.totpRequired).toBe(true);
      await anonymous(stack.app)
        .post('/api/auth/token')
        .send({ email: camille.email, password: 'faux' })
        .expect(401);

      // What has no practical API here: a committee session she created, recorded and attended,
      // its minutes, a share link, a webhook endpoint and a message naming her, an import, a rule.
      const session = randomUUID();
      await stack.db.query(
        `INSERT INTO committee_sessions (id, organization_id, title, held_on, status, attendees, recorded_at, recorded_by, created_by)
         VALUES ($1, $2, 'Séance de mars', '2026-03-12', 'recorded', $3, now(), $4, $4)`,
        [session, team.organization.id, JSON.stringify([{ name: camille.name, role: 'RH' }]), camille.id],
      );
      const pdf = Buffer.from('%PDF-1.7 relevé');
      await stack.db.query(
        `INSERT INTO committee_documents (session_id, kind, content, sha256) VALUES ($1, 'minutes', $2, $3)`,
        [session, pdf, createHash('sha256').update(pdf).digest('hex')],
      );
      await stack.db.query(
        `INSERT INTO share_links (id, organization_id, kind, recipient, token_hash, expires_at, created_by)
         VALUES ($1, $2, 'dashboard', 'prefet@example.org', $3, now() + interval '30 days', $4)`,
        [randomUUID(), team.organization.id, randomUUID(), camille.id],
      );
      await stack.db.query(
        `INSERT INTO webhook_endpoints (organization_id, name, kind, url, secret, events, created_by)
         VALUES ($1, 'Mattermost RH', 'mattermost', 'https://chat.example.org/hooks/secret-path', 'secret', '{*}', $2)`,
        [team.organization.id, camille.id],
      );
      await stack.db.query(
        `INSERT INTO webhook_messages (organization_id, event_key, type, payload)
         VALUES ($1, $2, 'experiment.decided', $3)`,
        [
          team.organization.id,
          randomUUID(),
          JSON.stringify({ data: { actor: { type: 'user', id: camille.id } } }),
        ],
      );
      await stack.db.query(
        `INSERT INTO experiment_imports (id, organization_id, created_by, file_name, status)
         VALUES ($1, $2, $3, 'tests-2025.xlsx', 'checked')`,
        [randomUUID(), team.organization.id, camille.id],
      );
      await stack.db.query(
        `INSERT INTO template_requirements (id, organization_id, track_id, created_by) VALUES ($1, $2, $3, $4)`,
        [randomUUID(), team.organization.id, trackId, camille.id],
      );

      // Another organisation's life, which never reaches Camille's export.
      const elsewhere = await otherAs.hr
        .post('/api/experiments')
        .send({ organizationId: other.organization.id, title: marks.otherOrg })
        .expect(201);
      expect(elsewhere.body.id).toEqual(expect.any(String));

      exported = (await me.get('/api/me/personal-data').expect(200)).body as PersonalDataExport;
    }, LONG);

    const section = (name: PersonalDataSection) => exported.sections[name];

    it('answers a JSON attachment naming the person, with every section and its count', () => {
      expect(exported).toMatchObject({
        kind: 'capacites.personal-data-export',
        version: 1,
        timeZone: 'Europe/Paris',
        subject: { id: camille.id, email: camille.email, displayName: camille.name },
        requestedBy: { id: camille.id, kind: 'self' },
      });
      expect(Object.keys(exported.sections).sort()).toEqual([...PERSONAL_DATA_SECTIONS].sort());
      for (const name of PERSONAL_DATA_SECTIONS)
        expect([name, exported.counts[name]]).toEqual([name, section(name).length]);
    });

    it('holds the profile, memberships and the tests with her roles and framing', () => {
      expect(section('profile')).toEqual([
        expect.objectContaining({ id: camille.id, email: camille.email, totpEnabledAt: expect.any(String) }),
      ]);
      expect(
        section('memberships')
          .map((m) => m.role)
          .sort(),
      ).toEqual(['hr', 'member', 'pilot', 'sponsor']);
      const roles = Object.fromEntries(section('experiments').map((e) => [e.id, e.roles]));
      expect(roles).toEqual({
        [ids.piloted]: ['pilot', 'creator'],
        [ids.participated]: ['participant'],
        [ids.sponsored]: ['sponsor'],
      });
      const piloted = section('experiments').find((e) => e.id === ids.piloted);
      expect(piloted).toMatchObject({
        hypothesis: expect.stringContaining('classeur'),
        pilots: [camille.name],
      });
    });

    it('holds her check-in, amendment, evaluation, decision and testimony, never another person’s check-in', () => {
      expect(section('checkIns').map((c) => c.progress)).toEqual([marks.checkIn]);
      expect(section('criteriaAmendments').map((a) => a.reason)).toEqual([marks.amendment]);
      expect(section('evaluations')).toEqual([
        expect.objectContaining({
          experimentId: ids.piloted,
          learnings: marks.learnings,
          roles: expect.arrayContaining(['submitter']),
        }),
      ]);
      expect(section('decisions')).toEqual([
        expect.objectContaining({
          experimentId: ids.sponsored,
          outcome: 'abandon',
          rationale: marks.rationale,
        }),
      ]);
      expect(section('testimonies').map((t) => [t.quote, t.roles])).toEqual([[marks.testimony, ['author']]]);
      expect(text(exported)).not.toContain(marks.othersCheckIn);
    });

    it('holds the consent entered on her behalf with its notice version, and only her own answers', () => {
      expect(section('consents')).toEqual([
        expect.objectContaining({
          experimentId: ids.participated,
          consentedAt: expect.any(String),
          onBehalf: expect.objectContaining({ method: 'meeting', note: marks.consentNote, recordedBy: 'hr' }),
        }),
      ]);
      expect(section('questionnaireResponses')).toEqual([
        expect.objectContaining({ questionnaire: 'Pulse', answers: { why: marks.myAnswer } }),
      ]);
      expect(section('questionnaires').map((q) => q.id)).toEqual([ids.questionnaire]);
      expect(text(exported)).not.toContain(marks.othersAnswer);
      expect(text(exported)).not.toContain(marks.publicAnswer);
    });

    it('holds her notifications and emails, account, security metadata and authored configuration, never a secret', () => {
      expect(section('notifications').length).toBeGreaterThan(0);
      expect(section('notifications').every((n) => typeof n.subject === 'string')).toBe(true);
      expect(section('emails').length).toBeGreaterThan(0);
      expect(section('emails').every((m) => m.toAddress === camille.email)).toBe(true);
      expect(section('calendarSubscriptions')).toHaveLength(1);
      expect(section('templates').map((t) => t.name)).toEqual(['Modèle de Camille']);
      expect(section('templateRequirements')).toHaveLength(1);
      expect(section('serviceAccounts').map((a) => a.name)).toEqual(['Intégration de Camille']);
      expect(section('webhookEndpoints')).toEqual([
        expect.objectContaining({ name: 'Mattermost RH', host: 'https://chat.example.org' }),
      ]);
      expect(section('webhookMessages')).toHaveLength(1);
      expect(section('imports').map((i) => i.fileName)).toEqual(['tests-2025.xlsx']);
      expect(section('committeeSessions')).toEqual([
        expect.objectContaining({ title: 'Séance de mars', roles: ['creator', 'recorder', 'attendee'] }),
      ]);
      expect(section('committeeDocuments')).toEqual([expect.objectContaining({ kind: 'minutes' })]);
      expect(section('shareLinks')).toEqual([expect.objectContaining({ recipient: 'prefet@example.org' })]);
      expect(section('sessions').length).toBeGreaterThanOrEqual(2);
      expect(section('recoveryCodes')).toHaveLength(10);
      expect(section('pendingLogins')).toHaveLength(1);
      expect(section('loginAttempts').length).toBeGreaterThanOrEqual(1);
      const all = text(exported);
      for (const secret of [
        'secret-path',
        '"secret"',
        'hash-of-a-browser',
        'token_hash',
        'tokenHash',
        'passwordHash',
      ])
        expect([secret, all.includes(secret)]).toEqual([secret, false]);
    });

    it('holds the audit events she authored and those naming her, and nothing of another organisation', () => {
      const events = section('auditEvents');
      expect(events.filter((e) => e.relation === 'author').map((e) => e.event)).toEqual(
        expect.arrayContaining(['checkIn', 'submitEvaluation', 'testimonyAdded', 'launch']),
      );
      expect(events.filter((e) => e.relation === 'named').map((e) => e.event)).toEqual(
        expect.arrayContaining(['consentRecordedOnBehalf']),
      );
      const all = text(exported);
      expect(all).not.toContain(marks.otherOrg);
      expect(all).not.toContain(other.organization.id);
    });

    it(
      'renders the same content as a French PDF with a table of contents, and as an accessible HTML page',
      async () => {
        const pdf = await me.get('/api/me/personal-data?format=pdf').buffer(true).parse(binary).expect(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.headers['content-disposition']).toMatch(
          /^attachment; filename="capacites-donnees-personnelles-\d{4}-\d{2}-\d{2}\.pdf"$/,
        );
        const { text: pdfWords } = await pdfText(pdf.body as Buffer);
        const flat = pdfWords.replace(/\s+/g, ' ');
        for (const heading of ['Sommaire', ...Object.values(PERSONAL_DATA_SECTION_TITLES_FR).slice(0, 6)])
          expect([heading, flat.includes(heading.replace(/\s+/g, ' '))]).toEqual([heading, true]);
        for (const value of [camille.name, marks.checkIn, marks.learnings, marks.rationale, marks.myAnswer])
          expect([value, flat.includes(value)]).toEqual([value, true]);
        expect(flat).toMatch(/heure de Europe\/Paris/);
        expect(flat).not.toContain(marks.othersCheckIn);

        const html = await me.get('/api/me/personal-data?format=html').expect(200);
        expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
        const page = html.text;
        expect(page).toMatch(/^<!doctype html><html lang="fr">/);
        expect(page).toContain('<nav aria-labelledby="toc-title">');
        for (const name of PERSONAL_DATA_SECTIONS) expect(page).toContain(`<h2 id="${name}">`);
        expect(page).toContain(marks.testimony);
        expect(page).not.toContain('<script');
      },
      LONG,
    );
  });

  describe('who may produce it, and the audit of each export', () => {
    const exportsAbout = async (subjectId: string) =>
      (await stack.db.query(
        `SELECT actor_id AS "actorId", organization_id AS "organizationId", details FROM audit_events
          WHERE event = 'personalData.exported' AND details->>'subjectId' = $1 ORDER BY id`,
        [subjectId],
      )) as { actorId: string; organizationId: string | null; details: Record<string, unknown> }[];

    it(
      'lets HR of her organisation and the platform admin produce it for a request by mail, audited; 404 elsewhere, 403 for a colleague',
      async () => {
        const before = (await exportsAbout(camille.id)).length;
        const byHr = await as.hr.get(`/api/users/${camille.id}/personal-data?format=json`).expect(200);
        expect(byHr.body).toMatchObject({
          subject: { id: camille.id },
          requestedBy: { id: team.hr, kind: 'administrator' },
        });
        const admin = await insertAdmin(stack.db, other.organization.id);
        const asAdmin = await login(stack.app, admin.email);
        const pdf = await asAdmin
          .get(`/api/users/${camille.id}/personal-data?format=pdf`)
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
        const records = (await exportsAbout(camille.id)).slice(before);
        expect(records).toEqual([
          {
            actorId: team.hr,
            organizationId: team.organization.id,
            details: { subjectId: camille.id, format: 'json', requestedBy: 'administrator' },
          },
          {
            actorId: admin.id,
            organizationId: team.organization.id,
            details: { subjectId: camille.id, format: 'pdf', requestedBy: 'administrator' },
          },
        ]);
        // Her own downloads are audited too.
        expect(
          (await exportsAbout(camille.id)).filter((r) => r.details.requestedBy === 'self').length,
        ).toBeGreaterThanOrEqual(3);

        expect((await otherAs.hr.get(`/api/users/${camille.id}/personal-data`).expect(404)).body.code).toBe(
          'NOT_FOUND',
        );
        const colleague = await as.pilot.get(`/api/users/${camille.id}/personal-data`).expect(403);
        expect(colleague.body).toMatchObject({
          code: 'FORBIDDEN',
          params: { action: 'exportPersonalData', roles: ['hr', 'admin'] },
        });
        await as.hr.get(`/api/users/${randomUUID()}/personal-data`).expect(404);
        const bad = await me.get('/api/me/personal-data?format=xml').expect(400);
        expect(bad.body.fields).toEqual([
          { field: 'format', message: expect.stringContaining('json, pdf, html') },
        ]);
        await anonymous(stack.app).get('/api/me/personal-data').expect(401);
        expect((await exportsAbout(camille.id)).length).toBe(before + 2);
      },
      LONG,
    );
  });

  describe('a person with thousands of rows', () => {
    const exportsAbout = async (subjectId: string) =>
      Number(
        (
          await stack.db.query(
            `SELECT count(*) AS n FROM audit_events
              WHERE event = 'personalData.exported' AND details->>'subjectId' = $1`,
            [subjectId],
          )
        )[0].n,
      );

    it(
      `lays the PDF of ${MID} notifications out in a worker thread: the API answers meanwhile`,
      async () => {
        const person = other.sponsor;
        await stack.db.query(
          `INSERT INTO notifications (dedupe_key, organization_id, recipient_id, event, subject, body, link, created_at)
         SELECT 'mid:' || g || ':' || $2::uuid::text, $1, $2::uuid, 'preExpiryReminder', 'Rappel n°' || g, repeat('Texte long. ', 40), '/#/', now() - make_interval(secs => g)
           FROM generate_series(1, $3) g`,
          [other.organization.id, person, MID],
        );
        const before = await exportsAbout(person);
        const finished: string[] = [];
        const pdf = otherAs.sponsor
          .get('/api/me/personal-data?format=pdf')
          .buffer(true)
          .parse(binary)
          .then((answer) => {
            finished.push('pdf');
            return answer;
          });
        // Its audit record is written, then its rows read and laid out for seconds: an API
        // laying it out on its event loop (this test's too) answers nothing until it is done.
        await waitFor('the PDF export to start', async () => (await exportsAbout(person)) > before);
        const health = await anonymous(stack.app).get('/api/health');
        finished.push('health');
        expect(health.status).toBe(200);
        const answer = await pdf;
        expect(answer.status).toBe(200);
        expect((answer.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
        expect(finished).toEqual(['health', 'pdf']);
      },
      LONG,
    );

    it(
      `streams ${MANY} notifications and ${MANY} audit records naming them, in JSON and HTML`,
      async () => {
        const busy = other.pilot;
        await stack.db.query(
          `INSERT INTO notifications (dedupe_key, organization_id, recipient_id, event, subject, body, link, created_at)
         SELECT 'bulk:' || g || ':' || $2::uuid::text, $1, $2::uuid, 'preExpiryReminder', 'Rappel n°' || g, repeat('Texte long. ', 40), '/#/', now() - make_interval(secs => g)
           FROM generate_series(1, $3) g`,
          [other.organization.id, busy, MANY],
        );
        await stack.db.query(
          `INSERT INTO audit_events (idempotency_key, organization_id, event, actor_id, details, occurred_at)
         SELECT 'bulk:' || g || ':' || $2, $1, 'user.rolesChanged', NULL, jsonb_build_object('userId', $2::text, 'n', g), now()
           FROM generate_series(1, $3) g`,
          [other.organization.id, busy, MANY],
        );
        const client = otherAs.pilot;
        const json = (await client.get('/api/me/personal-data').expect(200)).body as PersonalDataExport;
        expect(json.counts.notifications).toBe(MANY);
        expect(json.sections.notifications).toHaveLength(MANY);
        expect(json.counts.auditEvents).toBeGreaterThanOrEqual(MANY);
        expect(new Set(json.sections.auditEvents.map((e) => e.id)).size).toBe(json.counts.auditEvents);
        const html = await client.get('/api/me/personal-data?format=html').expect(200);
        // One article per record: the JSON's, plus the audit record of the HTML export itself.
        expect(html.text.match(/<article>/g)?.length).toBe(
          Object.values(json.counts).reduce((sum, n) => sum + n, 0) + 1,
        );
        expect(html.text).toContain(`Rappel n°${MANY}`);
        // Above the bound the PDF is refused before any byte and any audit record, the HTML
        // and JSON suggested (its 1,334 pages took minutes: see docs/rgpd.md).
        const before = await exportsAbout(busy);
        const refused = await client.get('/api/me/personal-data?format=pdf').expect(409);
        expect(refused.headers['content-type']).toMatch(/^application\/json/);
        expect(refused.headers['content-disposition']).toBeUndefined();
        expect(refused.body).toMatchObject({
          code: 'PERSONAL_DATA_PDF_TOO_LARGE',
          params: { maxRecords: PDF_MAX, records: expect.any(Number) },
        });
        expect(refused.body.params.records).toBeGreaterThan(PDF_MAX);
        expect(refused.body.message).toContain('HTML');
        expect(await exportsAbout(busy)).toBe(before);
      },
      LONG,
    );
  });
});
