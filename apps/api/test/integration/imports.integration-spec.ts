import ExcelJS from 'exceljs';
import { In } from 'typeorm';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  endOfLocalDay,
  IMPORT_COLUMNS,
  localDate,
  type ImportColumnKey,
  type ImportReport,
} from '@capacites/domain';
import {
  AuditEventEntity,
  DecisionEntity,
  EvaluationEntity,
  ExperimentEntity,
  ExperimentImportRowEntity,
  NotificationEntity,
} from '@capacites/persistence';
import { importWorkflowId } from '@capacites/workflows';
import { ImportsService } from '../../src/imports/imports.service';
import { insertTeam, organizationStub, type Team } from '../support/fixtures';
import { login, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';
import { startWorkerProcess, waitFor, type WorkerProcess } from '../support/worker-process';

const DAY = 86_400_000;
const day = (offset: number) => localDate(new Date(Date.now() + offset * DAY), 'Europe/Paris');
const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

type Row = Partial<Record<ImportColumnKey, string>>;

/** One test of the file, launched `launched` days ago (negative), with the team's people. */
function launched(
  team: Team,
  reference: string,
  state: string,
  launchedDay: number,
  expiresDay: number,
  extra: Row = {},
): Row {
  return {
    reference,
    title: `Test ${reference}`,
    state,
    hypothesis: 'Des missions courtes décloisonnent les compétences.',
    scope: 'Direction des ressources humaines',
    criteria: 'Missions réalisées : 10',
    pilots: team.emails.pilot,
    sponsor: team.emails.sponsor,
    participants: team.emails.participant,
    consentOn: fr(day(launchedDay - 3)),
    consentMethod: 'papier',
    launchedOn: fr(day(launchedDay)),
    expiresOn: fr(day(expiresDay)),
    ...extra,
  };
}

const evaluated = (evaluatedDay: number): Row => ({
  verdict: 'confirmée',
  evaluatedOn: fr(day(evaluatedDay)),
  usersVoiceCount: '12',
  usersVoiceSources: 'entretiens',
  learnings: 'Des outils simples, co-construits.',
});

/** The file HR sends: every state of the lifecycle, an iteration, a running test already past its expiry. */
function historyRows(team: Team): Row[] {
  return [
    launched(team, 'P-1', 'pérennisé', -400, -250, {
      stoppedOn: fr(day(-250)),
      lastCheckInOn: fr(day(-260)),
      lastWeather: 'ensoleillé',
      ...evaluated(-240),
      decidedOn: fr(day(-220)),
      rationale: 'Les agents en redemandent.',
      handoverWithdrawal: 'Fin de trimestre',
      handoverTakeover: 'Service formation',
    }),
    launched(team, 'A-1', 'abandonné', -300, -200, {
      stoppedOn: fr(day(-230)),
      ...evaluated(-220),
      decidedOn: fr(day(-200)),
      rationale: 'Hypothèse réfutée.',
    }),
    launched(team, 'I-1', 'itéré', -300, -200, {
      stoppedOn: fr(day(-200)),
      ...evaluated(-190),
      decidedOn: fr(day(-180)),
      rationale: 'Prometteur ailleurs.',
    }),
    launched(team, 'I-2', 'en cours', -60, 40, {
      parentReference: 'I-1',
      lastCheckInOn: fr(day(-5)),
      lastWeather: 'orageux',
    }),
    launched(team, 'R-1', 'en cours', -30, 60),
    launched(team, 'R-PAST', 'en cours', -90, -2),
    launched(team, 'E-1', 'en évaluation', -200, -100, { stoppedOn: fr(day(-100)) }),
    launched(team, 'D-1', 'en décision', -200, -100, { stoppedOn: fr(day(-100)), ...evaluated(-20) }),
    { reference: 'B-1', title: 'Un brouillon repris', state: 'brouillon' },
    { reference: 'C-1', title: 'Un test annulé', state: 'annulé', cancelReason: 'Réorganisation' },
  ];
}

async function xlsx(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tests');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => row[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(rows: Row[]): Buffer {
  const quote = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    IMPORT_COLUMNS.map((c) => c.header),
    ...rows.map((r) => IMPORT_COLUMNS.map((c) => r[c.key] ?? '')),
  ];
  return Buffer.from('\uFEFF' + lines.map((l) => l.map(quote).join(';')).join('\r\n'), 'utf8');
}

describe('Importing existing tests from a spreadsheet', () => {
  let stack: TestStack;
  let team: Team;
  let hr: ApiClient;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    worker = await startWorkerProcess(stack.env);
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
  });

  afterAll(async () => {
    await worker?.stop();
    await stack?.close();
  });

  const upload = (client: ApiClient, file: Buffer, name: string, organizationId = team.organization.id) =>
    client.post('/api/imports').field('organizationId', organizationId).attach('file', file, name);
  const completed = (id: string, timeoutMs = 120_000) =>
    waitFor(
      `import ${id} to complete`,
      async () => {
        const report = (await hr.get(`/api/imports/${id}`).expect(200)).body as ImportReport;
        return report.status === 'completed' ? report : false;
      },
      timeoutMs,
    );
  const experimentsOf = (organizationId: string) =>
    stack.db.getRepository(ExperimentEntity).findBy({ organizationId });

  it('offers a model file with every column, an example row and a notice sheet', async () => {
    const response = await hr
      .get('/api/imports/model?format=xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as Parameters<typeof workbook.xlsx.load>[0]);
    const tests = workbook.getWorksheet('Tests') as ExcelJS.Worksheet;
    expect((tests.getRow(1).values as string[]).slice(1)).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    expect(tests.rowCount).toBe(2);
    const notice = workbook.getWorksheet('Notice') as ExcelJS.Worksheet;
    expect(notice.rowCount).toBe(IMPORT_COLUMNS.length + 2);
    expect(String(notice.getRow(2).getCell(2).value)).toContain('essai à blanc');
    const model = await hr.get('/api/imports/model?format=csv').expect(200);
    expect(model.text.split('\r\n')[0]).toBe('\uFEFF' + IMPORT_COLUMNS.map((c) => c.header).join(';'));
  });

  it('refuses a file it cannot take, naming the field, and who may not import', async () => {
    const missing = await hr.post('/api/imports').field('organizationId', team.organization.id).expect(400);
    expect(missing.body).toMatchObject({ code: 'IMPORT_FILE_REQUIRED', fields: [{ field: 'file' }] });
    const unknown = await upload(
      hr,
      Buffer.from('Titre;État;Commentaire\r\nUn test;brouillon;x\r\n'),
      'a.csv',
    ).expect(400);
    expect(unknown.body).toMatchObject({
      code: 'IMPORT_COLUMNS_UNKNOWN',
      params: { columns: ['Commentaire'] },
    });
    const noState = await upload(hr, Buffer.from('Titre\r\nUn test\r\n'), 'a.csv').expect(400);
    expect(noState.body).toMatchObject({ code: 'IMPORT_COLUMNS_MISSING', params: { columns: ['État'] } });
    const badOrg = await hr
      .post('/api/imports')
      .field('organizationId', 'pas-un-uuid')
      .attach('file', Buffer.from('x'), 'a.csv');
    expect(badOrg.status).toBe(400);
    expect(badOrg.body.fields).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    const pilot = await login(stack.app, team.emails.pilot);
    const refused = await upload(pilot, csv([{ title: 'Un test', state: 'brouillon' }]), 'a.csv').expect(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', params: { action: 'importExperiments' } });
    const other = await insertTeam(stack.db, organizationStub.nantes());
    const outsider = await login(stack.app, other.emails.hr);
    await upload(outsider, csv([{ title: 'Un test', state: 'brouillon' }]), 'a.csv').expect(404);
  });

  it('dry run: shows what will be created and every bad cell by row and column, writes no test, and refuses to run', async () => {
    const rows = historyRows(team).slice(0, 3);
    rows.push({
      ...launched(team, 'BAD', 'en cours', -10, 30),
      launchedOn: '31/02/2026',
      sponsor: 'personne@ailleurs.fr',
    });
    const response = await upload(hr, await xlsx(rows), 'suivi.xlsx').expect(201);
    const report = response.body as ImportReport;
    expect(report).toMatchObject({ status: 'invalid', totalRows: 4, fileName: 'suivi.xlsx' });
    expect(report.byState).toEqual({ perpetuated: 1, abandoned: 1, iterated: 1 });
    expect(report.errors).toEqual([
      {
        row: 5,
        column: 'Portage institutionnel (courriel)',
        field: 'sponsor',
        message: "personne@ailleurs.fr n'est pas membre de l'organisation.",
      },
      {
        row: 5,
        column: 'Date de lancement',
        field: 'launchedOn',
        message: "« 31/02/2026 » n'est pas une date (jj/mm/aaaa).",
      },
    ]);
    expect(await experimentsOf(team.organization.id)).toEqual([]);
    const run = await hr.post(`/api/imports/${report.id}/run`).send({}).expect(409);
    expect(run.body).toMatchObject({ code: 'IMPORT_HAS_ERRORS', params: { errors: 2 } });
    expect(await experimentsOf(team.organization.id)).toEqual([]);
  });

  it('real run: closed tests come in as history without workflow, running ones with live workflows at their real expiry; the same file again creates nothing', async () => {
    const file = csv(historyRows(team));
    const dry = (await upload(hr, file, 'historique.csv').expect(201)).body as ImportReport;
    expect(dry).toMatchObject({ status: 'validated', errors: [], alreadyImported: 0 });
    expect(dry.byState).toEqual({
      perpetuated: 1,
      abandoned: 1,
      iterated: 1,
      running: 3,
      evaluating: 1,
      deciding: 1,
      draft: 1,
      cancelled: 1,
    });
    await hr.post(`/api/imports/${dry.id}/run`).send({}).expect(200);
    // A second click runs nothing twice.
    await hr.post(`/api/imports/${dry.id}/run`).send({}).expect(200);
    const done = await completed(dry.id);
    expect(done).toMatchObject({ created: 10, skipped: 0, processed: 10 });

    const rows = await experimentsOf(team.organization.id);
    const byTitle = (reference: string) =>
      rows.find((r) => r.title === `Test ${reference}`) as ExperimentEntity;
    expect(rows).toHaveLength(10);

    // History: no workflow, its evaluation and decision kept with their dates, a status from the record.
    const perpetuated = byTitle('P-1');
    expect(perpetuated.state).toBe('perpetuated');
    await expect(stack.temporal.workflow.getHandle(perpetuated.workflowId).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
    const decision = await stack.db
      .getRepository(DecisionEntity)
      .findOneByOrFail({ experimentId: perpetuated.id });
    expect(decision).toMatchObject({ outcome: 'perpetuate', handover: { takeover: 'Service formation' } });
    expect(localDate(decision.decidedAt, 'Europe/Paris')).toBe(day(-220));
    expect(await stack.db.getRepository(EvaluationEntity).countBy({ experimentId: perpetuated.id })).toBe(1);
    const status = await hr.get(`/api/experiments/${perpetuated.id}/status`).expect(200);
    expect(status.body).toMatchObject({ state: 'perpetuated', allowedActions: [] });
    expect(perpetuated.participants[0]).toMatchObject({
      userId: team.participant,
      onBehalf: { method: 'paper' },
    });

    // The iteration: linked both ways, iteration 2, running.
    const parent = byTitle('I-1');
    const child = byTitle('I-2');
    expect(child).toMatchObject({
      parentId: parent.id,
      iteration: 2,
      state: 'running',
      lastWeather: 'stormy',
    });
    expect(parent.childExperimentId).toBe(child.id);

    // Running: a live workflow that knows its real expiry (end of that day in Paris).
    const running = byTitle('R-1');
    const handle = stack.temporal.workflow.getHandle(running.workflowId);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const live = await hr.get(`/api/experiments/${running.id}/status`).expect(200);
    expect(live.body.state).toBe('running');
    expect(live.body.deadlines.expiresAt).toBe(endOfLocalDay(day(60), 'Europe/Paris').toISOString());
    expect(live.body.allowedActions.map((a: { action: string }) => a.action)).toContain('recordCheckIn');
    // The imported running test takes the lifecycle's actions like any other.
    const pilot = await login(stack.app, team.emails.pilot);
    await pilot
      .post(`/api/experiments/${running.id}/check-ins`)
      .send({ weather: 'cloudy', progress: 'Repris dans Capacités', blockers: '' })
      .expect(200);

    // Past its expiry: stopped at once as the lifecycle does, everyone told, evaluation due.
    const past = byTitle('R-PAST');
    await waitFor('the expired import to stop', async () => {
      const row = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id: past.id });
      return row.state === 'evaluating' ? row : false;
    });
    expect(
      await stack.db.getRepository(NotificationEntity).countBy({ experimentId: past.id, event: 'stopped' }),
    ).toBeGreaterThan(0);
    // An evaluation overdue for months is escalated to the CODIR at once ("Algeco").
    await waitFor(
      'the overdue evaluation to be escalated',
      async () =>
        (await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id: byTitle('E-1').id })).algeco,
    );

    // Audited: one `imported` record per test (by HR, naming the file and row), and the run itself.
    const imported = await stack.db
      .getRepository(AuditEventEntity)
      .findBy({ experimentId: In(rows.map((r) => r.id)), event: 'imported' });
    expect(imported).toHaveLength(10);
    expect(imported.every((e) => e.actorId === team.hr)).toBe(true);
    expect(imported.find((e) => e.experimentId === perpetuated.id)?.details).toMatchObject({
      fileName: 'historique.csv',
      rowNumber: 2,
      reference: 'P-1',
    });
    expect(
      await stack.db
        .getRepository(AuditEventEntity)
        .countBy({ organizationId: team.organization.id, event: 'import.started' }),
    ).toBe(1);

    // The same file again: everything is already there; the run creates nothing.
    const again = (await upload(hr, file, 'historique.csv').expect(201)).body as ImportReport;
    expect(again).toMatchObject({ status: 'validated', alreadyImported: 10, byState: {} });
    await hr.post(`/api/imports/${again.id}/run`).send({}).expect(200);
    expect(await completed(again.id)).toMatchObject({ created: 0, skipped: 10 });
    expect(await experimentsOf(team.organization.id)).toHaveLength(10);
  });

  it('resumes a run whose worker was killed mid-way, and writes nothing twice', async () => {
    const other = await insertTeam(stack.db, organizationStub.nantes());
    const rows: Row[] = Array.from({ length: 90 }, (_, i) =>
      i % 3 === 0
        ? launched(other, `K-${i}`, 'en cours', -20, 30 + i)
        : launched(other, `K-${i}`, 'abandonné', -300, -200, {
            stoppedOn: fr(day(-200)),
            ...evaluated(-190),
            decidedOn: fr(day(-180)),
            rationale: 'Non concluant.',
          }),
    );
    const imports = stack.app.get(ImportsService);
    const raw = rows.map((cells, i) => ({ rowNumber: i + 2, cells }));
    const report = await imports.prepare(other.organization.id, 'reprise.xlsx', raw, other.hr);
    expect(report.status).toBe('validated');
    await imports.run(report.id, null, { batchSize: 3, heartbeatSeconds: 3 });
    const progressed = () =>
      stack.db.getRepository(ExperimentImportRowEntity).countBy({ importId: report.id });
    await waitFor('a few batches', async () => (await progressed()) >= 8, 60_000);
    await worker?.kill();
    const before = await progressed();
    expect(before).toBeLessThan(90);
    worker = await startWorkerProcess(stack.env);
    const result = await imports.waitFor(report.id);
    expect(result).toMatchObject({ done: true, created: 90, skipped: 0, total: 90 });
    const created = await experimentsOf(other.organization.id);
    expect(created).toHaveLength(90);
    expect(
      await stack.db
        .getRepository(AuditEventEntity)
        .countBy({ experimentId: In(created.map((c) => c.id)), event: 'imported' }),
    ).toBe(90);
    for (const experiment of created.filter((c) => c.state === 'running')) {
      const description = await stack.temporal.workflow.getHandle(experiment.workflowId).describe();
      expect(description.status.name).toBe('RUNNING');
    }
    const history = await stack.temporal.workflow.getHandle(importWorkflowId(report.id)).fetchHistory();
    expect(history.events?.length).toBeGreaterThan(0);
  });
});
