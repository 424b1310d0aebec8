import { In } from 'typeorm';
import { experimentWorkflowId } from '@capacites/domain';
import {
  AuditEventEntity,
  CheckInEntity,
  DecisionEntity,
  EmailEntity,
  EvaluationEntity,
  ExperimentEntity,
  NotificationEntity,
  OrganizationEntity,
} from '@capacites/persistence';
import { snapshotQuery } from '@capacites/workflows';
import { dateInDays, insertTeam, readyFramingBody, type Team, type TeamRole } from '../support/fixtures';
import { loginTeam, type ApiClient, participantConsents } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

describe('The lifecycle through the real stack (API + worker + Temporal + PostgreSQL)', () => {
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

  const http = () => as.hr;
  const createDraft = async (title = 'Classeur médical partagé en crèche') => {
    const created = await http()
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title })
      .expect(201);
    return created.body.id as string;
  };
  const audit = (experimentId: string) =>
    stack.db.getRepository(AuditEventEntity).find({ where: { experimentId }, order: { id: 'ASC' } });

  it('refuses to launch an incomplete draft with 409 naming each missing item, and records nothing', async () => {
    const id = await createDraft();
    const response = await http().post(`/api/experiments/${id}/launch`).send({}).expect(409);
    // The first missing item's stable code; every missing item named, with the parameters the
    // back-office needs to say it (issue 12, item 16).
    expect(response.body.code).toBe('HYPOTHESIS_REQUIRED');
    expect(response.body.params.missing).toEqual(
      expect.arrayContaining(['hypothesis', 'criteria', 'expiry', 'consent']),
    );
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['hypothesis', 'criteria', 'expiry', 'consent']),
    );
    expect(response.body.message).toMatch(/hypothesis is required/);
    expect(response.body.message).toMatch(/at least one evaluation criterion/);
    expect(response.body.message).toMatch(/expiry date/);
    expect((await audit(id)).map((a) => a.event)).toEqual(['create']);
    const actions = await http().get(`/api/experiments/${id}/actions`).expect(200);
    expect(actions.body.map((a: { action: string }) => a.action)).toEqual(['launch', 'cancel']);
  });

  it('runs a test from draft to iteration: launch, check-in, extension, early stop, evaluation, decision', async () => {
    const id = await createDraft();
    await http()
      .put(`/api/experiments/${id}`)
      .send(readyFramingBody(team, dateInDays(60)))
      .expect(200);
    await participantConsents(stack.app, team, id);

    const launched = await http().post(`/api/experiments/${id}/launch`).send({}).expect(200);
    expect(launched.body).toMatchObject({ state: 'running', extensionsUsed: 0 });
    expect(launched.body.launchedAt).not.toBeNull();

    // Framing is fixed once launched: only vision and scope may change.
    const locked = await http().put(`/api/experiments/${id}`).send({ hypothesis: 'Autre chose' }).expect(409);
    expect(locked.body.message).toMatch(/hypothesis/);
    await http()
      .put(`/api/experiments/${id}`)
      .send({ scope: 'Deux équipes, puis une troisième' })
      .expect(200);

    const checkIn = await as.pilot
      .post(`/api/experiments/${id}/check-ins`)
      .send({ weather: 'cloudy', progress: 'Le classeur est adopté', blockers: 'Pas de photocopieuse' })
      .expect(200);
    expect(checkIn.body).toMatchObject({ lastWeather: 'cloudy', missedCheckIns: 0 });

    await http()
      .post(`/api/experiments/${id}/extension`)
      .send({ newExpiryDate: dateInDays(90), justification: 'Rentrée' })
      .expect(200);
    const extended = await as.sponsor.post(`/api/experiments/${id}/extension/approve`).send({}).expect(200);
    expect(extended.body.extensionsUsed).toBe(1);
    expect(new Date(extended.body.expiresAt).getTime()).toBeGreaterThan(
      new Date(launched.body.expiresAt).getTime(),
    );
    const again = await http()
      .post(`/api/experiments/${id}/extension`)
      .send({ newExpiryDate: dateInDays(100), justification: 'Encore' })
      .expect(409);
    expect(again.body.message).toMatch(/no extension left/);

    const stopped = await http()
      .post(`/api/experiments/${id}/stop`)
      .send({ reason: 'Objectifs atteints' })
      .expect(200);
    expect(stopped.body).toMatchObject({ state: 'evaluating', stopKind: 'early' });
    expect(stopped.body.evaluationDueAt).not.toBeNull();

    const incomplete = await http()
      .post(`/api/experiments/${id}/evaluation`)
      .send({
        verdict: 'confirmed',
        criterionResults: [],
        usersVoice: { sources: [], count: 0 },
        learnings: 'x',
      })
      // A lifecycle rule over several fields, not a shape: 409 with its reason code.
      .expect(409);
    expect(incomplete.body.code).toBe('USERS_VOICE_REQUIRED');
    expect(incomplete.body.fields.map((f: { field: string }) => f.field)).toEqual(['usersVoice']);
    const missingCriterion = await http()
      .post(`/api/experiments/${id}/evaluation`)
      .send({
        verdict: 'confirmed',
        criterionResults: [],
        usersVoice: { sources: ['entretiens'], count: 6 },
        learnings: 'x',
      })
      .expect(409);
    expect(missingCriterion.body.message).toMatch(
      /a result is required for every criterion; missing: Erreurs/,
    );

    const evaluated = await http()
      .post(`/api/experiments/${id}/evaluation`)
      .send({
        verdict: 'confirmed',
        criterionResults: [{ criterionId: 'errors', result: 'Zéro erreur', met: true }],
        usersVoice: { sources: ['entretiens'], count: 6 },
        learnings: 'Un outil simple, conçu avec les agent·es.',
      })
      .expect(200);
    expect(evaluated.body.state).toBe('deciding');

    const noHandover = await as.sponsor
      .post(`/api/experiments/${id}/decision`)
      .send({ outcome: 'perpetuate', rationale: 'On garde' })
      .expect(409);
    expect(noHandover.body.code).toBe('HANDOVER_REQUIRED');
    expect(noHandover.body.fields.map((f: { field: string }) => f.field)).toEqual(['handover']);

    const decided = await as.sponsor
      .post(`/api/experiments/${id}/decision`)
      .send({
        outcome: 'iterate',
        rationale: 'À tester dans deux autres crèches',
        nextFocus: 'Deux autres crèches',
      })
      .expect(200);
    expect(decided.body.state).toBe('iterated');
    const childId = decided.body.childExperimentId as string;

    // The iteration: a draft linked to its parent, framing copied, hypothesis to revise, its own workflow.
    const child = await http().get(`/api/experiments/${childId}`).expect(200);
    expect(child.body).toMatchObject({
      state: 'draft',
      parentId: id,
      iteration: 2,
      hypothesisNeedsRevision: true,
      nextFocus: 'Deux autres crèches',
    });
    expect(child.body.participants.every((p: { consentedAt: string | null }) => p.consentedAt === null)).toBe(
      true,
    );
    expect(
      await stack.temporal.workflow.getHandle(experimentWorkflowId(childId)).query(snapshotQuery),
    ).toMatchObject({ state: 'draft' });

    // Every transition recorded once, with who/when/from/to/why; state in PostgreSQL = workflow's.
    const events = await audit(id);
    expect(events.map((e) => e.event)).toEqual([
      'create',
      'framingUpdated',
      'consentGiven',
      'launch',
      'framingUpdated', // the scope, editable while running
      'checkIn',
      'extensionRequested',
      'extensionApproved',
      'stopEarly',
      'submitEvaluation',
      'decideIterate',
    ]);
    expect(events.find((e) => e.event === 'stopEarly')).toMatchObject({
      fromState: 'running',
      toState: 'evaluating',
      reason: 'Objectifs atteints',
    });
    expect(await stack.db.getRepository(CheckInEntity).countBy({ experimentId: id })).toBe(1);
    expect(
      await stack.db.getRepository(EvaluationEntity).findOneByOrFail({ experimentId: id }),
    ).toMatchObject({ verdict: 'confirmed', onTime: true });
    expect(await stack.db.getRepository(DecisionEntity).findOneByOrFail({ experimentId: id })).toMatchObject({
      outcome: 'iterate',
      childExperimentId: childId,
    });

    // Notifications: one per (event, recipient), in-app and in the email outbox (no SMTP configured).
    const notifications = await stack.db.getRepository(NotificationEntity).findBy({ experimentId: id });
    const stoppedNotices = notifications.filter((n) => n.event === 'stopped');
    expect(stoppedNotices.map((n) => n.recipientId).sort()).toEqual(
      [team.pilot, team.sponsor, team.participant, team.hr].sort(),
    );
    expect(stoppedNotices[0].subject).toMatch(
      /Test arrêté : « Classeur médical partagé en crèche » — évaluation attendue avant le/,
    );
    expect(stoppedNotices[0].body).toContain(`/#/experiments/${id}/show`);
    const keys = notifications.map((n) => n.dedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
    const emails = await stack.db
      .getRepository(EmailEntity)
      .findBy({ notificationId: In(notifications.map((n) => n.id)) });
    expect(emails).toHaveLength(notifications.length);
    expect(emails.every((e) => e.status === 'outbox')).toBe(true);
  });

  it('keeps the settings read at launch when the organisation changes them later', async () => {
    const id = await createDraft('Pacte de micro-mobilité');
    await http()
      .put(`/api/experiments/${id}`)
      .send(readyFramingBody(team, dateInDays(120)))
      .expect(200);
    await participantConsents(stack.app, team, id);
    await http().post(`/api/experiments/${id}/launch`).send({}).expect(200);
    await stack.db
      .getRepository(OrganizationEntity)
      .update(
        { id: team.organization.id },
        { settings: { preExpiryReminderDays: [30, 2], maxExtensions: 3 } },
      );
    const status = await http().get(`/api/experiments/${id}/status`).expect(200);
    const reminders = status.body.nextReminders.filter(
      (r: { kind: string }) => r.kind === 'preExpiryReminder',
    );
    expect(reminders.map((r: { days: number }) => r.days)).toEqual([14, 7, 1]);
    await http()
      .post(`/api/experiments/${id}/extension`)
      .send({ newExpiryDate: dateInDays(130), justification: 'Été' })
      .expect(200);
    await as.sponsor.post(`/api/experiments/${id}/extension/approve`).send({}).expect(200);
    const second = await http()
      .post(`/api/experiments/${id}/extension`)
      .send({ newExpiryDate: dateInDays(140), justification: 'Encore' })
      .expect(409);
    expect(second.body.message).toMatch(/at most 1 per experiment/);
    const row = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id });
    expect(row.settingsSnapshot).toMatchObject({ maxExtensions: 1, preExpiryReminderDays: [14, 7, 1] });
  });

  it('refuses a transition the state does not allow with 409 and the reason, and a malformed one with 400', async () => {
    const id = await createDraft('Les champs de subsidiarité');
    const stop = await http().post(`/api/experiments/${id}/stop`).send({ reason: 'Trop tôt' }).expect(409);
    expect(stop.body.message).toMatch(/"stopEarly" is not allowed while the experiment is draft/);
    const bad = await as.pilot
      .post(`/api/experiments/${id}/check-ins`)
      .send({ weather: 'rainy', extra: 1 })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'extra',
      'progress',
      'weather',
    ]);
    await http().post(`/api/experiments/${id}/cancel`).send({ reason: 'Doublon' }).expect(200);
    const closed = await http().post(`/api/experiments/${id}/launch`).send({}).expect(409);
    expect(closed.body.message).toMatch(/closed|not allowed/);
  });
});
