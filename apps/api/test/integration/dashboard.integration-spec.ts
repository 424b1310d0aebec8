import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { experimentWorkflowId, type ExperimentState } from '@capacites/domain';
import { DecisionEntity, EvaluationEntity, ExperimentEntity } from '@capacites/persistence';
import { DashboardRepository } from '../../src/dashboard/dashboard.repository';
import { DashboardService } from '../../src/dashboard/dashboard.service';
import type { DashboardResponse } from '../../src/dashboard/dto/dashboard.response';
import { insertOrganization, insertTeam, organizationStub } from '../support/fixtures';
import { startStack, type TestStack } from '../support/stack';

// A fixed "now" (summer time in Paris, UTC+2): every date below is placed relative to it.
const NOW = new Date('2026-06-15T10:00:00.000Z');
const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY_MS);
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

// The shared tracks inserted by the Foundation migration.
const PORTAGE = {
  trackId: '5e1a0c4b-0001-4e6a-9b1c-2d3e4f5a6b01',
  trackName: "Portage d'initiatives spontanées",
};
const MOBILITE = {
  trackId: '5e1a0c4b-0001-4e6a-9b1c-2d3e4f5a6b02',
  trackName: 'Micro-mobilité professionnelle',
};
const SUBSIDIARITE = {
  trackId: '5e1a0c4b-0001-4e6a-9b1c-2d3e4f5a6b03',
  trackName: 'Management de la subsidiarité',
};

type ExperimentRow = Partial<ExperimentEntity> & {
  id: string;
  organizationId: string;
  state: ExperimentState;
};

/** Named stubs: experiments written straight to the projection, as the worker would leave them. */
const experimentStub = {
  in: (
    state: ExperimentState,
    organizationId: string,
    fields: Partial<ExperimentEntity> = {},
  ): ExperimentRow => {
    const id = randomUUID();
    return {
      id,
      workflowId: experimentWorkflowId(id),
      organizationId,
      title: `Test ${id.slice(0, 8)}`,
      state,
      ...fields,
    };
  },
};

const zeroMonth = (month: string) => ({ month, iterated: 0, perpetuated: 0, abandoned: 0 });
const MONTHS = [
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
];

describe('The CODIR dashboard through PostgreSQL', () => {
  let stack: TestStack;
  let service: DashboardService;
  let nantes: string;
  let rennes: string;
  let lyon: string;
  const ids: Record<string, string> = {};
  const lyonIds: string[] = [];

  const insertExperiments = (rows: ExperimentRow[]) => stack.db.getRepository(ExperimentEntity).insert(rows);
  const decide = (experiment: ExperimentRow, outcome: DecisionEntity['outcome'], decidedAt: Date) =>
    stack.db.getRepository(DecisionEntity).insert({
      experimentId: experiment.id,
      organizationId: experiment.organizationId,
      outcome,
      rationale: 'Décision du CODIR',
      onTime: true,
      decidedAt,
    });
  const evaluate = (experiment: ExperimentRow, onTime: boolean) =>
    stack.db.getRepository(EvaluationEntity).insert({
      experimentId: experiment.id,
      organizationId: experiment.organizationId,
      verdict: 'confirmed',
      criterionResults: [],
      usersVoice: { sources: ['entretiens'], count: 4, noneReason: '' },
      learnings: 'À partager',
      criteriaAtLaunch: [],
      onTime,
      submittedAt: daysFromNow(-30),
    });
  const insertOrganizationNamed = async (name: string) =>
    (await insertOrganization(stack.db, { ...organizationStub.nantes(), name })).id;
  const dashboard = (organizationIds: string[] | 'all'): Promise<DashboardResponse> =>
    service.getDashboard({ organizationIds }, NOW);

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    service = new DashboardService(new DashboardRepository(stack.app.get(DataSource)));
    nantes = (await insertTeam(stack.db)).organization.id;
    rennes = await insertOrganizationNamed('Ville de Rennes');
    lyon = await insertOrganizationNamed('Métropole de Lyon');

    const n = {
      expiresIn10: experimentStub.in('running', nantes, {
        trackId: PORTAGE.trackId,
        lastWeather: 'sunny',
        launchedAt: daysFromNow(-50),
        expiresAt: daysFromNow(10),
      }),
      expiresIn40: experimentStub.in('running', nantes, {
        trackId: PORTAGE.trackId,
        lastWeather: 'stormy',
        launchedAt: daysFromNow(-20),
        expiresAt: daysFromNow(40),
      }),
      // Expired an hour ago but not yet moved on by the workflow: neither expiring nor overdue.
      expiredUnprocessed: experimentStub.in('running', nantes, {
        launchedAt: daysFromNow(-100),
        expiresAt: daysFromNow(-1 / 24),
      }),
      evaluationOverdue: experimentStub.in('evaluating', nantes, {
        trackId: MOBILITE.trackId,
        launchedAt: daysFromNow(-90),
        stoppedAt: daysFromNow(-35),
        expiresAt: daysFromNow(-35),
        evaluationDueAt: daysFromNow(-5),
      }),
      evaluationDueIn3: experimentStub.in('evaluating', nantes, {
        launchedAt: daysFromNow(-80),
        evaluationDueAt: daysFromNow(3),
      }),
      // Its evaluation due date is past too, but it was evaluated: only the decision is late.
      decisionOverdue: experimentStub.in('deciding', nantes, {
        trackId: MOBILITE.trackId,
        launchedAt: daysFromNow(-200),
        algeco: true,
        evaluationDueAt: daysFromNow(-60),
        decisionDueAt: daysFromNow(-20),
      }),
      draftInWindow: experimentStub.in('draft', nantes, { expiresAt: daysFromNow(5) }),
      perpetuatedJune: experimentStub.in('perpetuated', nantes),
      perpetuatedMay: experimentStub.in('perpetuated', nantes),
      iteratedApril: experimentStub.in('iterated', nantes),
      abandonedApril: experimentStub.in('abandoned', nantes),
      abandonedJune2025: experimentStub.in('abandoned', nantes),
      iteratedJuly2025: experimentStub.in('iterated', nantes),
    };
    const r = {
      expiresIn5: experimentStub.in('running', rennes, {
        trackId: SUBSIDIARITE.trackId,
        lastWeather: 'cloudy',
        launchedAt: daysFromNow(-30),
        expiresAt: daysFromNow(5),
      }),
      evaluationOverdue: experimentStub.in('evaluating', rennes, {
        launchedAt: daysFromNow(-60),
        evaluationDueAt: daysFromNow(-2),
      }),
      perpetuatedJune: experimentStub.in('perpetuated', rennes),
    };
    // Lyon: 205 running tests launched before all others, 55 of them expiring within 30 days.
    const firstLaunch = daysFromNow(-365);
    const lyonRows = Array.from({ length: 205 }, (_, i) =>
      experimentStub.in('running', lyon, {
        launchedAt: minutesAfter(firstLaunch, i),
        expiresAt: i < 55 ? minutesAfter(daysFromNow(20), i) : daysFromNow(60),
      }),
    );
    await insertExperiments([...Object.values(n), ...Object.values(r), ...lyonRows]);
    for (const [name, row] of Object.entries(n)) ids[`nantes.${name}`] = row.id;
    for (const [name, row] of Object.entries(r)) ids[`rennes.${name}`] = row.id;
    lyonIds.push(...lyonRows.map((row) => row.id));

    // Paris month boundaries: 2026-05-31T22:30Z is 1 June 00:30 in Paris, 21:30Z still 31 May.
    await decide(n.perpetuatedJune, 'perpetuate', new Date('2026-05-31T22:30:00.000Z'));
    await decide(n.perpetuatedMay, 'perpetuate', new Date('2026-05-31T21:30:00.000Z'));
    await decide(n.iteratedApril, 'iterate', new Date('2026-04-10T12:00:00.000Z'));
    await decide(n.abandonedApril, 'abandon', new Date('2026-04-20T12:00:00.000Z'));
    // The 12-month window starts on 1 July 2025, Paris time.
    await decide(n.abandonedJune2025, 'abandon', new Date('2025-06-30T21:30:00.000Z'));
    await decide(n.iteratedJuly2025, 'iterate', new Date('2025-06-30T22:30:00.000Z'));
    await decide(r.perpetuatedJune, 'perpetuate', new Date('2026-06-10T12:00:00.000Z'));

    // Nantes: 4 of 7 evaluations on time; Rennes: 1 of 1.
    for (const row of [n.perpetuatedJune, n.iteratedApril, n.abandonedJune2025, n.perpetuatedMay])
      await evaluate(row, true);
    for (const row of [n.abandonedApril, n.iteratedJuly2025, n.decisionOverdue]) await evaluate(row, false);
    await evaluate(r.perpetuatedJune, true);
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('scoped to one organisation', () => {
    let nantesDashboard: DashboardResponse;
    beforeAll(async () => {
      nantesDashboard = await dashboard([nantes]);
    });

    it('counts its experiments by state, and nothing of the other organisations', () => {
      expect(nantesDashboard.byState).toEqual({
        draft: 1,
        running: 3,
        evaluating: 2,
        deciding: 1,
        cancelled: 0,
        perpetuated: 2,
        abandoned: 2,
        iterated: 2,
      });
    });

    it('counts by track, the experiments without a track as one null group', () => {
      expect(nantesDashboard.byTrack).toEqual([
        { trackId: null, trackName: null, count: 9, ongoing: 2 },
        { ...MOBILITE, count: 2, ongoing: 2 },
        { ...PORTAGE, count: 2, ongoing: 2 },
      ]);
    });

    it('counts by organisation with its name', () => {
      expect(nantesDashboard.byOrganization).toEqual([
        { organizationId: nantes, organizationName: 'Ville de Nantes', count: 13, ongoing: 6 },
      ]);
    });

    it('lists the running tests expiring in the next 30 days only (not in 40 days, not a draft, not past)', () => {
      expect(nantesDashboard.expiringSoon).toEqual({
        total: 1,
        items: [
          {
            id: ids['nantes.expiresIn10'],
            title: expect.any(String),
            organizationId: nantes,
            expiresAt: daysFromNow(10).toISOString(),
            daysLeft: 10,
          },
        ],
      });
    });

    it('raises the overdue decision (Algeco) and the overdue evaluation, most overdue first', () => {
      expect(nantesDashboard.overdue).toEqual({
        total: 2,
        items: [
          {
            id: ids['nantes.decisionOverdue'],
            title: expect.any(String),
            organizationId: nantes,
            kind: 'decision',
            dueAt: daysFromNow(-20).toISOString(),
            daysOverdue: 20,
            algeco: true,
          },
          {
            id: ids['nantes.evaluationOverdue'],
            title: expect.any(String),
            organizationId: nantes,
            kind: 'evaluation',
            dueAt: daysFromNow(-5).toISOString(),
            daysOverdue: 5,
            algeco: false,
          },
        ],
      });
    });

    it('counts outcomes per Paris calendar month over the last 12 months, empty months included', () => {
      const expected = MONTHS.map(zeroMonth);
      expected[0] = { month: '2025-07', iterated: 1, perpetuated: 0, abandoned: 0 };
      expected[9] = { month: '2026-04', iterated: 1, perpetuated: 0, abandoned: 1 };
      expected[10] = { month: '2026-05', iterated: 0, perpetuated: 1, abandoned: 0 };
      expected[11] = { month: '2026-06', iterated: 0, perpetuated: 1, abandoned: 0 };
      expect(nantesDashboard.outcomesByMonth).toEqual(expected);
    });

    it('lists the organisation’s latest decisions, newest first, and none of another organisation', () => {
      expect(nantesDashboard.recentDecisions.map((d) => [d.id, d.outcome])).toEqual([
        [ids['nantes.perpetuatedJune'], 'perpetuate'],
        [ids['nantes.perpetuatedMay'], 'perpetuate'],
        [ids['nantes.abandonedApril'], 'abandon'],
        [ids['nantes.iteratedApril'], 'iterate'],
        [ids['nantes.iteratedJuly2025'], 'iterate'],
        [ids['nantes.abandonedJune2025'], 'abandon'],
      ]);
      expect(nantesDashboard.recentDecisions.map((d) => d.id)).not.toContain(ids['rennes.perpetuatedJune']);
    });

    it('gives the share of evaluations submitted on time', () => {
      expect(nantesDashboard.evaluationsOnTime).toEqual({ onTime: 4, total: 7, share: 4 / 7 });
    });

    it('counts the latest check-in weather of running tests, "none" for those without a check-in', () => {
      expect(nantesDashboard.runningWeather).toEqual({ sunny: 1, cloudy: 0, stormy: 1, none: 1 });
    });

    it('lays out the ongoing tests as a timeline, earliest launched first', () => {
      expect(nantesDashboard.portfolio.total).toBe(6);
      expect(nantesDashboard.portfolio.items.map((item) => item.id)).toEqual(
        [
          'decisionOverdue',
          'expiredUnprocessed',
          'evaluationOverdue',
          'evaluationDueIn3',
          'expiresIn10',
          'expiresIn40',
        ].map((name) => ids[`nantes.${name}`]),
      );
      expect(nantesDashboard.portfolio.items[2]).toEqual({
        id: ids['nantes.evaluationOverdue'],
        title: expect.any(String),
        organizationId: nantes,
        state: 'evaluating',
        launchedAt: daysFromNow(-90).toISOString(),
        expiresAt: daysFromNow(-35).toISOString(),
        stoppedAt: daysFromNow(-35).toISOString(),
      });
    });
  });

  describe('over every organisation', () => {
    let all: DashboardResponse;
    beforeAll(async () => {
      all = await dashboard('all');
    });

    it('counts every organisation, largest first', () => {
      expect(all.byState).toMatchObject({ running: 209, evaluating: 3, deciding: 1, perpetuated: 3 });
      expect(all.byOrganization).toEqual([
        { organizationId: lyon, organizationName: 'Métropole de Lyon', count: 205, ongoing: 205 },
        { organizationId: nantes, organizationName: 'Ville de Nantes', count: 13, ongoing: 6 },
        { organizationId: rennes, organizationName: 'Ville de Rennes', count: 3, ongoing: 2 },
      ]);
      expect(all.byTrack).toEqual([
        { trackId: null, trackName: null, count: 216, ongoing: 208 },
        { ...MOBILITE, count: 2, ongoing: 2 },
        { ...PORTAGE, count: 2, ongoing: 2 },
        { ...SUBSIDIARITE, count: 1, ongoing: 1 },
      ]);
    });

    it('caps the expiring list at 50, soonest first, and tells how many there are in all', () => {
      expect(all.expiringSoon.total).toBe(57);
      expect(all.expiringSoon.items).toHaveLength(50);
      expect(all.expiringSoon.items.slice(0, 3).map((item) => [item.id, item.daysLeft])).toEqual([
        [ids['rennes.expiresIn5'], 5],
        [ids['nantes.expiresIn10'], 10],
        [lyonIds[0], 20],
      ]);
      expect(all.expiringSoon.items[49].id).toBe(lyonIds[47]);
    });

    it('raises the overdue items of every organisation', () => {
      expect(all.overdue.items.map((item) => [item.id, item.kind, item.daysOverdue])).toEqual([
        [ids['nantes.decisionOverdue'], 'decision', 20],
        [ids['nantes.evaluationOverdue'], 'evaluation', 5],
        [ids['rennes.evaluationOverdue'], 'evaluation', 2],
      ]);
    });

    it('adds up outcomes, timeliness and weather across organisations', () => {
      expect(all.outcomesByMonth[11]).toEqual({
        month: '2026-06',
        iterated: 0,
        perpetuated: 2,
        abandoned: 0,
      });
      expect(all.evaluationsOnTime).toEqual({ onTime: 5, total: 8, share: 5 / 8 });
      expect(all.runningWeather).toEqual({ sunny: 1, cloudy: 1, stormy: 1, none: 206 });
    });

    it('caps the timeline at 200 ongoing tests, earliest launched first', () => {
      expect(all.portfolio.total).toBe(213);
      expect(all.portfolio.items.map((item) => item.id)).toEqual(lyonIds.slice(0, 200));
    });
  });

  it('covers exactly the organisations listed when there are several', async () => {
    const both = await dashboard([nantes, rennes]);
    expect(both.byOrganization.map((row) => row.organizationId)).toEqual([nantes, rennes]);
    expect(both.overdue.total).toBe(3);
    expect(both.expiringSoon.items.map((item) => item.id)).toEqual([
      ids['rennes.expiresIn5'],
      ids['nantes.expiresIn10'],
    ]);
  });

  it('is all zeros, with no share of evaluations on time, for an organisation without experiments', async () => {
    const empty = await insertOrganization(stack.db, {
      ...organizationStub.nantes(),
      name: 'Ville de Brest',
    });
    for (const organizationIds of [[empty.id], []]) {
      const response = await dashboard(organizationIds);
      expect(Object.values(response.byState).every((count) => count === 0)).toBe(true);
      expect(response.byTrack).toEqual([]);
      expect(response.byOrganization).toEqual([]);
      expect(response.expiringSoon).toEqual({ total: 0, items: [] });
      expect(response.overdue).toEqual({ total: 0, items: [] });
      expect(response.outcomesByMonth).toEqual(MONTHS.map(zeroMonth));
      expect(response.evaluationsOnTime).toEqual({ onTime: 0, total: 0, share: null });
      expect(response.runningWeather).toEqual({ sunny: 0, cloudy: 0, stormy: 0, none: 0 });
      expect(response.portfolio).toEqual({ total: 0, items: [] });
    }
  });
  it('shows a write on the very next request: the dashboard kept for the scope is recomputed once the data changed', async () => {
    const before = await dashboard('all');
    expect(await dashboard('all')).toEqual(before);
    const row = experimentStub.in('running', rennes, {
      launchedAt: daysFromNow(-1),
      expiresAt: daysFromNow(3),
    });
    await insertExperiments([row]);
    const afterInsert = await dashboard('all');
    expect(afterInsert.byState.running).toBe(before.byState.running + 1);
    expect(afterInsert.expiringSoon.items[0].id).toBe(row.id);
    await stack.db.getRepository(ExperimentEntity).update({ id: row.id }, { state: 'evaluating' });
    const afterUpdate = await dashboard('all');
    expect(afterUpdate.byState.running).toBe(before.byState.running);
    expect(afterUpdate.byState.evaluating).toBe(before.byState.evaluating + 1);
    await decide(row, 'abandon', NOW);
    expect((await dashboard('all')).recentDecisions[0].id).toBe(row.id);
  });
  it("moves the data version on the first write to a fresh database's sequence, at commit", async () => {
    const repository = new DashboardRepository(stack.app.get(DataSource));
    // As right after the migration: the sequence has never been called.
    await stack.db.query(`SELECT setval('dashboard_version_seq', 1, false)`);
    const fresh = await repository.dataVersion();
    const runner = stack.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.manager.getRepository(ExperimentEntity).insert(experimentStub.in('draft', rennes));
    // Deferred to the commit: a dashboard computed now, without the row, keeps the old version.
    expect(await repository.dataVersion()).toBe(fresh);
    await runner.commitTransaction();
    await runner.release();
    expect(await repository.dataVersion()).not.toBe(fresh);
  });
});
