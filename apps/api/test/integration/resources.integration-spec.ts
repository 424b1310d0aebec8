import { randomUUID } from 'node:crypto';
import { AuditEventEntity, ExperimentEntity, NotificationEntity, TrackEntity } from '@capacites/persistence';
import {
  dateInDays,
  insertAdmin,
  insertTeam,
  readyFramingBody,
  TEST_PASSWORD,
  type Team,
  type TeamRole,
} from '../support/fixtures';
import { anonymous, launchedExperiment, login, loginTeam, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

/**
 * The back-office's resources through the real stack: tracks, organisations and their
 * settings, users and roles, check-ins, evaluations, decisions, testimonies,
 * notifications, audit events, the email outbox and "my tasks"; the experiment filters.
 */
describe('API resources through the real stack', () => {
  let stack: TestStack;
  let team: Team;
  let other: Team;
  let as: Record<TeamRole, ApiClient>;
  let stranger: Record<TeamRole, ApiClient>;
  let admin: ApiClient;
  let adminId: string;
  /** An experiment taken through its whole lifecycle by the real workflow. */
  let decided: string;
  let child: string;

  beforeAll(async () => {
    stack = await startStack();
    team = await insertTeam(stack.db);
    other = await insertTeam(stack.db);
    as = await loginTeam(stack.app, team);
    stranger = await loginTeam(stack.app, other);
    const a = await insertAdmin(stack.db, team.organization.id);
    adminId = a.id;
    admin = await login(stack.app, a.email);

    decided = await launchedExperiment(stack.app, as.hr, team, 'Évaluation du télétravail en mairie annexe');
    await as.pilot
      .post(`/api/experiments/${decided}/check-ins`)
      .send({
        weather: 'cloudy',
        progress: 'Deux agents sur trois ont adopté le planning',
        blockers: 'Badge',
      })
      .expect(200);
    await as.pilot
      .post(`/api/experiments/${decided}/extension`)
      .send({ newExpiryDate: dateInDays(90), justification: 'Attendre la rentrée' })
      .expect(200);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  describe('tracks', () => {
    it('lists the three tracks of the source to everyone, with Content-Range', async () => {
      const response = await as.participant.get('/api/tracks').expect(200);
      expect(response.headers['content-range']).toMatch(/^tracks 0-\d+\/\d+$/);
      const names = response.body.map((t: { name: string }) => t.name).join(' | ');
      expect(names).toMatch(/initiatives spontanées/i);
      expect(names).toMatch(/micro-mobilité/i);
      expect(names).toMatch(/subsidiarité/i);
    });

    it('lets only the admin add a track; an organisation-specific one is invisible to others', async () => {
      await as.hr.post('/api/tracks').send({ name: 'Accueil usagers' }).expect(403);
      const created = await admin
        .post('/api/tracks')
        .send({
          name: 'Accueil des usagers',
          description: 'Guichet unique',
          organizationId: team.organization.id,
        })
        .expect(201);
      expect(created.body).toMatchObject({ slug: 'accueil-des-usagers', archived: false });
      await as.codir.get(`/api/tracks/${created.body.id}`).expect(200);
      await stranger.hr.get(`/api/tracks/${created.body.id}`).expect(404);
      const theirs = await stranger.hr.get('/api/tracks').expect(200);
      expect(theirs.body.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
      const again = await admin.post('/api/tracks').send({ name: 'Accueil des usagers' }).expect(409);
      expect(again.body.message).toMatch(/accueil-des-usagers/);
      const audit = await stack.db
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ event: 'track.created' });
      expect(audit).toMatchObject({ actorId: adminId, experimentId: null });
    });

    it('refuses to delete a track in use and archives it instead; archived tracks are offered no more', async () => {
      const track = await admin
        .post('/api/tracks')
        .send({ name: `Piste ${randomUUID()}` })
        .expect(201);
      await as.hr
        .post('/api/experiments')
        .send({ organizationId: team.organization.id, title: 'Sur la piste', trackId: track.body.id })
        .expect(201);
      const refused = await admin.delete(`/api/tracks/${track.body.id}`).expect(409);
      expect(refused.body.code).toBe('TRACK_IN_USE');
      await admin.put(`/api/tracks/${track.body.id}`).send({ archived: true }).expect(200);
      const listed = await as.hr
        .get(`/api/tracks?filter=${encodeURIComponent('{"archived":false}')}`)
        .expect(200);
      expect(listed.body.map((t: { id: string }) => t.id)).not.toContain(track.body.id);
      const blocked = await as.hr
        .post('/api/experiments')
        .send({ organizationId: team.organization.id, title: 'Trop tard', trackId: track.body.id })
        .expect(400);
      expect(blocked.body.code).toBe('TRACK_NOT_FOUND');
      const unused = await admin
        .post('/api/tracks')
        .send({ name: `Jetable ${randomUUID()}` })
        .expect(201);
      await admin.delete(`/api/tracks/${unused.body.id}`).expect(200);
      expect(await stack.db.getRepository(TrackEntity).existsBy({ id: unused.body.id })).toBe(false);
    });

    it('names every bad field of a track', async () => {
      const response = await admin.post('/api/tracks').send({ name: '', colour: 'red' }).expect(400);
      const fields = response.body.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'colour']));
    });
  });

  describe('organizations and their lifecycle settings', () => {
    it('shows members their organisation with its effective settings; another one is 404', async () => {
      const own = await as.codir.get(`/api/organizations/${team.organization.id}`).expect(200);
      expect(own.body.settings).toMatchObject({ maxDurationDays: 365, preExpiryReminderDays: [14, 7, 1] });
      await stranger.hr.get(`/api/organizations/${team.organization.id}`).expect(404);
    });

    it('lets the admin change the settings (audited), names invalid ones, refuses others', async () => {
      await as.hr
        .put(`/api/organizations/${team.organization.id}`)
        .send({ settings: { maxDurationDays: 120 } })
        .expect(403);
      const bad = await admin
        .put(`/api/organizations/${team.organization.id}`)
        .send({ settings: { maxDurationDays: 0, reminderHour: 25, surprise: 1 }, timeZone: 'Mars/Olympus' })
        .expect(400);
      const fields = bad.body.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'settings.maxDurationDays',
          'settings.reminderHour',
          'settings.surprise',
          'timeZone',
        ]),
      );
      const changed = await admin
        .put(`/api/organizations/${team.organization.id}`)
        .send({ settings: { maxDurationDays: 400, evaluationDueDays: 45 } })
        .expect(200);
      expect(changed.body.settings).toMatchObject({
        maxDurationDays: 400,
        evaluationDueDays: 45,
        maxExtensions: 1,
      });
      expect(changed.body.customSettings).toEqual({ maxDurationDays: 400, evaluationDueDays: 45 });
      const audit = await stack.db
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ event: 'organization.settingsChanged', organizationId: team.organization.id });
      expect(audit.details).toMatchObject({ changes: { settings: { maxDurationDays: 400 } } });
    });

    it('lets the admin create an organisation; a taken slug is a 409', async () => {
      const slug = `ccas-${randomUUID().slice(0, 8)}`;
      const created = await admin
        .post('/api/organizations')
        .send({ name: 'CCAS de Test', slug, kind: 'ccas' })
        .expect(201);
      expect(created.body).toMatchObject({ slug, timeZone: 'Europe/Paris' });
      await admin.post('/api/organizations').send({ name: 'Doublon', slug, kind: 'ccas' }).expect(409);
      await as.hr
        .post('/api/organizations')
        .send({ name: 'X', slug: `x-${slug}`, kind: 'ccas' })
        .expect(403);
    });
  });

  describe('users and roles', () => {
    it('shows the people of one’s own organisations only, with their roles there', async () => {
      const mine = await as.pilot.get('/api/users?range=[0,99]').expect(200);
      const ids = mine.body.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([team.pilot, team.sponsor, team.hr]));
      expect(ids).not.toContain(other.pilot);
      await as.pilot.get(`/api/users/${other.hr}`).expect(404);
      const sponsors = await as.pilot
        .get(`/api/users?filter=${encodeURIComponent(JSON.stringify({ role: 'sponsor' }))}`)
        .expect(200);
      expect(sponsors.body.map((u: { id: string }) => u.id)).toEqual([team.sponsor]);
      expect(JSON.stringify(mine.body)).not.toMatch(/password/i);
    });

    it('lets the admin create a user who can then log in; a taken email is a 409', async () => {
      await as.hr.post('/api/users').send({ email: 'x@y.fr', displayName: 'X' }).expect(403);
      const email = `Agent-${randomUUID().slice(0, 8)}@Nantes.test`;
      const created = await admin
        .post('/api/users')
        .send({
          email,
          displayName: 'Agente Nouvelle',
          password: 'un mot de passe long',
          memberships: [{ organizationId: team.organization.id, role: 'pilot' }],
        })
        .expect(201);
      expect(created.body).toMatchObject({ email: email.toLowerCase(), disabled: false });
      expect(created.body).not.toHaveProperty('passwordHash');
      const agent = await login(stack.app, email.toLowerCase(), 'un mot de passe long');
      await agent.get('/api/auth/me').expect(200);
      await admin.post('/api/users').send({ email, displayName: 'Doublon' }).expect(409);
      const short = await admin
        .post('/api/users')
        .send({ email: 'a@b.fr', displayName: 'A', password: 'court' })
        .expect(400);
      expect(short.body.fields[0]).toMatchObject({ field: 'password' });
    });

    it('disabling a user ends their sessions and refuses their login; the admin cannot lock themself out', async () => {
      const email = `sortant-${randomUUID().slice(0, 8)}@nantes.test`;
      const created = await admin
        .post('/api/users')
        .send({
          email,
          displayName: 'Sortant',
          password: TEST_PASSWORD,
          memberships: [{ organizationId: team.organization.id, role: 'member' }],
        })
        .expect(201);
      const leaving = await login(stack.app, email);
      await leaving.get('/api/auth/me').expect(200);
      const disabled = await admin.delete(`/api/users/${created.body.id}`).expect(200);
      expect(disabled.body.disabled).toBe(true);
      await leaving.get('/api/auth/me').expect(401);
      await anonymous(stack.app).post('/api/auth/token').send({ email, password: TEST_PASSWORD }).expect(401);
      const self = await admin.put(`/api/users/${adminId}`).send({ disabled: true }).expect(409);
      expect(self.body.code).toBe('SELF_LOCKOUT');
      expect(
        await stack.db.getRepository(AuditEventEntity).existsBy({ event: 'user.disabled', actorId: adminId }),
      ).toBe(true);
    });
  });

  describe('records of an experiment', () => {
    it('lists check-ins, audit events and notifications of the experiment to those who may read it', async () => {
      const filter = encodeURIComponent(JSON.stringify({ experimentId: decided }));
      const checkIns = await as.participant.get(`/api/check-ins?filter=${filter}`).expect(200);
      expect(checkIns.body).toEqual([
        expect.objectContaining({ weather: 'cloudy', blockers: 'Badge', authorId: team.pilot }),
      ]);
      await as.participant.get(`/api/check-ins/${checkIns.body[0].id}`).expect(200);
      await stranger.hr.get(`/api/check-ins/${checkIns.body[0].id}`).expect(404);
      const theirs = await stranger.hr.get(`/api/check-ins?filter=${filter}`).expect(200);
      expect(theirs.body).toEqual([]);
      expect(theirs.headers['content-range']).toBe('check-ins */0');

      const audit = await as.hr
        .get(`/api/audit-events?filter=${filter}&sort=${encodeURIComponent('["occurredAt","ASC"]')}`)
        .expect(200);
      expect(audit.body.map((a: { event: string }) => a.event)).toEqual([
        'create',
        'framingUpdated',
        'consentGiven',
        'launch',
        'checkIn',
        'extensionRequested',
      ]);
      expect((await stranger.codir.get(`/api/audit-events?filter=${filter}`).expect(200)).body).toEqual([]);
      const timeline = await as.participant.get(`/api/experiments/${decided}/timeline`).expect(200);
      const story = timeline.body.map((t: { kind: string; event: string }) => `${t.kind}:${t.event}`);
      expect(story.slice(0, 6)).toEqual([
        'audit:create',
        'audit:framingUpdated',
        'audit:consentGiven',
        'audit:launch',
        'notice:launched',
        'audit:checkIn',
      ]);
      const framing = audit.body.find((a: { event: string }) => a.event === 'framingUpdated');
      expect(framing.details.fields).toEqual(expect.arrayContaining(['hypothesis', 'criteria', 'pilotIds']));
      expect(framing.actorId).toBe(team.hr);
      expect(story).toContain('notice:extensionRequested');
      const launchedNotice = timeline.body.find((t: { event: string }) => t.event === 'launched');
      expect(launchedNotice.recipients).toBeGreaterThanOrEqual(3);
      await stranger.hr.get(`/api/experiments/${decided}/timeline`).expect(404);
      // Administration events are not for a pilot.
      const adminEvents = await as.pilot
        .get(`/api/audit-events?filter=${encodeURIComponent('{"event":"track.created"}')}`)
        .expect(200);
      expect(adminEvents.body).toEqual([]);
    });

    it('gives the sponsor an extension to approve, the pilot nothing overdue, in "my tasks"', async () => {
      const sponsorTasks = await as.sponsor.get('/api/me/tasks').expect(200);
      expect(sponsorTasks.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'extension-approval', experimentId: decided }),
        ]),
      );
      const strangerTasks = await stranger.sponsor.get('/api/me/tasks').expect(200);
      expect(strangerTasks.body).toEqual([]);
    });

    it('collects testimonies from the people of the test, refuses others, audits them', async () => {
      const body = {
        experimentId: decided,
        quote: 'Je gagne <b>une heure</b> par jour & je vois mes enfants.',
        speaker: '',
        speakerRole: "Agente d'accueil",
        source: 'interview',
        collectedAt: dateInDays(0),
      };
      const created = await as.participant.post('/api/testimonies').send(body).expect(201);
      expect(created.body).toMatchObject({ quote: body.quote, authorId: team.participant, shareable: false });
      await as.codir.post('/api/testimonies').send(body).expect(403);
      await stranger.hr.post('/api/testimonies').send(body).expect(404); // another organisation's test does not exist for them
      const future = await as.pilot
        .post('/api/testimonies')
        .send({ ...body, collectedAt: dateInDays(10), mood: 'good' })
        .expect(400);
      expect(future.body.fields.map((f: { field: string }) => f.field)).toEqual(['mood']);
      const later = await as.pilot
        .post('/api/testimonies')
        .send({ ...body, collectedAt: dateInDays(10) })
        // A well-formed day that a rule refuses (not yet come): 409 naming the field.
        .expect(409);
      expect(later.body).toMatchObject({ code: 'INPUT_RULES', params: { fields: ['collectedAt'] } });
      expect(later.body.fields[0]).toMatchObject({ field: 'collectedAt' });
      await as.pilot.put(`/api/testimonies/${created.body.id}`).send({ shareable: true }).expect(403);
      await as.hr.put(`/api/testimonies/${created.body.id}`).send({ shareable: true }).expect(200);
      await stranger.hr.delete(`/api/testimonies/${created.body.id}`).expect(404);
      const draft = await as.hr
        .post('/api/experiments')
        .send({ organizationId: team.organization.id, title: 'Pas encore lancé' })
        .expect(201);
      const early = await as.hr
        .post('/api/testimonies')
        .send({ ...body, experimentId: draft.body.id })
        .expect(409);
      expect(early.body.message).toMatch(/draft/);
      await as.participant.delete(`/api/testimonies/${created.body.id}`).expect(200);
      const events = await stack.db
        .getRepository(AuditEventEntity)
        .find({ where: { experimentId: decided }, order: { id: 'ASC' } });
      expect(events.map((e) => e.event)).toEqual(
        expect.arrayContaining(['testimonyAdded', 'testimonyRemoved']),
      );
    });

    it('takes the experiment to a decision; evaluations and decisions are readable, scoped, with tasks along the way', async () => {
      await as.sponsor.post(`/api/experiments/${decided}/extension/approve`).send({}).expect(200);
      await as.pilot
        .post(`/api/experiments/${decided}/stop`)
        .send({ reason: 'Hypothèse vérifiée' })
        .expect(200);
      const pilotTasks = await as.pilot.get('/api/me/tasks').expect(200);
      expect(pilotTasks.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'evaluation', experimentId: decided, overdue: false }),
        ]),
      );
      await as.pilot
        .post(`/api/experiments/${decided}/evaluation`)
        .send({
          verdict: 'confirmed',
          criterionResults: [{ criterionId: 'errors', result: 'Aucune erreur', met: true }],
          usersVoice: { sources: ['entretiens'], count: 6, noneReason: '' },
          learnings: 'Le planning partagé suffit.',
        })
        .expect(200);
      const codirTasks = await as.codir.get('/api/me/tasks').expect(200);
      expect(codirTasks.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'decision', experimentId: decided })]),
      );
      const decision = await as.sponsor
        .post(`/api/experiments/${decided}/decision`)
        .send({ outcome: 'iterate', rationale: 'Étendre à un second site', nextFocus: 'Mairie centrale' })
        .expect(200);
      child = decision.body.childExperimentId;
      expect(child).toEqual(expect.any(String));

      const evaluation = await as.participant.get(`/api/evaluations/${decided}`).expect(200);
      expect(evaluation.body).toMatchObject({ verdict: 'confirmed', onTime: true, id: decided });
      await stranger.codir.get(`/api/evaluations/${decided}`).expect(404);
      const decisions = await as.codir
        .get(`/api/decisions?filter=${encodeURIComponent('{"outcome":"iterate"}')}`)
        .expect(200);
      expect(decisions.body).toEqual([expect.objectContaining({ id: decided, childExperimentId: child })]);
      expect((await stranger.codir.get('/api/decisions').expect(200)).body).toEqual([]);
      const lineage = await as.hr
        .get(`/api/experiments?filter=${encodeURIComponent(JSON.stringify({ parentId: decided }))}`)
        .expect(200);
      expect(lineage.body.map((e: { id: string }) => e.id)).toEqual([child]);
    });
  });

  describe('deadlines as calendars', () => {
    it('exports an experiment’s deadlines and the caller’s own as iCalendar files', async () => {
      const id = await launchedExperiment(stack.app, as.hr, team, 'Agenda des échéances', 45);
      const one = await as.participant.get(`/api/experiments/${id}/calendar.ics`).expect(200);
      expect(one.headers['content-type']).toMatch(/^text\/calendar/);
      expect(one.headers['content-disposition']).toMatch(/attachment; filename="capacites-.*\.ics"/);
      expect(one.text).toContain(`UID:expiry-${id}@capacites`);
      expect(one.text).toContain(`DTSTART;VALUE=DATE:${dateInDays(45).replace(/-/g, '')}`);
      expect(one.text).toContain(`UID:check-in-${id}@capacites`);
      await stranger.hr.get(`/api/experiments/${id}/calendar.ics`).expect(404);
      const mine = await as.pilot.get('/api/me/calendar.ics').expect(200);
      expect(mine.text).toContain(`UID:expiry-${id}@capacites`);
      const theirs = await stranger.pilot.get('/api/me/calendar.ics').expect(200);
      expect(theirs.text).not.toContain(id);
    });
  });

  describe('consent of the participants', () => {
    it('lets each participant give their own consent before launch, and withdraw it while running', async () => {
      const created = await as.hr
        .post('/api/experiments')
        .send({ organizationId: team.organization.id, title: 'Consentement des agents' })
        .expect(201);
      const id = created.body.id;
      await as.hr
        .put(`/api/experiments/${id}`)
        .send(readyFramingBody(team, dateInDays(30)))
        .expect(200);
      const refused = await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(409);
      expect(refused.body.message).toMatch(/consent/i);
      await as.pilot.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(403);
      await stranger.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(404);
      const given = await as.participant
        .post(`/api/experiments/${id}/consent`)
        .send({ consent: true })
        .expect(200);
      expect(given.body.participants[0].consentedAt).toEqual(expect.any(String));
      await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
      const late = await as.participant
        .post(`/api/experiments/${id}/consent`)
        .send({ consent: 'yes' })
        .expect(400);
      expect(late.body.fields[0].field).toBe('consent');
      const withdrawn = await as.participant
        .post(`/api/experiments/${id}/consent`)
        .send({ consent: false })
        .expect(200);
      expect(withdrawn.body.participants[0].consentedAt).toBeNull();
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(409);
      const events = await stack.db
        .getRepository(AuditEventEntity)
        .find({ where: { experimentId: id }, order: { id: 'ASC' } });
      expect(events.filter((e) => e.event.startsWith('consent')).map((e) => [e.event, e.actorId])).toEqual([
        ['consentGiven', team.participant],
        ['consentWithdrawn', team.participant],
      ]);
    });
  });

  describe('learnings shared with the network', () => {
    it('lets the organisation share learnings that another organisation then reads, and withdraw them', async () => {
      const before = await stranger.pilot.get('/api/shared-learnings').expect(200);
      expect(before.body.map((l: { id: string }) => l.id)).not.toContain(decided);
      await as.participant.put(`/api/evaluations/${decided}/sharing`).send({ shared: true }).expect(403);
      await stranger.hr.put(`/api/evaluations/${decided}/sharing`).send({ shared: true }).expect(404);
      const shared = await as.sponsor
        .put(`/api/evaluations/${decided}/sharing`)
        .send({ shared: true })
        .expect(200);
      expect(shared.body).toMatchObject({ learningsShared: true });
      const network = await stranger.pilot
        .get(`/api/shared-learnings?filter=${encodeURIComponent('{"q":"planning partage"}')}`)
        .expect(200);
      expect(network.body).toEqual([
        expect.objectContaining({
          id: decided,
          organizationName: team.organization.name,
          verdict: 'confirmed',
          learnings: 'Le planning partagé suffit.',
          outcome: 'iterate',
        }),
      ]);
      // The experiment itself stays out of reach.
      await stranger.pilot.get(`/api/experiments/${decided}`).expect(404);
      await as.hr.put(`/api/evaluations/${decided}/sharing`).send({ shared: false }).expect(200);
      const after = await stranger.pilot.get('/api/shared-learnings').expect(200);
      expect(after.body.map((l: { id: string }) => l.id)).not.toContain(decided);
      const events = await stack.db
        .getRepository(AuditEventEntity)
        .find({ where: { experimentId: decided } });
      expect(events.map((e) => e.event)).toEqual(
        expect.arrayContaining(['learningsShared', 'learningsWithdrawn']),
      );
    });
  });

  describe('notifications and the email outbox', () => {
    it('shows each user their own notifications, read and unread, and nobody else’s', async () => {
      const unread = await as.pilot.get('/api/notifications/unread-count').expect(200);
      expect(unread.body.count).toBeGreaterThan(0);
      const list = await as.pilot
        .get(`/api/notifications?filter=${encodeURIComponent('{"read":false}')}`)
        .expect(200);
      expect(list.body.length).toBe(Math.min(unread.body.count, 25));
      const first = list.body[0];
      expect(first).toMatchObject({ read: false, experimentId: expect.any(String) });
      await as.sponsor.get(`/api/notifications/${first.id}`).expect(404);
      await as.sponsor.put(`/api/notifications/${first.id}`).send({ read: true }).expect(404);
      const read = await as.pilot.put(`/api/notifications/${first.id}`).send({ read: true }).expect(200);
      expect(read.body.read).toBe(true);
      expect((await as.pilot.get('/api/notifications/unread-count').expect(200)).body.count).toBe(
        unread.body.count - 1,
      );
      const readList = await as.pilot
        .get(`/api/notifications?filter=${encodeURIComponent('{"read":true}')}`)
        .expect(200);
      expect(readList.body.map((n: { id: string }) => n.id)).toEqual([first.id]);
      await as.pilot.post('/api/notifications/read-all').send({}).expect(200);
      expect((await as.pilot.get('/api/notifications/unread-count').expect(200)).body.count).toBe(0);
      const stored = await stack.db.getRepository(NotificationEntity).countBy({ recipientId: team.sponsor });
      expect(stored).toBeGreaterThan(0);
      expect((await as.sponsor.get('/api/notifications/unread-count').expect(200)).body.count).toBe(stored);
    });

    it('shows the email outbox to the admin only', async () => {
      const outbox = await admin.get('/api/emails').expect(200);
      expect(outbox.body.length).toBeGreaterThan(0);
      expect(outbox.body[0]).toMatchObject({ status: 'outbox', toAddress: expect.stringContaining('@') });
      await as.hr.get('/api/emails').expect(403);
    });
  });

  describe('experiment filters', () => {
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      // Projection rows written directly: these tests are about the SQL of the list filters.
      const base = (title: string, extra: Partial<ExperimentEntity>): Partial<ExperimentEntity> => ({
        id: randomUUID(),
        workflowId: `experiment-${randomUUID()}`,
        organizationId: team.organization.id,
        title,
        hypothesis: '',
        state: 'running',
        createdBy: team.hr,
        ...extra,
      });
      const rows = {
        soon: base('Guichet unique des démarches', {
          expiresAt: new Date(Date.now() + 5 * 86_400_000),
          pilotIds: [team.pilot],
        }),
        late: base('Réunions sans écran', {
          expiresAt: new Date(Date.now() + 50 * 86_400_000),
          sponsorId: team.sponsor,
        }),
        overdueEval: base('Bureau partagé', {
          state: 'evaluating',
          evaluationDueAt: new Date(Date.now() - 3 * 86_400_000),
          hypothesis: 'Les élus préfèrent une évaluation collective',
        }),
        notYet: base('Atelier mensuel', {
          state: 'evaluating',
          evaluationDueAt: new Date(Date.now() + 3 * 86_400_000),
        }),
      };
      for (const [name, row] of Object.entries(rows)) {
        await stack.db.getRepository(ExperimentEntity).insert(row);
        ids[name] = row.id as string;
      }
    });
    const list = async (filter: object) =>
      (
        await as.hr
          .get(`/api/experiments?range=[0,99]&filter=${encodeURIComponent(JSON.stringify(filter))}`)
          .expect(200)
      ).body.map((e: { id: string }) => e.id) as string[];

    it('filters by pilot, sponsor, expiring before a date and overdue', async () => {
      expect(await list({ pilotId: team.pilot, state: 'running' })).toContain(ids.soon);
      expect(await list({ pilotId: team.pilot, state: 'running' })).not.toContain(ids.late);
      expect(await list({ sponsorId: team.sponsor })).toContain(ids.late);
      expect(await list({ expiresBefore: dateInDays(30) })).toEqual([ids.soon]);
      expect(await list({ overdue: true })).toEqual([ids.overdueEval]);
    });

    it('searches title and hypothesis in French, whatever the accents and inflections', async () => {
      expect(await list({ q: 'guichets uniques' })).toEqual([ids.soon]);
      const evaluation = await list({ q: 'evaluation' });
      expect(evaluation).toEqual(expect.arrayContaining([ids.overdueEval, decided]));
      expect(evaluation).not.toContain(ids.notYet);
      expect(await list({ q: 'ECRAN' })).toEqual([ids.late]);
      expect(
        await stranger.hr
          .get(`/api/experiments?filter=${encodeURIComponent('{"q":"guichet"}')}`)
          .expect(200)
          .then((r) => r.body),
      ).toEqual([]);
    });

    it('names a bad filter value', async () => {
      const response = await as.hr
        .get(`/api/experiments?filter=${encodeURIComponent('{"expiresBefore":"demain","pilotId":"x"}')}`)
        .expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'filter.expiresBefore',
        'filter.pilotId',
      ]);
    });
  });
});
