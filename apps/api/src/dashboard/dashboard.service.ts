import { Injectable } from '@nestjs/common';
import { DAY_MS, DEFAULT_TIME_ZONE } from '@capacites/domain';
import { DashboardRepository, type DashboardScope } from './dashboard.repository';
import { toDashboardResponse, type DashboardResponse } from './dto/dashboard.response';

export const EXPIRY_HORIZON_DAYS = 30;
export const ALERT_LIST_LIMIT = 50;
export const PORTFOLIO_LIMIT = 200;
export const OUTCOME_MONTHS = 12;
export const RECENT_DECISIONS_LIMIT = 10;
// One zone for months that may span several organisations: the programme's default.
export const DASHBOARD_TIME_ZONE = DEFAULT_TIME_ZONE;

@Injectable()
export class DashboardService {
  constructor(private readonly dashboard: DashboardRepository) {}

  /** The CODIR dashboard over the organisations of `scope`, as of `now`. */
  async getDashboard(scope: DashboardScope, now: Date): Promise<DashboardResponse> {
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
    ]);
    return toDashboardResponse(
      {
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
      },
      now,
    );
  }
}
