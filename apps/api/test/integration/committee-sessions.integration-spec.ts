import type { FindOptionsWhere } from 'typeorm';
import { AuditEventEntity, ExperimentEntity } from '@capacites/persistence';
import {
  dateInDays,
  insertTeam,
  organizationStub,
  readyFramingBody,
  type Team,
  type TeamRole,
} from '../support/fixtures';
import { anonymous, login, loginTeam, participantConsents, type ApiClient } from '../support/http';
import { binary, pdfText } from '../support/pdf-text';
import { startStack, type TestStack } from '../support/stack';

type Item = {
  id: string;
  experimentId: string;
  kind: string;
  outcome: string;
  refusal: { code: string; params: Record<string, unknown> } | null;
  experimentTitle: string;
};

describe('Committee sessions through the real stack: agenda, pack, minutes applied through the workflows, share links', () => {
  let stack: TestStack;
  let team: Team;
  let as: Record<TeamRole, ApiClient>;
  const ids: Record<
    'perpetuate' | 'abandon' | 'decidedAlone' | 'extension' | 'expiring' | 'farAway',
    string
  > = {
    perpetuate: '',
    abandon: '',
    decidedAlone: '',
    extension: '',
    expiring: '',
    farAway: '',
  };
  let sessionId = '';
  let items: Item[] = [];

  const audit = (where: FindOptionsWhere<AuditEventEntity>) =>
    stack.db.getRepository(AuditEventEntity).find({ where, order: { id: 'ASC' } });

  const launched = async (title: string, expiresInDays: number) => {
    const created = await as.hr
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title })
      .expect(201);
    const id = created.body.id as string;
    await as.hr
      .put(`/api/experiments/${id}`)
      .send(readyFramingBody(team, dateInDays(expiresInDays)))
      .expect(200);
    await participantConsents(stack.app, team, id);
    await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    return id;
  };
  const deciding = async (title: string) => {
    const id = await launched(title, 60);
    await as.hr.post(`/api/experiments/${id}/stop`).send({ reason: 'Objectifs atteints' }).expect(200);
    const evaluated = await as.pilot
      .post(`/api/experiments/${id}/evaluation`)
      .send({
        verdict: 'confirmed',
        criterionResults: [{ criterionId: 'errors', result: 'Zéro erreur en trois mois', met: true }],
        usersVoice: { sources: ['entretiens'], count: 6 },
        learnings: 'Un outil simple, conçu avec les auxiliaires.',
      })
      .expect(200);
    expect(evaluated.body.state).toBe('deciding');
    return id;
  };
  const pdf = async (client: ApiClient, url: string) => {
    const response = await client.get(url).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/pdf/);
    return pdfText(response.body as Buffer);
  };

  beforeAll(async () => {
    stack = await startStack();
    team = await insertTeam(stack.db);
    as = await loginTeam(stack.app, team);
    ids.perpetuate = await deciding('Classeur médical partagé en crèche');
    ids.abandon = await deciding('Bureau partagé à la médiathèque');
    ids.decidedAlone = await deciding('Télétravail des agents d’accueil');
    ids.extension = await launched('Micro-mobilité entre services techniques', 60);
    await as.pilot
      .post(`/api/experiments/${ids.extension}/extension`)
      .send({ newExpiryDate: dateInDays(90), justification: 'Attendre la rentrée scolaire' })
      .expect(200);
    ids.expiring = await launched('Initiatives spontanées au CCAS', 10);
    ids.farAway = await launched('Subsidiarité dans les équipes de voirie', 120);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('builds the agenda from the portfolio: decisions due, extension requests, tests expiring before the next session', async () => {
    const created = await as.hr
      .post('/api/committee-sessions')
      .send({ organizationId: team.organization.id, title: 'CODIR de décembre', heldOn: dateInDays(0) })
      .expect(201);
    sessionId = created.body.id;
    expect(created.body.status).toBe('planned');
    items = created.body.items;
    const kindOf = Object.fromEntries(items.map((i) => [i.experimentId, i.kind]));
    expect(kindOf).toEqual({
      [ids.perpetuate]: 'decision',
      [ids.abandon]: 'decision',
      [ids.decidedAlone]: 'decision',
      [ids.extension]: 'extensionRequest',
      [ids.expiring]: 'expiringSoon',
    });
    // Decisions first, then extension requests, then expiries.
    expect(items.map((i) => i.kind)).toEqual([
      'decision',
      'decision',
      'decision',
      'extensionRequest',
      'expiringSoon',
    ]);
    expect((await audit({ event: 'committeeSession.created' })).map((a) => a.details)).toEqual([
      expect.objectContaining({ sessionId, items: 5 }),
    ]);
  });

  it('lets HR edit the agenda (note, order, an added test) and refuses a test of nobody in the organisation, naming the field', async () => {
    const reordered = [...items].reverse().map((i) => ({
      id: i.id,
      experimentId: i.experimentId,
      kind: i.kind,
      ...(i.experimentId === ids.perpetuate ? { note: 'La DGS souhaite une passation avant l’été.' } : {}),
    }));
    const unknown = await as.hr
      .put(`/api/committee-sessions/${sessionId}`)
      .send({
        items: [...reordered, { experimentId: '00000000-0000-4000-8000-000000000000', kind: 'expiringSoon' }],
      })
      .expect(404);
    expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'items.5.experimentId' })]);
    const edited = await as.hr
      .put(`/api/committee-sessions/${sessionId}`)
      .send({ items: [...reordered, { experimentId: ids.farAway, kind: 'expiringSoon' }].reverse() })
      .expect(200);
    items = edited.body.items;
    expect(items).toHaveLength(6);
    expect(items.find((i) => i.experimentId === ids.perpetuate)).toMatchObject({
      note: expect.stringMatching(/passation/),
    });
    expect(items[0].experimentId).toBe(ids.farAway);
    // The codir reads; a member of the organisation without HR or CODIR role does not see it.
    await as.codir.get(`/api/committee-sessions/${sessionId}`).expect(200);
    await as.participant.get(`/api/committee-sessions/${sessionId}`).expect(404);
    // The CODIR plans its own sessions too; a pilot cannot.
    await as.codir
      .put(`/api/committee-sessions/${sessionId}`)
      .send({ title: 'CODIR de décembre' })
      .expect(200);
  });

  it('generates the pack on the server: a cover with the agenda and figures, then one page per test', async () => {
    const { text, pages } = await pdf(as.hr, `/api/committee-sessions/${sessionId}/pack.pdf`);
    expect(pages).toBe(1 + items.length);
    expect(text).toContain('DOSSIER DE SÉANCE');
    expect(text).toContain('Ordre du jour');
    expect(text).toContain('Décisions à prendre');
    for (const item of items) expect(text).toContain(item.experimentTitle);
    expect(text).toContain('Un classeur partagé permet aux auxiliaires');
    expect(text).toContain("Erreurs d'administration");
    expect(text).toContain('Zéro erreur en trois mois');
    expect(text).toContain('6 personne(s) entendue(s) : entretiens');
    expect(text).toContain('Attendre la rentrée scolaire');
    expect(text).toContain('La DGS souhaite une passation');
    expect(text).toContain('Accorder ou refuser la prolongation demandée.');
  });

  it('records the minutes: each decision applied through its workflow, refused items stay open with their reason', async () => {
    // The sponsor decides one test on its own page before the session: the committee's decision is then refused.
    await as.sponsor
      .post(`/api/experiments/${ids.decidedAlone}/decision`)
      .send({ outcome: 'abandon', rationale: 'Décidé avant la séance' })
      .expect(200);
    const itemOf = (experimentId: string) =>
      items.find((i) => i.experimentId === experimentId)?.id ?? 'missing';
    const minutes = {
      attendees: [
        { name: 'Claire Martin', role: 'DGS' },
        { name: 'Paul Durand', role: 'DGA ressources' },
      ],
      items: [
        {
          itemId: itemOf(ids.perpetuate),
          action: 'decide',
          decision: {
            outcome: 'perpetuate',
            rationale: 'Les auxiliaires le demandent',
            handover: { pilotWithdrawal: 'En juin', takeover: 'La puéricultrice référente' },
          },
        },
        {
          itemId: itemOf(ids.abandon),
          action: 'decide',
          decision: { outcome: 'abandon', rationale: 'Hypothèse non vérifiée' },
        },
        {
          itemId: itemOf(ids.decidedAlone),
          action: 'decide',
          decision: { outcome: 'iterate', rationale: 'À refaire' },
        },
        // Extensions are the sponsor's to grant, as on the test's page: a CODIR member is refused.
        { itemId: itemOf(ids.extension), action: 'approveExtension', comment: 'Accord de principe' },
        { itemId: itemOf(ids.expiring), action: 'noted' },
      ],
    };

    // A bad item refuses the whole minutes with 400 naming it, and nothing is applied.
    const bad = await as.codir
      .post(`/api/committee-sessions/${sessionId}/minutes`)
      .send({ ...minutes, items: [{ itemId: itemOf(ids.abandon), action: 'approveExtension' }] })
      .expect(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'items.0.action' })]);
    // HR prepares; the decisions are the CODIR's own act.
    const hr = await as.hr.post(`/api/committee-sessions/${sessionId}/minutes`).send(minutes).expect(403);
    expect(hr.body).toMatchObject({
      code: 'FORBIDDEN',
      params: { action: 'recordMinutes', roles: ['codir'] },
    });
    expect((await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id: ids.abandon })).state).toBe(
      'deciding',
    );

    const recorded = await as.codir
      .post(`/api/committee-sessions/${sessionId}/minutes`)
      .send(minutes)
      .expect(200);
    expect(recorded.body.status).toBe('recorded');
    const outcome = Object.fromEntries((recorded.body.items as Item[]).map((i) => [i.experimentId, i]));
    expect(outcome[ids.perpetuate]).toMatchObject({ outcome: 'applied', refusal: null });
    expect(outcome[ids.abandon]).toMatchObject({ outcome: 'applied' });
    expect(outcome[ids.decidedAlone]).toMatchObject({
      outcome: 'refused',
      // The same refusal as on the test's page: its workflow has closed.
      refusal: { code: 'EXPERIMENT_CLOSED', params: {} },
    });
    expect(outcome[ids.extension]).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'FORBIDDEN', params: { action: 'approveExtension', roles: ['sponsor'] } },
    });
    expect(outcome[ids.expiring]).toMatchObject({ outcome: 'noted' });
    expect(outcome[ids.farAway]).toMatchObject({ outcome: 'open' });

    // The workflows applied them, as the CODIR member, audited as transitions.
    const state = async (id: string) =>
      (await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id })).state;
    expect(await state(ids.perpetuate)).toBe('perpetuated');
    expect(await state(ids.abandon)).toBe('abandoned');
    expect(await state(ids.extension)).toBe('running');
    const decided = await audit({
      experimentId: ids.perpetuate,
      fromState: 'deciding',
      toState: 'perpetuated',
    });
    expect(decided).toHaveLength(1);
    expect(decided[0].actorId).toBe(team.codir);
    const status = await as.sponsor.get(`/api/experiments/${ids.extension}/actions`).expect(200);
    expect(status.body.map((a: { action: string }) => a.action)).toContain('approveExtension');
    expect(
      (await audit({ experimentId: ids.decidedAlone, event: 'committeeItemRecorded' }))[0].details,
    ).toMatchObject({
      sessionId,
      outcome: 'refused',
    });
    expect((await audit({ event: 'committeeSession.minutesRecorded' }))[0].details).toMatchObject({
      applied: 2,
      refused: 2,
      noted: 1,
      open: 1,
    });

    // The minutes' PDF is kept with the session, as recorded.
    const { text, pages } = await pdf(as.hr, `/api/committee-sessions/${sessionId}/minutes.pdf`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('RELEVÉ DE DÉCISIONS');
    expect(text).toContain('Claire Martin (DGS)');
    expect(text).toContain('Pérenniser');
    expect(text).toContain('Passation : En juin ; reprise : La puéricultrice référente');
    expect(text).toContain('Refusé : reste ouvert');
    expect(text).toMatch(/portage institutionnel/);
    expect(text).toContain('le test est clos');

    // Recorded means closed: no second recording, no edit, and the stored PDF cannot be rewritten.
    const again = await as.codir
      .post(`/api/committee-sessions/${sessionId}/minutes`)
      .send(minutes)
      .expect(409);
    expect(again.body.code).toBe('COMMITTEE_SESSION_RECORDED');
    await as.hr.put(`/api/committee-sessions/${sessionId}`).send({ title: 'Autre' }).expect(409);
    await expect(
      stack.db.query(`UPDATE committee_documents SET content = 'x' WHERE session_id = $1`, [sessionId]),
    ).rejects.toThrow(/immutable/);
    await expect(
      stack.db.query(`DELETE FROM committee_documents WHERE session_id = $1`, [sessionId]),
    ).rejects.toThrow(/immutable/);
  });

  it('shares the pack through a signed, expiring, revocable link; every opening audited; plain French pages', async () => {
    const created = await as.hr
      .post('/api/share-links')
      .send({
        kind: 'committeePack',
        organizationId: team.organization.id,
        sessionId,
        recipient: 'Mme la maire',
      })
      .expect(201);
    const url = new URL(created.body.url as string);
    const path = url.pathname;
    const days = (Date.parse(created.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(created.body.status).toBe('active');

    const open = anonymous(stack.app);
    // A browser asks for a page.
    const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await open.get(path).set('Accept', html).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('CODIR de décembre');
    expect(page.text).toContain('Classeur médical partagé en crèche');
    expect(page.text).toContain('Porteur·euses : pilot');
    // No personal data beyond the names of pilots and sponsors: no email, no participant.
    expect(page.text).not.toMatch(/@/);
    expect(page.text).not.toContain('participant');
    const packPdf = await open.get(`${path}/pack.pdf`).buffer(true).parse(binary).expect(200);
    expect((await pdfText(packPdf.body as Buffer)).pages).toBe(1 + items.length);

    const listed = await as.codir
      .get(`/api/share-links?filter=${encodeURIComponent(JSON.stringify({ sessionId }))}`)
      .expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: created.body.id, openCount: 2, recipient: 'Mme la maire' }),
    ]);
    expect(listed.body[0].url).toBeUndefined();
    const openings = await audit({ event: 'shareLink.opened' });
    expect(openings.map((a) => a.details)).toEqual([
      { shareLinkId: created.body.id, kind: 'committeePack', format: 'html', status: 'active' },
      { shareLinkId: created.body.id, kind: 'committeePack', format: 'pdf', status: 'active' },
    ]);
    expect(openings.every((a) => a.actorId === null)).toBe(true);

    await as.hr.post(`/api/share-links/${created.body.id}/revoke`).send({}).expect(200);
    const revoked = await open.get(path).set('Accept', html).expect(410);
    expect(revoked.text).toContain('Ce lien a été révoqué');
    // Any other client gets the one error shape, with its stable code.
    const revokedJson = await open.get(`${path}/pack.pdf`).expect(410);
    expect(revokedJson.body).toMatchObject({ statusCode: 410, code: 'SHARE_LINK_REVOKED' });
    expect((await audit({ event: 'shareLink.refused' })).map((a) => a.details)).toEqual([
      expect.objectContaining({ status: 'revoked', format: 'html' }),
      expect.objectContaining({ status: 'revoked', format: 'pdf' }),
    ]);
    expect(await audit({ event: 'shareLink.revoked' })).toHaveLength(1);
    const unknown = await open
      .get('/api/shared/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
      .set('Accept', html)
      .expect(404);
    expect(unknown.text).toContain('Lien inconnu');
    expect((await open.get('/api/shared/nope').expect(404)).body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('expires a dashboard link at its date and says so; only HR and the CODIR of the organisation share', async () => {
    const created = await as.codir
      .post('/api/share-links')
      .send({
        kind: 'dashboard',
        organizationId: team.organization.id,
        recipient: 'Partenaire CNFPT',
        expiresInDays: 2,
      })
      .expect(201);
    const path = new URL(created.body.url as string).pathname;
    const open = anonymous(stack.app);
    const html = 'text/html';
    const page = await open.get(path).set('Accept', html).expect(200);
    expect(page.text).toContain('Tableau de bord');
    expect(page.text).toContain('Initiatives spontanées au CCAS');
    await open.get(`${path}/pack.pdf`).expect(404);
    // Two days later (the clock moved past its expiry).
    await stack.db.query(`UPDATE share_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      created.body.id,
    ]);
    const expired = await open.get(path).set('Accept', html).expect(410);
    expect(expired.text).toContain('Ce lien a expiré');
    expect((await open.get(path).expect(410)).body).toMatchObject({ code: 'SHARE_LINK_EXPIRED' });
    const listed = await as.hr.get(`/api/share-links/${created.body.id}`).expect(200);
    expect(listed.body.status).toBe('expired');

    const bad = await as.hr
      .post('/api/share-links')
      .send({
        kind: 'committeePack',
        organizationId: team.organization.id,
        recipient: 'x',
        expiresInDays: 400,
      })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'expiresInDays',
      'sessionId',
    ]);
    const member = await as.pilot
      .post('/api/share-links')
      .send({ kind: 'dashboard', organizationId: team.organization.id, recipient: 'x' })
      .expect(404);
    expect(member.body.fields).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    const other = await insertTeam(stack.db, organizationStub.nantes());
    const stranger = await login(stack.app, other.emails.hr);
    await stranger.get(`/api/share-links/${created.body.id}`).expect(404);
    await stranger.get(`/api/committee-sessions/${sessionId}`).expect(404);
    await stranger.post(`/api/share-links/${created.body.id}/revoke`).send({}).expect(404);
  });
});
