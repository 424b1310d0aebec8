import { Injectable } from '@nestjs/common';
import { DAY_MS, DEFAULT_TIME_ZONE } from '@capacites/domain';
import { DashboardRepository, type DashboardScope } from './dashboard.repository';
import { toDashboardResponse, type DashboardResponse, type DashboardRows } from './dto/dashboard.response';

export const EXPIRY_HORIZON_DAYS = 30;
export const ALERT_LIST_LIMIT = 50;
export const PORTFOLIO_LIMIT = 200;
export const OUTCOME_MONTHS = 12;
export const RECENT_DECISIONS_LIMIT = 10;
// One zone for months that may span several organisations: the programme's default.
export const DASHBOARD_TIME_ZONE = DEFAULT_TIME_ZONE;

/** How long a computed dashboard may serve while nothing changes (its dates move on). */
export const DASHBOARD_BUCKET_MS = 60_000;
/** Dashboards kept (one per scope: an organisation, a set of them, or all). */
export const DASHBOARD_CACHE_SIZE = 200;

interface CachedDashboard {
  version: string;
  bucket: number;
  data: Promise<DashboardRows>;
  /** While `data` is being computed. */
  computing: boolean;
  /** The latest figures computed for this scope, if any. */
  last?: DashboardRows;
}

/**
 * The CODIR dashboard. Its aggregates read every experiment of the scope (over all 50
 * organisations at 100,000 experiments: ~45 ms of PostgreSQL each time), so one computation
 * serves every request of the same scope until the data changes: a database trigger moves a
 * version on every write to what the dashboard shows (DashboardVersion migration), and the
 * figures are recomputed at least once a minute since "expiring" and "overdue" move with the
 * clock. At most one computation per scope runs at a time: concurrent requests share it, or,
 * when the data changed again meanwhile, get the latest figures computed (at most one
 * computation old) instead of queueing more work on PostgreSQL (docs/benchmarks.md).
 */
@Injectable()
export class DashboardService {
  private readonly cache = new Map<string, CachedDashboard>();

  constructor(private readonly dashboard: DashboardRepository) {}

  /** The CODIR dashboard over the organisations of `scope`, as of `now`. */
  async getDashboard(scope: DashboardScope, now: Date): Promise<DashboardResponse> {
    const key = scope.organizationIds === 'all' ? 'all' : [...scope.organizationIds].sort().join(',');
    const version = await this.dashboard.dataVersion();
    const bucket = Math.floor(now.getTime() / DASHBOARD_BUCKET_MS);
    const entry = this.cache.get(key);
    // The data changed again while a computation runs: the latest figures, without waiting.
    if (entry?.computing && entry.version !== version && entry.last) {
      return toDashboardResponse(entry.last, now);
    }
    // Up to date, or being computed: share it.
    if (entry && (entry.computing || (entry.version === version && entry.bucket === bucket))) {
      return toDashboardResponse(await entry.data, now);
    }
    const next: CachedDashboard = {
      version,
      bucket,
      data: this.compute(scope, now),
      computing: true,
      last: entry?.last,
    };
    this.remember(key, next);
    next.data.then(
      (rows) => {
        next.computing = false;
        next.last = rows;
      },
      // A failed computation is not kept: the next request tries again.
      () => {
        next.computing = false;
        if (this.cache.get(key) === next) this.cache.delete(key);
      },
    );
    return toDashboardResponse(await next.data, now);
  }

  private remember(key: string, entry: CachedDashboard): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > DASHBOARD_CACHE_SIZE) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }

  private async compute(scope: DashboardScope, now: Date): Promise<DashboardRows> {
    const horizon = new Date(now.getTime() + EXPIRY_HORIZON_DAYS * DAY_MS);
    // Independent reads: run concurrently, each on its own pooled connection.
    const [
      byState,
      byTrack,
      byOrganization,
      expiring,
      overdue,
      outcomesByMonth,
      evaluations,
      weather,
      portfolio,
      recentDecisions,
      awaitingLaunchApproval,
      orphaned,
    ] = await Promise.all([
      this.dashboard.countByState(scope),
      this.dashboard.countByTrack(scope),
      this.dashboard.countByOrganization(scope),
      this.dashboard.findRunningExpiringBetween(scope, now, horizon, ALERT_LIST_LIMIT),
      this.dashboard.findOverdue(scope, now, ALERT_LIST_LIMIT),
      this.dashboard.countOutcomesByMonth(scope, now, OUTCOME_MONTHS, DASHBOARD_TIME_ZONE),
      this.dashboard.countEvaluationTimeliness(scope),
      this.dashboard.countRunningWeather(scope),
      this.dashboard.findOngoingByLaunch(scope, PORTFOLIO_LIMIT),
      this.dashboard.findRecentDecisions(scope, RECENT_DECISIONS_LIMIT),
      this.dashboard.findAwaitingLaunchApproval(scope, ALERT_LIST_LIMIT),
      this.dashboard.findOrphaned(scope, ALERT_LIST_LIMIT),
    ]);
    return {
      byState,
      byTrack,
      byOrganization,
      expiring,
      overdue,
      outcomesByMonth,
      evaluations,
      weather,
      portfolio,
      recentDecisions,
      awaitingLaunchApproval,
      orphaned,
    };
  }
}
