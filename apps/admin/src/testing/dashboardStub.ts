import type { DashboardData } from '../dashboard';

/** A CODIR dashboard with one test in every interesting list. */
export const dashboardStub = (): DashboardData => ({
  generatedAt: '2026-02-01T10:00:00.000Z',
  byState: {
    draft: 2,
    running: 3,
    evaluating: 1,
    deciding: 1,
    cancelled: 0,
    perpetuated: 1,
    abandoned: 1,
    iterated: 2,
  },
  byTrack: [
    { trackId: 't1', trackName: 'Initiatives spontanées', count: 6, ongoing: 3 },
    { trackId: null, trackName: null, count: 5, ongoing: 2 },
  ],
  byOrganization: [{ organizationId: 'o1', organizationName: 'Ville de Nantes', count: 11, ongoing: 5 }],
  expiringSoon: {
    total: 1,
    items: [
      {
        id: 'e1',
        title: 'Micro-mobilité entre crèches',
        organizationId: 'o1',
        expiresAt: '2026-02-13T22:59:59.999Z',
        daysLeft: 12,
      },
    ],
  },
  overdue: {
    total: 1,
    items: [
      {
        id: 'e2',
        title: 'Classeur médical partagé',
        organizationId: 'o1',
        kind: 'evaluation',
        dueAt: '2026-01-27T22:59:59.999Z',
        daysOverdue: 5,
        algeco: true,
      },
    ],
  },
  outcomesByMonth: [{ month: '2026-01', iterated: 1, perpetuated: 1, abandoned: 1 }],
  evaluationsOnTime: { onTime: 3, total: 4, share: 0.75 },
  runningWeather: { sunny: 1, cloudy: 1, stormy: 0, none: 1 },
  portfolio: {
    total: 1,
    items: [
      {
        id: 'e1',
        title: 'Micro-mobilité entre crèches',
        organizationId: 'o1',
        state: 'running',
        launchedAt: '2026-01-05T10:00:00.000Z',
        expiresAt: '2026-02-13T22:59:59.999Z',
        stoppedAt: null,
      },
    ],
  },
  recentDecisions: [
    {
      id: 'e5',
      title: 'Tiers-lieu des agents',
      organizationId: 'o1',
      outcome: 'iterate',
      decidedAt: '2026-01-20T15:00:00.000Z',
      childExperimentId: 'e6',
    },
  ],
});
