import {
  DAY_MS,
  daysBetween,
  EXPERIMENT_STATES,
  type AwaitingLaunchApproval,
  type ExperimentState,
  type OrphanedDashboardItem,
} from '@capacites/domain';
import type {
  AwaitingApprovalRow,
  OrphanedRow,
  EvaluationTimelinessRow,
  ExpiringRow,
  OrganizationCountRow,
  OutcomeMonthRow,
  OverdueRow,
  PortfolioRow,
  RecentDecisionRow,
  StateCountRow,
  TrackCountRow,
  WeatherCountRow,
} from '../dashboard.repository';

/** A list capped for display; `total` says how many there are in all. */
export interface CappedList<T> {
  total: number;
  items: T[];
}

export interface ExpiringExperiment {
  id: string;
  title: string;
  organizationId: string;
  expiresAt: string;
  /** Whole days left, rounded up ("J-12"). */
  daysLeft: number;
}

export interface OverdueAlert {
  id: string;
  title: string;
  organizationId: string;
  kind: 'evaluation' | 'decision';
  dueAt: string;
  /** Whole days overdue, rounded up. */
  daysOverdue: number;
  /** Escalated to the CODIR (the "Algeco" alert). */
  algeco: boolean;
}

export interface PortfolioItem {
  id: string;
  title: string;
  organizationId: string;
  state: ExperimentState;
  launchedAt: string | null;
  expiresAt: string | null;
  /** Set when the test has stopped (early or at expiry) and awaits evaluation or decision. */
  stoppedAt: string | null;
}

export interface TrackCount {
  /** null: the experiments without a track. */
  trackId: string | null;
  trackName: string | null;
  count: number;
  /** Running, evaluating or deciding. */
  ongoing: number;
}

export interface OrganizationCount {
  organizationId: string;
  organizationName: string;
  count: number;
  ongoing: number;
}

export interface OutcomesOfMonth {
  /** YYYY-MM, Europe/Paris. */
  month: string;
  iterated: number;
  perpetuated: number;
  abandoned: number;
}

export interface WeatherCounts {
  sunny: number;
  cloudy: number;
  stormy: number;
  /** Running without any check-in yet. */
  none: number;
}

export interface RecentDecision {
  id: string;
  title: string;
  organizationId: string;
  outcome: 'iterate' | 'perpetuate' | 'abandon';
  decidedAt: string;
  /** The next iteration, when the decision was to iterate. */
  childExperimentId: string | null;
}

export interface DashboardResponse {
  generatedAt: string;
  /** Every state, zero included. */
  byState: Record<ExperimentState, number>;
  byTrack: TrackCount[];
  byOrganization: OrganizationCount[];
  expiringSoon: CappedList<ExpiringExperiment>;
  overdue: CappedList<OverdueAlert>;
  outcomesByMonth: OutcomesOfMonth[];
  evaluationsOnTime: { onTime: number; total: number; share: number | null };
  runningWeather: WeatherCounts;
  portfolio: CappedList<PortfolioItem>;
  /** The latest decisions, newest first. */
  recentDecisions: RecentDecision[];
  /** Launches waiting for the sponsor's or CODIR's approval (four-eyes), oldest first. */
  awaitingLaunchApproval: CappedList<AwaitingLaunchApproval>;
  /** Tests under way whose pilot or sponsor is disabled or gone: to reassign. */
  orphaned: CappedList<OrphanedDashboardItem>;
}

/** What the repository answers, one field per query. */
export interface DashboardRows {
  byState: StateCountRow[];
  byTrack: TrackCountRow[];
  byOrganization: OrganizationCountRow[];
  expiring: ExpiringRow[];
  overdue: OverdueRow[];
  outcomesByMonth: OutcomeMonthRow[];
  evaluations: EvaluationTimelinessRow;
  weather: WeatherCountRow;
  portfolio: PortfolioRow[];
  recentDecisions: RecentDecisionRow[];
  awaitingLaunchApproval: AwaitingApprovalRow[];
  orphaned: OrphanedRow[];
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toDashboardResponse(rows: DashboardRows, now: Date): DashboardResponse {
  const byState = Object.fromEntries(EXPERIMENT_STATES.map((state) => [state, 0])) as Record<
    ExperimentState,
    number
  >;
  for (const { state, count } of rows.byState) byState[state] = count;
  const { onTime, total } = rows.evaluations;
  return {
    generatedAt: now.toISOString(),
    byState,
    byTrack: rows.byTrack.map(({ trackId, trackName, count, ongoing }) => ({
      trackId,
      trackName,
      count,
      ongoing,
    })),
    byOrganization: rows.byOrganization.map(({ organizationId, organizationName, count, ongoing }) => ({
      organizationId,
      organizationName,
      count,
      ongoing,
    })),
    expiringSoon: {
      total: rows.expiring[0]?.total ?? 0,
      items: rows.expiring.map((row) => ({
        id: row.id,
        title: row.title,
        organizationId: row.organizationId,
        expiresAt: row.expiresAt.toISOString(),
        daysLeft: daysBetween(now, row.expiresAt),
      })),
    },
    overdue: {
      total: rows.overdue[0]?.total ?? 0,
      items: rows.overdue.map((row) => ({
        id: row.id,
        title: row.title,
        organizationId: row.organizationId,
        kind: row.kind,
        dueAt: row.dueAt.toISOString(),
        daysOverdue: daysBetween(row.dueAt, now),
        algeco: row.algeco,
      })),
    },
    outcomesByMonth: rows.outcomesByMonth.map(({ month, iterated, perpetuated, abandoned }) => ({
      month,
      iterated,
      perpetuated,
      abandoned,
    })),
    evaluationsOnTime: { onTime, total, share: total === 0 ? null : onTime / total },
    runningWeather: {
      sunny: rows.weather.sunny,
      cloudy: rows.weather.cloudy,
      stormy: rows.weather.stormy,
      none: rows.weather.none,
    },
    portfolio: {
      // The timeline holds every ongoing experiment unless capped: its total is theirs.
      total: byState.running + byState.evaluating + byState.deciding,
      items: rows.portfolio.map((row) => ({
        id: row.id,
        title: row.title,
        organizationId: row.organizationId,
        state: row.state,
        launchedAt: iso(row.launchedAt),
        expiresAt: iso(row.expiresAt),
        stoppedAt: iso(row.stoppedAt),
      })),
    },
    awaitingLaunchApproval: {
      total: rows.awaitingLaunchApproval[0]?.total ?? 0,
      items: rows.awaitingLaunchApproval.map((row) => ({
        id: row.id,
        title: row.title,
        organizationId: row.organizationId,
        requestedAt: row.requestedAt.toISOString(),
        daysWaiting: Math.max(0, Math.floor((now.getTime() - row.requestedAt.getTime()) / DAY_MS)),
      })),
    },
    orphaned: {
      total: rows.orphaned[0]?.total ?? 0,
      items: rows.orphaned.map(({ id, title, organizationId, state }) => ({
        id,
        title,
        organizationId,
        state: state as OrphanedDashboardItem['state'],
      })),
    },
    recentDecisions: rows.recentDecisions.map((row) => ({
      id: row.id,
      title: row.title,
      organizationId: row.organizationId,
      outcome: row.outcome,
      decidedAt: row.decidedAt.toISOString(),
      childExperimentId: row.childExperimentId,
    })),
  };
}
