import { CURRENT_PARTICIPANT_NOTICE } from '@capacites/domain';
import { AuditEventEntity, EmailEntity, ExperimentEntity, NotificationEntity } from '@capacites/persistence';
import { dateInDays, insertTeam, readyFramingBody, type Team, type TeamRole } from '../support/fixtures';
import { loginTeam, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

/**
 * Trust decisions of the trust issue (#12): consent is each participant's own act (5),
 * pilot and sponsor of one test are different people (8), an iteration's hypothesis to
 * revise clears only when its text changes (11). Through the real stack.
 */
describe('Consent, pilot and sponsor, hypothesis to revise (API + worker + Temporal + PostgreSQL)', () => {
  let stack: TestStack;
  let team: Team;
  let as: Record<TeamRole, ApiClient>;

  beforeAll(async () => {
    stack = await startStack();
    team = await insertTeam(stack.db);
    as = await loginTeam(stack.app, team);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const draft = async (title: string) => {
    const created = await as.hr
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title })
      .expect(201);
    return created.body.id as string;
  };
  const framed = async (title: string) => {
    const id = await draft(title);
    await as.hr
      .put(`/api/experiments/${id}`)
      .send(readyFramingBody(team, dateInDays(60)))
      .expect(200);
    return id;
  };
  const row = (id: string) => stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id });
  const audit = (experimentId: string) =>
    stack.db.getRepository(AuditEventEntity).find({ where: { experimentId }, order: { id: 'ASC' } });
  const notices = (experimentId: string, event: string) =>
    stack.db.getRepository(NotificationEntity).find({ where: { experimentId, event } });

  describe('consent is the participant’s own act (5)', () => {
    it('records the version of the information notice in force with each consent, and refuses one read from an older text', async () => {
      const id = await framed('Notice versionnée');
      const outdated = await as.participant
        .post(`/api/experiments/${id}/consent`)
        .send({ consent: true, noticeVersion: '2020-01-01' })
        .expect(409);
      expect(outdated.body).toMatchObject({
        code: 'NOTICE_OUTDATED',
        params: { current: CURRENT_PARTICIPANT_NOTICE.version },
      });
      expect((await row(id)).participants.find((p) => p.userId === team.participant)?.consentedAt).toBeNull();
      const malformed = await as.participant
        .post(`/api/experiments/${id}/consent`)
        .send({ consent: true, noticeVersion: 'latest' })
        .expect(400);
      expect(malformed.body.fields?.[0]?.field).toBe('noticeVersion');

      await as.participant
        .post(`/api/experiments/${id}/consent`)
        .send({ consent: true, noticeVersion: CURRENT_PARTICIPANT_NOTICE.version })
        .expect(200);
      const mine = (await row(id)).participants.find((p) => p.userId === team.participant);
      expect(mine).toMatchObject({ noticeVersion: CURRENT_PARTICIPANT_NOTICE.version });
      expect(mine?.consentedAt).toEqual(expect.any(String));
      const given = (await audit(id)).find((a) => a.event === 'consentGiven');
      expect(given?.details).toMatchObject({
        participantId: team.participant,
        noticeVersion: CURRENT_PARTICIPANT_NOTICE.version,
      });
    });

    it('refuses a consent set through a framing edit, by HR or a pilot, naming the field, and writes nothing', async () => {
      const id = await framed('Accord forgé');
      const before = await audit(id);
      for (const client of [as.hr, as.pilot]) {
        for (const consentedAt of [new Date().toISOString(), '2020-01-01T00:00:00.000Z', null]) {
          const refused = await client
            .put(`/api/experiments/${id}`)
            .send({ title: 'Renommé', participants: [{ userId: team.participant, consentedAt }] })
            .expect(400);
          expect(refused.body.fields).toEqual([
            { field: 'participants.0.consentedAt', message: expect.stringMatching(/participant's own act/) },
          ]);
        }
      }
      expect((await row(id)).participants).toEqual([{ userId: team.participant, consentedAt: null }]);
      expect((await row(id)).title).toBe('Accord forgé');
      expect(await audit(id)).toHaveLength(before.length);
      // Launch still waits for the participant.
      const launch = await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(409);
      expect(launch.body.code).toBe('CONSENT_MISSING');
    });

    it('keeps each consent as it was when the framing names the participants again', async () => {
      const id = await framed('Accord conservé');
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(200);
      const given = (await row(id)).participants[0].consentedAt;
      expect(given).toEqual(expect.any(String));
      await as.hr
        .put(`/api/experiments/${id}`)
        .send({ participants: [{ userId: team.participant }, { userId: team.codir }] })
        .expect(200);
      expect((await row(id)).participants).toEqual([
        { userId: team.participant, consentedAt: given, noticeVersion: CURRENT_PARTICIPANT_NOTICE.version },
        { userId: team.codir, consentedAt: null },
      ]);
    });

    it('lets only the participant give their own consent; others get 403 CONSENT_NOT_OWN', async () => {
      const id = await framed('Accord de soi');
      for (const client of [as.hr, as.pilot, as.sponsor]) {
        const refused = await client
          .post(`/api/experiments/${id}/consent`)
          .send({ consent: true })
          .expect(403);
        expect(refused.body.code).toBe('CONSENT_NOT_OWN');
      }
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(200);
      const events = (await audit(id)).filter((e) => e.event.startsWith('consent'));
      expect(
        events.map((e) => [e.event, e.actorId, (e.details as Record<string, unknown>).participantId]),
      ).toEqual([['consentGiven', team.participant, team.participant]]);
    });

    it('records a consent collected on paper as HR’s own audited act, shown apart, and only by HR', async () => {
      const id = await framed('Accord sur papier');
      const body = {
        participantId: team.participant,
        method: 'paper',
        collectedOn: dateInDays(-2),
        note: 'Signé',
      };
      const byPilot = await as.pilot.post(`/api/experiments/${id}/consent-records`).send(body).expect(403);
      expect(byPilot.body.code).toBe('FORBIDDEN');
      const future = await as.hr
        .post(`/api/experiments/${id}/consent-records`)
        .send({ ...body, collectedOn: dateInDays(3) })
        .expect(400);
      expect(future.body.fields).toEqual([
        { field: 'collectedOn', message: expect.stringMatching(/future/) },
      ]);
      const badMethod = await as.hr
        .post(`/api/experiments/${id}/consent-records`)
        .send({ ...body, method: 'rumeur' })
        .expect(400);
      expect(badMethod.body.fields.map((f: { field: string }) => f.field)).toEqual(['method']);
      const stranger = await as.hr
        .post(`/api/experiments/${id}/consent-records`)
        .send({ ...body, participantId: team.codir })
        .expect(404);
      expect(stranger.body.code).toBe('NOT_FOUND');
      expect(stranger.body.fields.map((f: { field: string }) => f.field)).toEqual(['participantId']);

      const recorded = await as.hr.post(`/api/experiments/${id}/consent-records`).send(body).expect(200);
      expect(recorded.body.participants[0]).toEqual({
        userId: team.participant,
        consentedAt: expect.any(String),
        onBehalf: {
          recordedBy: team.hr,
          recordedAt: expect.any(String),
          method: 'paper',
          collectedOn: body.collectedOn,
          note: 'Signé',
        },
      });
      const again = await as.hr.post(`/api/experiments/${id}/consent-records`).send(body).expect(409);
      expect(again.body.code).toBe('CONSENT_ALREADY_GIVEN');
      const events = (await audit(id)).filter((e) => e.event.startsWith('consent'));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        event: 'consentRecordedOnBehalf',
        actorId: team.hr,
        details: {
          participantId: team.participant,
          method: 'paper',
          collectedOn: body.collectedOn,
          note: 'Signé',
        },
      });
      // It counts for the launch checklist; once launched, no more entries.
      await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
      const late = await as.hr
        .post(`/api/experiments/${id}/consent-records`)
        .send({ ...body, participantId: team.participant })
        .expect(409);
      expect(late.body.code).toBe('FRAMING_LOCKED');
    });

    it('takes a withdrawal while running through the workflow: the pilots are told, the person gets no more notices', async () => {
      const id = await framed('Retrait en cours de test');
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(200);
      await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
      expect(await notices(id, 'launched')).toEqual(
        expect.arrayContaining([expect.objectContaining({ recipientId: team.participant })]),
      );

      const withdrawn = await as.participant
        .post(`/api/experiments/${id}/consent`)
        .send({ consent: false })
        .expect(200);
      expect(withdrawn.body.participants).toEqual([
        {
          userId: team.participant,
          consentedAt: null,
          withdrawnAt: expect.any(String),
          // The notice the consent was given under stays known after its withdrawal.
          noticeVersion: CURRENT_PARTICIPANT_NOTICE.version,
        },
      ]);
      const event = (await audit(id)).find((e) => e.event === 'consentWithdrawn');
      expect(event).toMatchObject({ actorId: team.participant, fromState: 'running', toState: 'running' });
      // The pilots are told, in-app and by email; the participant is not among the recipients.
      const told = await notices(id, 'consentWithdrawn');
      expect(told.map((n) => n.recipientId)).toEqual([team.pilot]);
      const email = await stack.db.getRepository(EmailEntity).findOneByOrFail({ notificationId: told[0].id });
      expect(email.toAddress).toBe(team.emails.pilot);
      // Withdrawn is withdrawn: a second withdrawal changes nothing, consent cannot come back while running.
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: false }).expect(200);
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(409);

      await as.pilot.post(`/api/experiments/${id}/stop`).send({ reason: 'Assez de recul' }).expect(200);
      const stopped = (await notices(id, 'stopped')).map((n) => n.recipientId);
      expect(stopped).toEqual(expect.arrayContaining([team.pilot, team.sponsor]));
      expect(stopped).not.toContain(team.participant);
      expect((await audit(id)).filter((e) => e.event === 'consentWithdrawn')).toHaveLength(1);
    });
  });

  describe('pilot and sponsor are different people (8)', () => {
    it('refuses a framing that makes a pilot the sponsor, naming the field, with PILOT_IS_SPONSOR', async () => {
      const id = await framed('Porteur et portage');
      const sponsorPilot = await as.pilot
        .put(`/api/experiments/${id}`)
        .send({ sponsorId: team.pilot })
        .expect(400);
      expect(sponsorPilot.body).toMatchObject({
        code: 'PILOT_IS_SPONSOR',
        fields: [{ field: 'sponsorId', message: expect.any(String) }],
      });
      const pilotSponsor = await as.hr
        .put(`/api/experiments/${id}`)
        .send({ pilotIds: [team.sponsor, team.pilot] })
        .expect(400);
      expect(pilotSponsor.body).toMatchObject({
        code: 'PILOT_IS_SPONSOR',
        fields: [{ field: 'pilotIds.0' }],
      });
      expect(await row(id)).toMatchObject({ pilotIds: [team.pilot], sponsorId: team.sponsor });
    });

    it('refuses to launch a draft whose sponsor pilots it (written before the rule), naming the item', async () => {
      const id = await framed('Brouillon ancien');
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(200);
      // A draft framed before the rule existed: the database holds what the API now refuses.
      await stack.db.getRepository(ExperimentEntity).update({ id }, { pilotIds: [team.pilot, team.sponsor] });
      const refused = await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(409);
      expect(refused.body).toMatchObject({
        code: 'PILOT_IS_SPONSOR',
        fields: [{ field: 'sponsorNotPilot', message: expect.stringMatching(/^PILOT_IS_SPONSOR: /) }],
      });
      expect((await row(id)).state).toBe('draft');
    });

    it('refuses the approval of an extension by a sponsor who pilots the test too, with APPROVER_IS_PILOT', async () => {
      const id = await framed('Prolongation de soi');
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(200);
      await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
      // A test launched before the rule, where the sponsor was also a pilot.
      await stack.db.getRepository(ExperimentEntity).update({ id }, { pilotIds: [team.pilot, team.sponsor] });
      await as.pilot
        .post(`/api/experiments/${id}/extension`)
        .send({ newExpiryDate: dateInDays(90), justification: 'Rentrée' })
        .expect(200);
      const refused = await as.sponsor.post(`/api/experiments/${id}/extension/approve`).send({}).expect(409);
      expect(refused.body.code).toBe('APPROVER_IS_PILOT');
      expect((await row(id)).extensionsUsed).toBe(0);
      expect((await audit(id)).map((e) => e.event)).not.toContain('extensionApproved');
    });
  });

  describe('an iteration’s hypothesis to revise (11)', () => {
    it('stays to revise after an unchanged save, refuses launch with HYPOTHESIS_TO_REVISE, clears once the text changes', async () => {
      const parent = await framed('Classeur partagé, première itération');
      await as.participant.post(`/api/experiments/${parent}/consent`).send({ consent: true }).expect(200);
      await as.hr.post(`/api/experiments/${parent}/launch`).send({}).expect(200);
      await as.pilot.post(`/api/experiments/${parent}/stop`).send({ reason: 'Assez de recul' }).expect(200);
      await as.pilot
        .post(`/api/experiments/${parent}/evaluation`)
        .send({
          verdict: 'partly_confirmed',
          criterionResults: [{ criterionId: 'errors', result: 'Moins d’erreurs', met: true }],
          usersVoice: { sources: ['entretiens'], count: 4 },
          learnings: 'À élargir',
        })
        .expect(200);
      const decided = await as.sponsor
        .post(`/api/experiments/${parent}/decision`)
        .send({ outcome: 'iterate', rationale: 'Deux autres crèches', nextFocus: 'Deux autres crèches' })
        .expect(200);
      const child = decided.body.childExperimentId as string;
      const before = await as.hr.get(`/api/experiments/${child}`).expect(200);
      expect(before.body.hypothesisNeedsRevision).toBe(true);

      // The edit form saved as it is (whitespace aside): still to revise.
      await as.hr
        .put(`/api/experiments/${child}`)
        .send({
          hypothesis: `  ${before.body.hypothesis}  `,
          title: before.body.title,
          expiresOn: dateInDays(60),
        })
        .expect(200);
      expect((await row(child)).hypothesisNeedsRevision).toBe(true);
      await as.participant.post(`/api/experiments/${child}/consent`).send({ consent: true }).expect(200);
      const refused = await as.hr.post(`/api/experiments/${child}/launch`).send({}).expect(409);
      expect(refused.body).toMatchObject({
        code: 'HYPOTHESIS_TO_REVISE',
        fields: [{ field: 'hypothesisRevision', message: expect.stringMatching(/^HYPOTHESIS_TO_REVISE: /) }],
      });

      await as.hr
        .put(`/api/experiments/${child}`)
        .send({ hypothesis: 'Un classeur partagé rassure aussi les familles de deux autres crèches.' })
        .expect(200);
      expect((await row(child)).hypothesisNeedsRevision).toBe(false);
      await as.hr.post(`/api/experiments/${child}/launch`).send({}).expect(200);
    });
  });
});
