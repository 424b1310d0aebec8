import { randomUUID } from 'node:crypto';
import { hash } from 'argon2';
import { AuditEventEntity, MembershipEntity, NotificationEntity, UserEntity } from '@capacites/persistence';
import { OrphansService } from '../../src/orphans/orphans.service';
import { insertAdmin, insertTeam, organizationStub, TEST_PASSWORD, type Team } from '../support/fixtures';
import { login, loginTeam, readyDraft as frameDraft, type ApiClient } from '../support/http';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { startStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/worker-process';

const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/**
 * Issue 15, items 4 and 7, through the API with the real worker, Temporal and PostgreSQL and a
 * real SMTP server: launch approval (four-eyes) and orphaned tests' reassignment.
 */
describe('Launch approval and orphaned tests, through the API', () => {
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    stack = await startStack({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://capacites.test' } });
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  const emailOf = async (userId: string) =>
    (await stack.db.getRepository(UserEntity).findOneByOrFail({ id: userId })).email;
  const noticesOf = (experimentId: string, event: string) =>
    stack.db.getRepository(NotificationEntity).findBy({ experimentId, event });
  const auditOf = (experimentId: string) =>
    stack.db
      .getRepository(AuditEventEntity)
      .find({ where: { experimentId }, order: { occurredAt: 'ASC', id: 'ASC' } });

  async function insertPerson(
    team: Team,
    roles: string[],
    name: string,
  ): Promise<{ id: string; email: string }> {
    const id = randomUUID();
    const email = `${name}-${id.slice(0, 8)}@${team.organization.slug}.test`;
    await stack.db
      .getRepository(UserEntity)
      .insert({ id, email, displayName: name, passwordHash: await hash(TEST_PASSWORD) });
    for (const role of roles)
      await stack.db
        .getRepository(MembershipEntity)
        .insert({ userId: id, organizationId: team.organization.id, role: role as MembershipEntity['role'] });
    return { id, email };
  }

  const readyDraft = (team: Team, hr: ApiClient, title: string) => frameDraft(stack.app, hr, team, title);

  describe('launch approval (four-eyes)', () => {
    let team: Team;
    let as: Awaited<ReturnType<typeof loginTeam>>;

    beforeAll(async () => {
      team = await insertTeam(stack.db, { ...organizationStub.nantes(), settings: { launchApproval: true } });
      as = await loginTeam(stack.app, team);
    });

    it('a launch requested by HR waits for the sponsor, who approves it: running, audited, everyone told in-app and by email', async () => {
      const id = await readyDraft(team, as.hr, 'Bureau des temps partagé');
      const direct = await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(409);
      expect(direct.body.code).toBe('LAUNCH_APPROVAL_REQUIRED');
      const hrActions = await as.hr.get(`/api/experiments/${id}/actions`).expect(200);
      expect(hrActions.body.map((a: { action: string }) => a.action)).toEqual(['requestLaunch', 'cancel']);

      const requested = await as.hr.post(`/api/experiments/${id}/launch-request`).send({}).expect(200);
      expect(requested.body).toMatchObject({ state: 'draft', launchRequestedBy: team.hr });
      expect(requested.body.launchRequestedAt).toEqual(expect.any(String));
      // The approver approves what was asked: the framing is frozen meanwhile.
      const edit = await as.hr.put(`/api/experiments/${id}`).send({ scope: 'Tout le monde' }).expect(409);
      expect(edit.body.code).toBe('LAUNCH_REQUEST_PENDING');
      const again = await as.pilot.post(`/api/experiments/${id}/launch-request`).send({}).expect(409);
      expect(again.body.code).toBe('LAUNCH_REQUEST_PENDING');

      // Visible where the approvers look: their actions, their tasks, the list, the dashboard.
      const sponsorActions = await as.sponsor.get(`/api/experiments/${id}/actions`).expect(200);
      expect(sponsorActions.body.map((a: { action: string }) => a.action)).toEqual([
        'approveLaunch',
        'refuseLaunch',
      ]);
      const hrWaiting = await as.hr.get(`/api/experiments/${id}/actions`).expect(200);
      expect(hrWaiting.body.map((a: { action: string }) => a.action)).toEqual([
        'withdrawLaunchRequest',
        'cancel',
      ]);
      const tasks = await as.sponsor.get('/api/me/tasks').expect(200);
      expect(tasks.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'launch-approval', experimentId: id, overdue: false }),
        ]),
      );
      const listed = await as.codir
        .get(`/api/experiments?filter=${enc({ awaitingLaunchApproval: true })}`)
        .expect(200);
      expect(listed.body.map((e: { id: string }) => e.id)).toContain(id);
      const dashboard = await as.codir
        .get(`/api/dashboard?organizationId=${team.organization.id}`)
        .expect(200);
      expect(dashboard.body.awaitingLaunchApproval.items.map((e: { id: string }) => e.id)).toContain(id);

      const toApprovers = await noticesOf(id, 'launchApprovalRequested');
      expect(toApprovers.map((n) => n.recipientId).sort()).toEqual([team.sponsor, team.codir].sort());
      const sponsorEmail = await emailOf(team.sponsor);
      const requestMail = await waitFor('the request by email', async () =>
        smtp.emails.find((e) => e.to.includes(sponsorEmail) && e.subject.startsWith('Lancement à valider')),
      );
      expect(requestMail.subject).toBe('Lancement à valider : « Bureau des temps partagé »');
      expect(requestMail.text).toContain(`https://capacites.test/#/experiments/${id}/show`);

      // Only the sponsor or the CODIR approves.
      const byPilot = await as.pilot
        .post(`/api/experiments/${id}/launch-request/approve`)
        .send({})
        .expect(403);
      expect(byPilot.body).toMatchObject({ code: 'FORBIDDEN', params: { action: 'approveLaunch' } });
      const approved = await as.sponsor
        .post(`/api/experiments/${id}/launch-request/approve`)
        .send({ reason: 'Cadrage clair' })
        .expect(200);
      expect(approved.body).toMatchObject({
        state: 'running',
        launchRequestedAt: null,
        launchRequestedBy: null,
      });
      expect(approved.body.launchedAt).toEqual(expect.any(String));

      const audit = await auditOf(id);
      const requestedEvent = audit.find((a) => a.event === 'launchRequested');
      const launch = audit.find((a) => a.event === 'launch');
      expect(requestedEvent).toMatchObject({ actorId: team.hr, fromState: 'draft', toState: 'draft' });
      expect(launch).toMatchObject({
        actorId: team.sponsor,
        fromState: 'draft',
        toState: 'running',
        reason: 'Cadrage clair',
      });
      expect(launch?.details).toMatchObject({ approval: { requestedBy: team.hr } });
      const back = await noticesOf(id, 'launchApproved');
      expect(back.map((n) => n.recipientId)).toEqual([team.hr]);
      const hrEmail = await emailOf(team.hr);
      await waitFor('the approval by email', async () =>
        smtp.emails.find(
          (e) => e.to.includes(hrEmail) && e.subject === 'Lancement validé : « Bureau des temps partagé »',
        ),
      );
      expect(await noticesOf(id, 'launched')).toHaveLength(3);
    });

    it('whoever requested cannot approve nor refuse, even as a CODIR member; a pilot cannot approve', async () => {
      const both = await insertPerson(team, ['hr', 'codir'], 'rh-et-codir');
      const hrCodir = await login(stack.app, both.email);
      const id = await readyDraft(team, as.hr, 'Télétravail en crèche');
      await hrCodir.post(`/api/experiments/${id}/launch-request`).send({}).expect(200);
      const actions = await hrCodir.get(`/api/experiments/${id}/actions`).expect(200);
      expect(actions.body.map((a: { action: string }) => a.action)).not.toContain('approveLaunch');
      const approve = await hrCodir
        .post(`/api/experiments/${id}/launch-request/approve`)
        .send({})
        .expect(409);
      expect(approve.body.code).toBe('LAUNCH_APPROVER_IS_REQUESTER');
      const refuse = await hrCodir
        .post(`/api/experiments/${id}/launch-request/refuse`)
        .send({ reason: 'Je me ravise' })
        .expect(409);
      expect(refuse.body.code).toBe('LAUNCH_APPROVER_IS_REQUESTER');
      // A pilot of the test who sits on the CODIR does not approve it either.
      const pilotCodir = await insertPerson(team, ['pilot', 'codir'], 'porteur-codir');
      await stack.db.query(`UPDATE experiments SET pilot_ids = pilot_ids || $2::uuid WHERE id = $1`, [
        id,
        pilotCodir.id,
      ]);
      const asPilotCodir = await login(stack.app, pilotCodir.email);
      const byPilot = await asPilotCodir
        .post(`/api/experiments/${id}/launch-request/approve`)
        .send({})
        .expect(409);
      expect(byPilot.body.code).toBe('LAUNCH_APPROVER_IS_PILOT');
      const unchanged = await as.hr.get(`/api/experiments/${id}`).expect(200);
      expect(unchanged.body).toMatchObject({ state: 'draft', launchRequestedBy: both.id });
    });

    it('checks readiness again at approval: a consent withdrawn meanwhile refuses it with the reasons; a refusal reaches the requester', async () => {
      const id = await readyDraft(team, as.hr, 'Mobilité entre services');
      await as.pilot.post(`/api/experiments/${id}/launch-request`).send({}).expect(200);
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: false }).expect(200);
      const notReady = await as.sponsor
        .post(`/api/experiments/${id}/launch-request/approve`)
        .send({})
        .expect(409);
      expect(notReady.body).toMatchObject({ code: 'CONSENT_MISSING', params: { missing: ['consent'] } });
      expect(notReady.body.fields).toEqual([expect.objectContaining({ field: 'consent' })]);
      expect((await as.hr.get(`/api/experiments/${id}`).expect(200)).body).toMatchObject({
        state: 'draft',
        launchRequestedBy: team.pilot,
      });

      const noReason = await as.codir
        .post(`/api/experiments/${id}/launch-request/refuse`)
        .send({})
        .expect(400);
      expect(noReason.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
      const refused = await as.codir
        .post(`/api/experiments/${id}/launch-request/refuse`)
        .send({ reason: "L'équipe testeuse n'est pas au complet" })
        .expect(200);
      expect(refused.body).toMatchObject({ state: 'draft', launchRequestedAt: null });
      expect(await noticesOf(id, 'launchRefused')).toEqual([
        expect.objectContaining({ recipientId: team.pilot }),
      ]);
      const pilotEmail = await emailOf(team.pilot);
      const mail = await waitFor('the refusal by email', async () =>
        smtp.emails.find(
          (e) => e.to.includes(pilotEmail) && e.subject === 'Lancement refusé : « Mobilité entre services »',
        ),
      );
      expect(mail.text).toContain("Motif : L'équipe testeuse n'est pas au complet");
      const audit = await auditOf(id);
      expect(audit.find((a) => a.event === 'launchRefused')).toMatchObject({
        actorId: team.codir,
        toState: 'draft',
      });
      // Withdrawn then asked again: the framing can change in between.
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(200);
      await as.pilot.post(`/api/experiments/${id}/launch-request`).send({}).expect(200);
      await as.pilot.post(`/api/experiments/${id}/launch-request/withdraw`).send({}).expect(200);
      await as.hr.put(`/api/experiments/${id}`).send({ scope: 'Trois services volontaires' }).expect(200);
      expect((await auditOf(id)).map((a) => a.event)).toContain('launchRequestWithdrawn');
    });
  });

  describe('stale and orphan tests', () => {
    let team: Team;
    let as: Awaited<ReturnType<typeof loginTeam>>;
    let admin: ApiClient;
    let id: string;

    beforeAll(async () => {
      team = await insertTeam(stack.db);
      as = await loginTeam(stack.app, team);
      admin = await login(stack.app, (await insertAdmin(stack.db, team.organization.id)).email);
      id = await readyDraft(team, as.hr, 'Guichet unique des mobilités');
      await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    });

    it('a disabled pilot flags the test to HR at once (in-app, email, list, page, dashboard); HR reassigns it through the workflow', async () => {
      await admin.delete(`/api/users/${team.pilot}`).expect(200);
      const flagged = await noticesOf(id, 'experimentOrphaned');
      expect(flagged.map((n) => n.recipientId)).toEqual([team.hr]);
      const hrEmail = await emailOf(team.hr);
      const mail = await waitFor('the alert to HR by email', async () =>
        smtp.emails.find(
          (e) => e.to.includes(hrEmail) && e.subject.startsWith('Test sans porteur·euse actif'),
        ),
      );
      expect(mail.text).toContain("n'a plus de compte actif");
      expect((await auditOf(id)).find((a) => a.event === 'personDeparted')?.details).toMatchObject({
        userId: team.pilot,
        kind: 'disabled',
        roles: ['pilot'],
      });
      const orphaned = await as.hr.get(`/api/experiments?filter=${enc({ orphaned: true })}`).expect(200);
      expect(orphaned.body.map((e: { id: string }) => e.id)).toEqual([id]);
      const departed = await as.hr.get(`/api/experiments/${id}/departed-people`).expect(200);
      expect(departed.body).toEqual([
        { userId: team.pilot, displayName: 'pilot', roles: ['pilot'], kind: 'disabled' },
      ]);
      const dashboard = await as.hr.get(`/api/dashboard?organizationId=${team.organization.id}`).expect(200);
      expect(dashboard.body.orphaned.items.map((e: { id: string }) => e.id)).toEqual([id]);
      const hrTasks = await as.hr.get('/api/me/tasks').expect(200);
      expect(hrTasks.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'reassignment', experimentId: id })]),
      );

      // Same rules as the framing: pilot ≠ sponsor, active people of the organisation only, HR only.
      const next = await insertPerson(team, ['pilot'], 'nouvelle-porteuse');
      const same = await as.hr
        .post(`/api/experiments/${id}/reassignment`)
        .send({ pilotIds: [team.sponsor], sponsorId: team.sponsor, reason: 'Départ' })
        .expect(400);
      expect(same.body.code).toBe('PILOT_IS_SPONSOR');
      const gone = await as.hr
        .post(`/api/experiments/${id}/reassignment`)
        .send({ pilotIds: [team.pilot], sponsorId: team.sponsor, reason: 'Départ' })
        .expect(409);
      expect(gone.body).toMatchObject({
        code: 'PERSON_DISABLED',
        fields: [expect.objectContaining({ field: 'pilotIds.0' })],
      });
      const stranger = await as.hr
        .post(`/api/experiments/${id}/reassignment`)
        .send({ pilotIds: [randomUUID()], sponsorId: team.sponsor, reason: 'Départ' })
        .expect(404);
      expect(stranger.body.fields).toEqual([expect.objectContaining({ field: 'pilotIds.0' })]);
      await as.sponsor
        .post(`/api/experiments/${id}/reassignment`)
        .send({ pilotIds: [next.id], sponsorId: team.sponsor, reason: 'Départ' })
        .expect(403);
      const empty = await as.hr
        .post(`/api/experiments/${id}/reassignment`)
        .send({ pilotIds: [], sponsorId: team.sponsor })
        .expect(400);
      expect(empty.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['pilotIds', 'reason']);

      const reassigned = await as.hr
        .post(`/api/experiments/${id}/reassignment`)
        .send({ pilotIds: [next.id], sponsorId: team.sponsor, reason: 'Départ en retraite de la porteuse' })
        .expect(200);
      expect(reassigned.body).toMatchObject({
        state: 'running',
        pilotIds: [next.id],
        sponsorId: team.sponsor,
      });
      expect((await auditOf(id)).find((a) => a.event === 'peopleReassigned')).toMatchObject({
        actorId: team.hr,
        reason: 'Départ en retraite de la porteuse',
        details: expect.objectContaining({ added: [next.id], removed: [team.pilot] }),
      });
      expect((await noticesOf(id, 'peopleAssigned')).map((n) => n.recipientId)).toEqual([next.id]);
      await waitFor('the new pilot told by email', async () =>
        smtp.emails.find(
          (e) =>
            e.to.includes(next.email) &&
            e.subject === 'Vous reprenez le test « Guichet unique des mobilités »',
        ),
      );
      // The new pilot acts on the test; the list no longer flags it.
      const asNext = await login(stack.app, next.email);
      await asNext
        .post(`/api/experiments/${id}/check-ins`)
        .send({ weather: 'sunny', progress: 'Reprise en main' })
        .expect(200);
      const cleared = await as.hr.get(`/api/experiments?filter=${enc({ orphaned: true })}`).expect(200);
      expect(cleared.body).toEqual([]);
      const after = await as.hr.get('/api/me/tasks').expect(200);
      expect(after.body.map((t: { kind: string }) => t.kind)).not.toContain('reassignment');
      expect((await as.hr.get(`/api/experiments/${id}/departed-people`).expect(200)).body).toEqual([]);
    });

    it('a sponsor who leaves the organisation flags the test too, and the digest reads it from one query', async () => {
      await admin.put(`/api/users/${team.sponsor}`).send({ memberships: [] }).expect(200);
      const flagged = await noticesOf(id, 'experimentOrphaned');
      expect(flagged).toHaveLength(2);
      const departure = (await auditOf(id)).filter((a) => a.event === 'personDeparted').at(-1);
      expect(departure?.details).toMatchObject({ userId: team.sponsor, kind: 'left', roles: ['sponsor'] });
      const orphans = await stack.app.get(OrphansService).findOrphanedExperiments(team.organization.id);
      expect(orphans).toEqual([
        expect.objectContaining({
          id,
          state: 'running',
          departed: [{ userId: team.sponsor, displayName: 'sponsor', roles: ['sponsor'], kind: 'left' }],
        }),
      ]);
      // Another organisation sees nothing of it.
      const other = await insertTeam(stack.db);
      expect(await stack.app.get(OrphansService).findOrphanedExperiments(other.organization.id)).toEqual([]);
      const otherHr = await login(stack.app, other.emails.hr);
      await otherHr.get(`/api/experiments/${id}/departed-people`).expect(404);
    });
  });
});
