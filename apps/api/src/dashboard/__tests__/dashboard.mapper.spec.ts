import type { DashboardRows } from '../dto/dashboard.response';
import { toDashboardResponse } from '../dto/dashboard.response';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

/** Named stubs of what the repository answers. */
const dashboardRowsStub = {
  empty: (): DashboardRows => ({
    byState: [],
    byTrack: [],
    byOrganization: [],
    expiring: [],
    overdue: [],
    outcomesByMonth: [],
    evaluations: { onTime: 0, total: 0 },
    weather: { sunny: 0, cloudy: 0, stormy: 0, none: 0 },
    portfolio: [],
    recentDecisions: [],
    awaitingLaunchApproval: [],
    orphaned: [],
  }),
  busy: (): DashboardRows => ({
    byState: [
      { state: 'running', count: 7 },
      { state: 'evaluating', count: 2 },
      { state: 'deciding', count: 1 },
      { state: 'perpetuated', count: 4 },
    ],
    byTrack: [
      { trackId: null, trackName: null, count: 9, ongoing: 6 },
      { trackId: 'track-1', trackName: 'Micro-mobilité professionnelle', count: 5, ongoing: 4 },
    ],
    byOrganization: [
      { organizationId: 'org-1', organizationName: 'Ville de Nantes', count: 14, ongoing: 10 },
    ],
    expiring: [
      {
        id: 'e-1',
        title: 'Bientôt fini',
        organizationId: 'org-1',
        expiresAt: hoursFromNow(10 * 24 + 1),
        total: 3,
      },
      { id: 'e-2', title: 'Pile à J-2', organizationId: 'org-1', expiresAt: hoursFromNow(48), total: 3 },
    ],
    overdue: [
      {
        id: 'e-3',
        title: 'Décision attendue',
        organizationId: 'org-1',
        kind: 'decision',
        dueAt: hoursFromNow(-(20 * 24 + 5)),
        algeco: true,
        total: 2,
      },
      {
        id: 'e-4',
        title: 'Évaluation attendue',
        organizationId: 'org-1',
        kind: 'evaluation',
        dueAt: hoursFromNow(-1),
        algeco: false,
        total: 2,
      },
    ],
    outcomesByMonth: [{ month: '2026-03', iterated: 1, perpetuated: 2, abandoned: 0 }],
    evaluations: { onTime: 3, total: 4 },
    weather: { sunny: 3, cloudy: 2, stormy: 1, none: 1 },
    portfolio: [
      {
        id: 'e-5',
        title: 'En cours',
        organizationId: 'org-1',
        state: 'evaluating',
        launchedAt: new Date('2025-09-01T08:00:00.000Z'),
        expiresAt: new Date('2026-02-28T22:59:59.999Z'),
        stoppedAt: new Date('2026-02-20T10:00:00.000Z'),
      },
    ],
    awaitingLaunchApproval: [
      {
        id: 'e9',
        title: 'Bureau partagé',
        organizationId: 'org-1',
        requestedAt: hoursFromNow(-50),
        total: 3,
      },
    ],
    orphaned: [{ id: 'e4', title: 'Classeur partagé', organizationId: 'org-1', state: 'running', total: 1 }],
    recentDecisions: [
      {
        id: 'e-6',
        title: 'Décidé',
        organizationId: 'org-1',
        outcome: 'iterate',
        decidedAt: new Date('2026-03-02T09:00:00.000Z'),
        childExperimentId: 'e-7',
      },
    ],
  }),
};

describe('The CODIR dashboard mapper', () => {
  it('lists every state, with zero for the states no experiment is in', () => {
    expect(toDashboardResponse(dashboardRowsStub.busy(), NOW).byState).toEqual({
      draft: 0,
      running: 7,
      evaluating: 2,
      deciding: 1,
      cancelled: 0,
      perpetuated: 4,
      abandoned: 0,
      iterated: 0,
    });
  });

  it('counts days left and days overdue in whole days rounded up', () => {
    const response = toDashboardResponse(dashboardRowsStub.busy(), NOW);
    expect(response.expiringSoon.items.map((item) => item.daysLeft)).toEqual([11, 2]);
    expect(response.overdue.items.map((item) => item.daysOverdue)).toEqual([21, 1]);
  });

  it('gives dates as ISO strings and keeps the kind and Algeco flag of each alert', () => {
    const response = toDashboardResponse(dashboardRowsStub.busy(), NOW);
    expect(response.generatedAt).toBe('2026-03-10T09:00:00.000Z');
    expect(response.overdue.items[0]).toEqual({
      id: 'e-3',
      title: 'Décision attendue',
      organizationId: 'org-1',
      kind: 'decision',
      dueAt: '2026-02-18T04:00:00.000Z',
      daysOverdue: 21,
      algeco: true,
    });
    expect(response.portfolio.items[0]).toEqual({
      id: 'e-5',
      title: 'En cours',
      organizationId: 'org-1',
      state: 'evaluating',
      launchedAt: '2025-09-01T08:00:00.000Z',
      expiresAt: '2026-02-28T22:59:59.999Z',
      stoppedAt: '2026-02-20T10:00:00.000Z',
    });
  });

  it('lists the latest decisions with their next iteration', () => {
    const response = toDashboardResponse(dashboardRowsStub.busy(), NOW);
    expect(response.recentDecisions).toEqual([
      {
        id: 'e-6',
        title: 'Décidé',
        organizationId: 'org-1',
        outcome: 'iterate',
        decidedAt: '2026-03-02T09:00:00.000Z',
        childExperimentId: 'e-7',
      },
    ]);
  });

  it('reports the uncapped totals of the lists: from the rows, and the ongoing states for the portfolio', () => {
    const response = toDashboardResponse(dashboardRowsStub.busy(), NOW);
    expect(response.expiringSoon.total).toBe(3);
    expect(response.overdue.total).toBe(2);
    expect(response.portfolio.total).toBe(10);
  });

  it('computes the share of evaluations on time as a ratio', () => {
    expect(toDashboardResponse(dashboardRowsStub.busy(), NOW).evaluationsOnTime).toEqual({
      onTime: 3,
      total: 4,
      share: 0.75,
    });
  });

  it('has no share (null, not 0 or NaN) when no evaluation was submitted, and empty lists with zero totals', () => {
    const response = toDashboardResponse(dashboardRowsStub.empty(), NOW);
    expect(response.evaluationsOnTime).toEqual({ onTime: 0, total: 0, share: null });
    expect(response.expiringSoon).toEqual({ total: 0, items: [] });
    expect(response.overdue).toEqual({ total: 0, items: [] });
    expect(response.portfolio).toEqual({ total: 0, items: [] });
    expect(Object.values(response.byState).every((count) => count === 0)).toBe(true);
  });

  it('passes tracks (the trackless group as null), organisations, outcomes and weather through', () => {
    const response = toDashboardResponse(dashboardRowsStub.busy(), NOW);
    expect(response.byTrack[0]).toEqual({ trackId: null, trackName: null, count: 9, ongoing: 6 });
    expect(response.byOrganization).toEqual([
      { organizationId: 'org-1', organizationName: 'Ville de Nantes', count: 14, ongoing: 10 },
    ]);
    expect(response.outcomesByMonth).toEqual([
      { month: '2026-03', iterated: 1, perpetuated: 2, abandoned: 0 },
    ]);
    expect(response.runningWeather).toEqual({ sunny: 3, cloudy: 2, stormy: 1, none: 1 });
  });
});

describe('the dashboard lists launches to approve and orphaned tests', () => {
  it('with their totals, the days a request has waited, and nothing when there is none', () => {
    const response = toDashboardResponse(dashboardRowsStub.busy(), NOW);
    expect(response.awaitingLaunchApproval).toEqual({
      total: 3,
      items: [
        {
          id: 'e9',
          title: 'Bureau partagé',
          organizationId: 'org-1',
          requestedAt: hoursFromNow(-50).toISOString(),
          daysWaiting: 2,
        },
      ],
    });
    expect(response.orphaned).toEqual({
      total: 1,
      items: [{ id: 'e4', title: 'Classeur partagé', organizationId: 'org-1', state: 'running' }],
    });
    const empty = toDashboardResponse(dashboardRowsStub.empty(), NOW);
    expect(empty.awaitingLaunchApproval).toEqual({ total: 0, items: [] });
    expect(empty.orphaned).toEqual({ total: 0, items: [] });
  });
});
