import { randomUUID } from 'node:crypto';
import { ExperimentEntity } from '@capacites/persistence';
import {
  dateInDays,
  insertAdmin,
  insertTeam,
  organizationStub,
  readyFramingBody,
  type Team,
  type TeamRole,
} from '../support/fixtures';
import { login, loginTeam, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

/**
 * Issue 16, items 1 and 2, through the real stack (API, worker, PostgreSQL, Temporal):
 * templates → drafts, the organisation's "template required" rule, and replication of a
 * test into another organisation with its provenance both ways (a count, never who).
 */

const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));

const templateBody = (trackId: string, organizationId: string | null) => ({
  name: `Immersion de trois jours ${randomUUID().slice(0, 6)}`,
  description: 'Trois jours dans un autre service, avec un binôme.',
  trackId,
  organizationId,
  hypothesis: 'Si des agents passent trois jours dans un autre service, alors …',
  scope: 'Services volontaires',
  criteria: [
    {
      id: 'envie',
      name: 'Envie de mobilité',
      method: 'Questionnaire',
      target: '60 %',
      coBuiltWithUsers: true,
    },
    { id: 'binomes', name: 'Binômes formés', method: 'Comptage', target: '10', coBuiltWithUsers: false },
  ],
  durationDays: 90,
  checkInCadenceDays: 21,
  exitPlan: { pilotWithdrawal: 'Au bout de trois mois', takeover: 'Le service RH' },
  questionnaires: [
    {
      title: 'Pulse à mi-parcours',
      audience: 'participants',
      window: 'run',
      questions: [
        {
          kind: 'scale',
          label: 'Avez-vous envie de bouger ?',
          minLabel: 'Non',
          maxLabel: 'Oui',
          criterionId: 'envie',
        },
        { kind: 'singleChoice', label: 'Quel service vous a accueilli ?', options: ['Voirie', 'Crèche'] },
      ],
    },
  ],
});

describe('Templates and replication (issue 16)', () => {
  let stack: TestStack;
  let nantes: Team;
  let gironde: Team;
  let lyon: Team;
  let admin: ApiClient;
  let as: Record<TeamRole, ApiClient>;
  let gi: Record<TeamRole, ApiClient>;
  let ly: Record<TeamRole, ApiClient>;
  let sharedTrack: string;
  let otherSharedTrack: string;
  let nantesTrack: string;

  const audit = async (client: ApiClient, experimentId: string) =>
    (await client.get(`/api/audit-events?range=[0,99]&filter=${enc({ experimentId })}`).expect(200)).body as {
      event: string;
      actorId: string | null;
      details: Record<string, unknown>;
    }[];
  const experimentCount = () => stack.db.getRepository(ExperimentEntity).count();

  beforeAll(async () => {
    stack = await startStack();
    nantes = await insertTeam(stack.db);
    gironde = await insertTeam(stack.db, {
      ...organizationStub.nantes(),
      slug: `gironde-${randomUUID().slice(0, 8)}`,
      name: 'Département de la Gironde',
      kind: 'departement',
    });
    lyon = await insertTeam(stack.db, {
      ...organizationStub.nantes(),
      slug: `lyon-${randomUUID().slice(0, 8)}`,
      name: 'Métropole de Lyon',
      kind: 'epci',
    });
    const platform = await insertAdmin(stack.db, nantes.organization.id);
    admin = await login(stack.app, platform.email);
    [as, gi, ly] = await Promise.all([
      loginTeam(stack.app, nantes),
      loginTeam(stack.app, gironde),
      loginTeam(stack.app, lyon),
    ]);
    const track = async (name: string, organizationId: string | null) =>
      (
        await admin
          .post('/api/tracks')
          .send({ name, slug: `piste-${randomUUID().slice(0, 8)}`, organizationId })
          .expect(201)
      ).body.id as string;
    sharedTrack = await track('Micro-mobilité professionnelle', null);
    otherSharedTrack = await track('Initiatives spontanées', null);
    nantesTrack = await track('Piste propre à Nantes', nantes.organization.id);
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('templates', () => {
    it('the platform admin writes a shared template, HR its organisation’s, both audited', async () => {
      const shared = await admin.post('/api/templates').send(templateBody(sharedTrack, null)).expect(201);
      expect(shared.body).toMatchObject({
        organizationId: null,
        trackId: sharedTrack,
        durationDays: 90,
        archived: false,
      });
      expect(shared.body.questionnaires[0].questions[0]).toMatchObject({
        kind: 'scale',
        criterionId: 'envie',
      });
      const own = await as.hr
        .post('/api/templates')
        .send(templateBody(nantesTrack, nantes.organization.id))
        .expect(201);
      expect(own.body.organizationId).toBe(nantes.organization.id);

      const events = (
        await admin
          .get(`/api/audit-events?range=[0,99]&filter=${enc({ event: 'template.created' })}`)
          .expect(200)
      ).body as { details: { templateId: string } }[];
      expect(events.map((e) => e.details.templateId)).toEqual(
        expect.arrayContaining([shared.body.id, own.body.id]),
      );
    });

    it('refuses HR a shared template and another organisation’s, a pilot any (403 naming who may)', async () => {
      const sharedByHr = await as.hr.post('/api/templates').send(templateBody(sharedTrack, null)).expect(403);
      expect(sharedByHr.body).toMatchObject({
        code: 'FORBIDDEN',
        params: { action: 'manageTemplates', roles: ['admin'] },
      });
      const byPilot = await as.pilot
        .post('/api/templates')
        .send(templateBody(sharedTrack, nantes.organization.id))
        .expect(403);
      expect(byPilot.body.params).toEqual({ action: 'manageTemplates', roles: ['admin', 'hr'] });
      // Another organisation does not exist for Gironde's HR.
      const elsewhere = await gi.hr
        .post('/api/templates')
        .send(templateBody(sharedTrack, nantes.organization.id))
        .expect(404);
      expect(elsewhere.body.fields).toEqual([expect.objectContaining({ field: 'organizationId' })]);
      // Nantes' own track is not Gironde's.
      const foreignTrack = await gi.hr
        .post('/api/templates')
        .send(templateBody(nantesTrack, gironde.organization.id))
        // Another organisation's track: not found (404), the field named.
        .expect(404);
      expect(foreignTrack.body.fields).toEqual([expect.objectContaining({ field: 'trackId' })]);
    });

    it('names every bad field (400), nothing written', async () => {
      const before = (await admin.get('/api/templates').expect(200)).headers['content-range'];
      const body = templateBody(sharedTrack, null);
      const refused = await admin
        .post('/api/templates')
        .send({
          ...body,
          name: '',
          durationDays: 5000,
          questionnaires: [
            {
              ...body.questionnaires[0],
              questions: [
                { kind: 'singleChoice', label: 'Lequel ?', options: ['Un'], criterionId: 'nulle-part' },
              ],
            },
          ],
        })
        .expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect((refused.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
        'durationDays',
        'name',
        'questionnaires.0.questions.0.criterionId',
        'questionnaires.0.questions.0.options',
      ]);
      expect((await admin.get('/api/templates').expect(200)).headers['content-range']).toBe(before);
    });

    it('is edited and archived by its owner, a question never left pointing at a removed criterion', async () => {
      const template = (
        await as.hr.post('/api/templates').send(templateBody(sharedTrack, nantes.organization.id)).expect(201)
      ).body;
      const dangling = await as.hr
        .put(`/api/templates/${template.id}`)
        .send({ criteria: [template.criteria[1]] })
        .expect(400);
      expect(dangling.body.fields).toEqual([
        expect.objectContaining({ field: 'questionnaires.0.questions.0.criterionId' }),
      ]);
      await gi.hr.put(`/api/templates/${template.id}`).send({ archived: true }).expect(404);
      const edited = await as.hr
        .put(`/api/templates/${template.id}`)
        .send({ durationDays: 60, archived: true })
        .expect(200);
      expect(edited.body).toMatchObject({ durationDays: 60, archived: true, criteria: template.criteria });
      const listed = (
        await as.hr.get(`/api/templates?filter=${enc({ archived: false })}&range=[0,499]`).expect(200)
      ).body as { id: string }[];
      expect(listed.map((t) => t.id)).not.toContain(template.id);
      const events = (
        await as.hr
          .get(`/api/audit-events?range=[0,99]&filter=${enc({ event: 'template.archived' })}`)
          .expect(200)
      ).body as { details: { templateId: string } }[];
      expect(events.map((e) => e.details.templateId)).toContain(template.id);
    });

    it('shows each organisation the network’s templates and its own only', async () => {
      const ownOfNantes = await as.hr
        .post('/api/templates')
        .send(templateBody(nantesTrack, nantes.organization.id))
        .expect(201);
      const seenByGironde = (await gi.hr.get('/api/templates?range=[0,499]').expect(200)).body as {
        id: string;
        organizationId: string | null;
      }[];
      expect(seenByGironde.every((t) => t.organizationId === null)).toBe(true);
      expect(seenByGironde.length).toBeGreaterThan(0);
      await gi.hr.get(`/api/templates/${ownOfNantes.body.id}`).expect(404);
      await as.pilot.get(`/api/templates/${ownOfNantes.body.id}`).expect(200);
    });
  });

  describe('a new test from a template', () => {
    it('starts a draft with the template’s framing, a proposed expiry, its provenance and audit', async () => {
      const template = (
        await as.hr.post('/api/templates').send(templateBody(sharedTrack, nantes.organization.id)).expect(201)
      ).body;
      const created = await as.pilot
        .post('/api/experiments')
        .send({
          organizationId: nantes.organization.id,
          templateId: template.id,
          title: 'Immersions à la voirie',
        })
        .expect(201);
      const draft = created.body;
      expect(draft).toMatchObject({
        state: 'draft',
        title: 'Immersions à la voirie',
        trackId: sharedTrack,
        templateId: template.id,
        hypothesis: template.hypothesis,
        scope: template.scope,
        criteria: template.criteria,
        checkInCadenceDays: 21,
        exitPlan: template.exitPlan,
        pilotIds: [],
        participants: [],
      });
      // 90 days from today, at the end of that day in Paris.
      const expires = new Date(draft.expiresAt as string);
      const days = (expires.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(89);
      expect(days).toBeLessThan(91.1);
      expect(
        new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', timeStyle: 'medium' }).format(expires),
      ).toBe('23:59:59');
      // The workflow runs: the draft is a real test, with its lifecycle.
      const status = await as.pilot.get(`/api/experiments/${draft.id}/status`).expect(200);
      expect(status.body.state).toBe('draft');
      const events = await audit(as.hr, draft.id);
      expect(events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            event: 'createdFromTemplate',
            actorId: nantes.pilot,
            details: expect.objectContaining({ templateId: template.id }),
          }),
          expect.objectContaining({ event: 'create' }),
        ]),
      );
      const provenance = await as.hr.get(`/api/experiments/${draft.id}/provenance`).expect(200);
      expect(provenance.body.template).toEqual({ id: template.id, name: template.name });
      // The template's questionnaire skeletons, copied as draft questionnaires of the test.
      const questionnaires = (
        await as.hr.get(`/api/questionnaires?filter=${enc({ experimentId: draft.id })}`).expect(200)
      ).body as {
        status: string;
        title: string;
        audience: string;
        window: { kind: string };
        questions: { id: string; kind: string; criterionId: string | null; options: string[] }[];
      }[];
      expect(questionnaires).toHaveLength(1);
      expect(questionnaires[0]).toMatchObject({
        status: 'draft',
        title: 'Pulse à mi-parcours',
        audience: 'participants',
        window: { kind: 'run' },
      });
      expect(questionnaires[0].questions.map((q) => [q.kind, q.criterionId])).toEqual([
        ['scale', 'envie'],
        ['singleChoice', null],
      ]);
      expect(new Set(questionnaires[0].questions.map((q) => q.id)).size).toBe(2);
      expect(events.map((e) => e.event)).toContain('questionnaireCreated');
    });

    it('keeps what the author typed over the skeleton', async () => {
      const template = (await admin.post('/api/templates').send(templateBody(sharedTrack, null)).expect(201))
        .body;
      const created = await as.hr
        .post('/api/experiments')
        .send({
          organizationId: nantes.organization.id,
          templateId: template.id,
          title: 'Immersions en crèche',
          hypothesis: 'Trois jours en crèche donnent envie de mobilité.',
        })
        .expect(201);
      expect(created.body.hypothesis).toBe('Trois jours en crèche donnent envie de mobilité.');
      expect(created.body.criteria).toHaveLength(2);
    });

    it('refuses another organisation’s template (404), an archived one (409), another track (400): nothing written', async () => {
      const nantesOwn = (
        await as.hr.post('/api/templates').send(templateBody(nantesTrack, nantes.organization.id)).expect(201)
      ).body;
      const archived = (await admin.post('/api/templates').send(templateBody(sharedTrack, null)).expect(201))
        .body;
      const after = await admin.put(`/api/templates/${archived.id}`).send({ archived: true }).expect(200);
      expect(after.body.archived).toBe(true);
      const before = await experimentCount();

      const foreign = await gi.hr
        .post('/api/experiments')
        .send({ organizationId: gironde.organization.id, templateId: nantesOwn.id, title: 'Chez nous' })
        .expect(404);
      expect(foreign.body.fields).toEqual([expect.objectContaining({ field: 'templateId' })]);
      const stale = await as.hr
        .post('/api/experiments')
        .send({ organizationId: nantes.organization.id, templateId: archived.id, title: 'Trop tard' })
        .expect(409);
      expect(stale.body.code).toBe('TEMPLATE_ARCHIVED');
      const mismatch = await as.hr
        .post('/api/experiments')
        .send({
          organizationId: nantes.organization.id,
          templateId: nantesOwn.id,
          trackId: sharedTrack,
          title: 'Mélange',
        })
        // Well-formed, but a template of another track: a conflict, with its code.
        .expect(409);
      expect(mismatch.body).toMatchObject({
        code: 'TEMPLATE_TRACK_MISMATCH',
        params: { trackId: sharedTrack, templateTrackId: nantesTrack },
      });
      expect(await experimentCount()).toBe(before);
    });
  });

  describe('an organisation that requires a template for a track', () => {
    it('refuses a test of that track without a template (409 TEMPLATE_REQUIRED), on creation and on a track change', async () => {
      const rule = await as.hr
        .post('/api/template-requirements')
        .send({ organizationId: nantes.organization.id, trackId: otherSharedTrack })
        .expect(201);
      const twice = await as.hr
        .post('/api/template-requirements')
        .send({ organizationId: nantes.organization.id, trackId: otherSharedTrack })
        .expect(409);
      expect(twice.body.code).toBe('TEMPLATE_REQUIREMENT_EXISTS');
      // A pilot reads the rule (the form warns) but does not set it.
      await as.pilot.get(`/api/template-requirements/${rule.body.id}`).expect(200);
      await as.pilot
        .post('/api/template-requirements')
        .send({ organizationId: nantes.organization.id, trackId: sharedTrack })
        .expect(403);
      // Gironde knows nothing of Nantes' rules, and they do not bind it.
      await gi.hr.get(`/api/template-requirements/${rule.body.id}`).expect(404);
      await gi.hr
        .post('/api/experiments')
        .send({
          organizationId: gironde.organization.id,
          trackId: otherSharedTrack,
          title: 'Sans modèle, ailleurs',
        })
        .expect(201);

      const before = await experimentCount();
      const refused = await as.hr
        .post('/api/experiments')
        .send({ organizationId: nantes.organization.id, trackId: otherSharedTrack, title: 'Sans modèle' })
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'TEMPLATE_REQUIRED',
        params: { trackId: otherSharedTrack },
      });
      expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'templateId' })]);
      expect(await experimentCount()).toBe(before);

      // A draft of no track cannot be moved into the track either.
      const loose = await as.hr
        .post('/api/experiments')
        .send({ organizationId: nantes.organization.id, title: 'Sans piste' })
        .expect(201);
      const moved = await as.hr
        .put(`/api/experiments/${loose.body.id}`)
        .send({ trackId: otherSharedTrack })
        .expect(409);
      expect(moved.body.code).toBe('TEMPLATE_REQUIRED');
      expect((await as.hr.get(`/api/experiments/${loose.body.id}`).expect(200)).body.trackId).toBeNull();

      // From a template of that track: accepted.
      const template = (
        await admin.post('/api/templates').send(templateBody(otherSharedTrack, null)).expect(201)
      ).body;
      const fromTemplate = await as.hr
        .post('/api/experiments')
        .send({ organizationId: nantes.organization.id, templateId: template.id, title: 'Avec modèle' })
        .expect(201);
      expect(fromTemplate.body.trackId).toBe(otherSharedTrack);

      // Lifted (audited): tests of the track may start without a template again.
      await as.hr.delete(`/api/template-requirements/${rule.body.id}`).expect(200);
      await as.hr
        .post('/api/experiments')
        .send({
          organizationId: nantes.organization.id,
          trackId: otherSharedTrack,
          title: 'Sans modèle, enfin',
        })
        .expect(201);
      const events = (
        await as.hr
          .get(`/api/audit-events?range=[0,99]&filter=${enc({ organizationId: nantes.organization.id })}`)
          .expect(200)
      ).body as { event: string }[];
      expect(events.map((e) => e.event)).toEqual(
        expect.arrayContaining(['templateRequirement.created', 'templateRequirement.deleted']),
      );
    });
  });

  describe('replication into another organisation', () => {
    let original: string;

    /** Frames, launches, stops and evaluates a test of `team`; shares its learnings if asked. */
    async function evaluatedTest(
      team: Team,
      clients: Record<TeamRole, ApiClient>,
      id: string,
      share: boolean,
    ) {
      await clients.hr
        .put(`/api/experiments/${id}`)
        .send(readyFramingBody(team, dateInDays(60)))
        .expect(200);
      await clients.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(200);
      await clients.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
      await clients.pilot
        .post(`/api/experiments/${id}/check-ins`)
        .send({ weather: 'cloudy', progress: 'Premiers retours', blockers: '' })
        .expect(200);
      await clients.pilot.post(`/api/experiments/${id}/stop`).send({ reason: 'Assez de recul' }).expect(200);
      await clients.pilot
        .post(`/api/experiments/${id}/evaluation`)
        .send({
          verdict: 'confirmed',
          criterionResults: [{ criterionId: 'errors', result: 'Aucune erreur', met: true }],
          usersVoice: { sources: ['entretiens'], count: 6 },
          learnings: 'Le classeur rassure les équipes.',
        })
        .expect(200);
      if (share) await clients.hr.put(`/api/evaluations/${id}/sharing`).send({ shared: true }).expect(200);
    }

    beforeAll(async () => {
      const created = await as.hr
        .post('/api/experiments')
        .send({
          organizationId: nantes.organization.id,
          trackId: sharedTrack,
          title: 'Classeur médical partagé',
          vision: 'Des équipes autonomes',
        })
        .expect(201);
      original = created.body.id as string;
      await as.hr
        .post('/api/questionnaires')
        .send({
          experimentId: original,
          title: 'Le classeur vous aide-t-il ?',
          audience: 'participants',
          questions: [{ kind: 'yesNo', label: 'Le classeur vous aide-t-il ?', required: true }],
        })
        .expect(201);
      await evaluatedTest(nantes, as, original, true);
    });

    it('copies the framing into a draft of the reader’s organisation, not the people nor what happened', async () => {
      const source = (await as.hr.get(`/api/experiments/${original}`).expect(200)).body;
      const replicated = await gi.hr
        .post(`/api/experiments/${original}/replications`)
        .send({ organizationId: gironde.organization.id })
        .expect(201);
      const draft = replicated.body;
      expect(draft).toMatchObject({
        organizationId: gironde.organization.id,
        state: 'draft',
        title: source.title,
        hypothesis: source.hypothesis,
        vision: 'Des équipes autonomes',
        scope: source.scope,
        criteria: source.criteria,
        checkInCadenceDays: source.checkInCadenceDays,
        exitPlan: source.exitPlan,
        trackId: sharedTrack,
        replicatedFromId: original,
        pilotIds: [],
        sponsorId: null,
        participants: [],
        iteration: 1,
        parentId: null,
      });
      const row = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id: draft.id });
      expect(row.createdBy).toBe(gironde.hr);
      // The planned duration (launch to first expiry), from today.
      const planned = (Date.parse(source.originalExpiresAt) - Date.parse(source.launchedAt)) / 86_400_000;
      const proposed = (Date.parse(draft.expiresAt) - Date.now()) / 86_400_000;
      expect(Math.abs(proposed - planned)).toBeLessThan(1.1);
      // Nothing of what happened: no check-in, evaluation nor testimony comes along.
      const checkIns = await gi.hr
        .get(`/api/check-ins?filter=${enc({ experimentId: draft.id })}`)
        .expect(200);
      expect(checkIns.body).toEqual([]);
      await gi.hr.get(`/api/evaluations/${draft.id}`).expect(404);
      // Its questionnaires' questions come along, as drafts, without their answers.
      const questionnaires = (
        await gi.hr.get(`/api/questionnaires?filter=${enc({ experimentId: draft.id })}`).expect(200)
      ).body as { status: string; title: string; respondentCount: number; questions: { label: string }[] }[];
      expect(questionnaires).toEqual([
        expect.objectContaining({
          status: 'draft',
          title: 'Le classeur vous aide-t-il ?',
          respondentCount: 0,
          questions: [expect.objectContaining({ label: 'Le classeur vous aide-t-il ?' })],
        }),
      ]);
      // A real test: its workflow runs.
      expect((await gi.hr.get(`/api/experiments/${draft.id}/status`).expect(200)).body.state).toBe('draft');
      // The original stays out of Gironde's reach.
      await gi.hr.get(`/api/experiments/${original}`).expect(404);
    });

    it('links both ways: the replica names its original; the original counts organisations, not who', async () => {
      const mine = (
        await gi.hr
          .get(`/api/experiments?filter=${enc({ organizationId: gironde.organization.id })}`)
          .expect(200)
      ).body as { id: string; replicatedFromId: string | null }[];
      const replica = mine.find((e) => e.replicatedFromId === original);
      expect(replica).toBeDefined();
      const fromReplica = await gi.pilot.get(`/api/experiments/${replica?.id}/provenance`).expect(404);
      expect(fromReplica.body.code).toBe('EXPERIMENT_NOT_FOUND'); // not one of the pilot's tests
      const provenance = await gi.hr.get(`/api/experiments/${replica?.id}/provenance`).expect(200);
      expect(provenance.body.replicatedFrom).toEqual({
        experimentId: original,
        title: 'Classeur médical partagé',
        organizationName: 'Ville de Nantes',
        learningsShared: true,
      });

      // Lyon replicates too, twice: still one organisation each.
      await ly.pilot
        .post(`/api/experiments/${original}/replications`)
        .send({ organizationId: lyon.organization.id })
        .expect(201);
      const second = await ly.hr
        .post(`/api/experiments/${original}/replications`)
        .send({ organizationId: lyon.organization.id })
        .expect(201);
      const seen = await as.codir.get(`/api/experiments/${original}/provenance`).expect(200);
      expect(seen.body.replications).toEqual({ organizations: 2, shared: [] });
      const body = JSON.stringify(seen.body);
      expect(body).not.toContain('Gironde');
      expect(body).not.toContain('Lyon');

      const learnings = (await gi.participant.get('/api/shared-learnings?range=[0,99]').expect(200)).body as {
        id: string;
        replicationCount: number;
      }[];
      expect(learnings.find((l) => l.id === original)?.replicationCount).toBe(2);

      // A cancelled replica is no take-up: Lyon still has one.
      await ly.hr.post(`/api/experiments/${second.body.id}/cancel`).send({}).expect(200);
      expect(
        (await as.hr.get(`/api/experiments/${original}/provenance`).expect(200)).body.replications
          .organizations,
      ).toBe(2);

      // Audited on both sides: the replica names who and whence; the original only that it happened.
      const replicaEvents = await audit(gi.hr, replica?.id as string);
      expect(replicaEvents).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            event: 'replicatedFrom',
            actorId: gironde.hr,
            details: expect.objectContaining({
              sourceExperimentId: original,
              sourceOrganizationId: nantes.organization.id,
            }),
          }),
        ]),
      );
      const originalEvents = (await audit(as.hr, original)).filter((e) => e.event === 'replicated');
      expect(originalEvents).toHaveLength(3);
      for (const event of originalEvents) expect(event).toMatchObject({ actorId: null, details: {} });
    });

    it('names a replicating organisation once it shares its own learnings', async () => {
      const mine = (
        await gi.hr
          .get(`/api/experiments?filter=${enc({ organizationId: gironde.organization.id })}`)
          .expect(200)
      ).body as { id: string; replicatedFromId: string | null }[];
      const replica = mine.find((e) => e.replicatedFromId === original)?.id as string;
      await evaluatedTest(gironde, gi, replica, true);
      const seen = await as.hr.get(`/api/experiments/${original}/provenance`).expect(200);
      expect(seen.body.replications).toEqual({
        organizations: 2,
        shared: [
          {
            experimentId: replica,
            title: 'Classeur médical partagé',
            organizationName: 'Département de la Gironde',
          },
        ],
      });
    });

    it('refuses: within the original’s organisation (iterate), as CODIR, into an organisation of others, an unshared test', async () => {
      const before = await experimentCount();
      const same = await as.hr
        .post(`/api/experiments/${original}/replications`)
        .send({ organizationId: nantes.organization.id })
        .expect(409);
      expect(same.body.code).toBe('REPLICATION_SAME_ORGANIZATION');
      const codir = await gi.codir
        .post(`/api/experiments/${original}/replications`)
        .send({ organizationId: gironde.organization.id })
        .expect(403);
      expect(codir.body.params).toEqual({ action: 'replicateExperiment', roles: ['hr', 'pilot'] });
      const elsewhere = await gi.hr
        .post(`/api/experiments/${original}/replications`)
        .send({ organizationId: lyon.organization.id })
        .expect(404);
      expect(elsewhere.body.fields).toEqual([expect.objectContaining({ field: 'organizationId' })]);
      const unshared = (
        await as.hr
          .post('/api/experiments')
          .send({ organizationId: nantes.organization.id, title: 'Pas partagé' })
          .expect(201)
      ).body.id as string;
      const hidden = await gi.hr
        .post(`/api/experiments/${unshared}/replications`)
        .send({ organizationId: gironde.organization.id })
        .expect(404);
      expect(hidden.body.code).toBe('EXPERIMENT_NOT_FOUND');
      const bad = await gi.hr
        .post(`/api/experiments/${original}/replications`)
        .send({ organizationId: 'x', extra: 1 })
        .expect(400);
      expect((bad.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
        'extra',
        'organizationId',
      ]);
      expect(await experimentCount()).toBe(before + 1);
    });

    it('follows the receiving organisation’s template rule: TEMPLATE_REQUIRED, then accepted with one of its templates', async () => {
      await ly.hr
        .post('/api/template-requirements')
        .send({ organizationId: lyon.organization.id, trackId: sharedTrack })
        .expect(201);
      const refused = await ly.hr
        .post(`/api/experiments/${original}/replications`)
        .send({ organizationId: lyon.organization.id })
        .expect(409);
      expect(refused.body.code).toBe('TEMPLATE_REQUIRED');
      const template = (
        await ly.hr.post('/api/templates').send(templateBody(sharedTrack, lyon.organization.id)).expect(201)
      ).body;
      const accepted = await ly.hr
        .post(`/api/experiments/${original}/replications`)
        .send({ organizationId: lyon.organization.id, templateId: template.id })
        .expect(201);
      // The original's framing first; the template is recorded.
      expect(accepted.body).toMatchObject({
        templateId: template.id,
        replicatedFromId: original,
        title: 'Classeur médical partagé',
      });
      expect(accepted.body.criteria.map((c: { id: string }) => c.id)).toEqual(['errors']);
    });
  });
});
