import { DashboardRepository } from '../dashboard.repository';
import { DASHBOARD_BUCKET_MS, DashboardService } from '../dashboard.service';

/** A repository whose every aggregate is empty, counting the computations (by countByState). */
function fakeRepository() {
  let version = '1';
  let failNext = false;
  const computations = jest.fn();
  const repository = {
    dataVersion: async () => version,
    countByState: async () => {
      computations();
      const seen = version; // the data as of the start of the computation
      if (failNext) {
        failNext = false;
        throw new Error('database unavailable');
      }
      // Let concurrent requests arrive while this one computes.
      await new Promise((resolve) => setTimeout(resolve, 5));
      return [{ state: 'running', count: Number(seen) }];
    },
    countByTrack: async () => [],
    countByOrganization: async () => [],
    findRunningExpiringBetween: async () => [],
    findOverdue: async () => [],
    countOutcomesByMonth: async () => [],
    countEvaluationTimeliness: async () => [{ onTime: 0, total: 0 }],
    countRunningWeather: async () => [{ sunny: 0, cloudy: 0, stormy: 0, none: 0 }],
    findOngoingByLaunch: async () => [],
    findRecentDecisions: async () => [],
    findAwaitingLaunchApproval: async () => [],
    findOrphaned: async () => [],
  };
  return {
    service: new DashboardService(repository as unknown as DashboardRepository),
    computations,
    write: () => (version = String(Number(version) + 1)),
    failNextComputation: () => (failNext = true),
  };
}

const at = new Date('2026-11-28T09:00:00Z');
const all = { organizationIds: 'all' as const };

describe('DashboardService: one computation per scope while the data stays the same', () => {
  it('shares one computation between concurrent requests of the same scope', async () => {
    const { service, computations } = fakeRepository();
    const answers = await Promise.all([1, 2, 3, 4].map(() => service.getDashboard(all, at)));
    expect(computations).toHaveBeenCalledTimes(1);
    expect(answers.every((answer) => answer.byState.running === 1)).toBe(true);
  });

  it('computes again as soon as a write moved the version', async () => {
    const { service, computations, write } = fakeRepository();
    expect((await service.getDashboard(all, at)).byState.running).toBe(1);
    write();
    expect((await service.getDashboard(all, at)).byState.running).toBe(2);
    expect(computations).toHaveBeenCalledTimes(2);
  });

  it('computes again when the clock moved to the next minute, and per scope', async () => {
    const { service, computations } = fakeRepository();
    await service.getDashboard(all, at);
    await service.getDashboard(all, new Date(at.getTime() + 1000));
    expect(computations).toHaveBeenCalledTimes(1);
    await service.getDashboard(all, new Date(at.getTime() + DASHBOARD_BUCKET_MS));
    expect(computations).toHaveBeenCalledTimes(2);
    await service.getDashboard({ organizationIds: ['b', 'a'] }, at);
    await service.getDashboard({ organizationIds: ['a', 'b'] }, at);
    expect(computations).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed computation', async () => {
    const { service, computations, failNextComputation } = fakeRepository();
    failNextComputation();
    await expect(service.getDashboard(all, at)).rejects.toThrow('database unavailable');
    expect((await service.getDashboard(all, at)).byState.running).toBe(1);
    expect(computations).toHaveBeenCalledTimes(2);
  });
  it('runs one computation at a time per scope: while one runs and the data changed again, the latest figures answer', async () => {
    const { service, computations, write } = fakeRepository();
    expect((await service.getDashboard(all, at)).byState.running).toBe(1);
    write();
    const computing = service.getDashboard(all, at);
    await new Promise((resolve) => setImmediate(resolve)); // its computation has started
    expect(computations).toHaveBeenCalledTimes(2);
    write();
    // The data changed while version 2 is computed: the figures of version 1, without waiting.
    expect((await service.getDashboard(all, at)).byState.running).toBe(1);
    expect((await computing).byState.running).toBe(2);
    expect(computations).toHaveBeenCalledTimes(2);
    // Once it is done, the next request computes the latest version.
    expect((await service.getDashboard(all, at)).byState.running).toBe(3);
    expect(computations).toHaveBeenCalledTimes(3);
  });
});
