import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ExperimentState } from '@capacites/domain';
import { orphanedExperimentCondition } from '@capacites/persistence';

/** `total` is the number of matching rows before the limit (same on every row). */
export interface AwaitingApprovalRow {
  id: string;
  title: string;
  organizationId: string;
  requestedAt: Date;
  total: number;
}

export interface OrphanedRow {
  id: string;
  title: string;
  organizationId: string;
  state: ExperimentState;
  total: number;
}

/** Which organisations a dashboard covers: a list (possibly empty) or every one. */
export interface DashboardScope {
  organizationIds: string[] | 'all';
}

export interface StateCountRow {
  state: ExperimentState;
  count: number;
}

export interface TrackCountRow {
  trackId: string | null;
  trackName: string | null;
  count: number;
  ongoing: number;
}

export interface OrganizationCountRow {
  organizationId: string;
  organizationName: string;
  count: number;
  ongoing: number;
}

/** `total` is the number of matching rows before the limit (same on every row). */
export interface ExpiringRow {
  id: string;
  title: string;
  organizationId: string;
  expiresAt: Date;
  total: number;
}

export interface OverdueRow {
  id: string;
  title: string;
  organizationId: string;
  kind: 'evaluation' | 'decision';
  dueAt: Date;
  algeco: boolean;
  total: number;
}

export interface OutcomeMonthRow {
  /** YYYY-MM in the dashboard's time zone. */
  month: string;
  iterated: number;
  perpetuated: number;
  abandoned: number;
}

export interface EvaluationTimelinessRow {
  onTime: number;
  total: number;
}

export interface WeatherCountRow {
  sunny: number;
  cloudy: number;
  stormy: number;
  none: number;
}

export interface PortfolioRow {
  id: string;
  title: string;
  organizationId: string;
  state: ExperimentState;
  launchedAt: Date | null;
  expiresAt: Date | null;
  stoppedAt: Date | null;
}

export interface RecentDecisionRow {
  id: string;
  title: string;
  organizationId: string;
  outcome: 'iterate' | 'perpetuate' | 'abandon';
  decidedAt: Date;
  childExperimentId: string | null;
}

// Literal (not a parameter) so that the planner can match the partial indexes on it.
const ONGOING = `('running', 'evaluating', 'deciding')`;

/**
 * The organisation filter on `column`, its parameter appended to `params`. 'all' adds
 * no condition at all rather than `$n IS NULL OR …`, which hides the indexes.
 */
function inScope(column: string, scope: DashboardScope, params: unknown[]): string {
  if (scope.organizationIds === 'all') return 'TRUE';
  params.push(scope.organizationIds);
  return `${column} = ANY($${params.length}::uuid[])`;
}

/**
 * The CODIR dashboard's aggregates, each one SQL statement that counts in the database
 * (counts are cast to int: PostgreSQL's bigint would arrive as a string).
 */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countByState(scope: DashboardScope): Promise<StateCountRow[]> {
    const params: unknown[] = [];
    return this.rows(
      `SELECT e.state, count(*)::int AS count
       FROM experiments e
       WHERE ${inScope('e.organization_id', scope, params)}
       GROUP BY e.state`,
      params,
    );
  }

  /** Experiments without a track form one group whose trackId is null. */
  async countByTrack(scope: DashboardScope): Promise<TrackCountRow[]> {
    const params: unknown[] = [];
    return this.rows(
      `SELECT c.track_id AS "trackId", t.name AS "trackName", c.count, c.ongoing
       FROM (
         SELECT e.track_id, count(*)::int AS count,
                count(*) FILTER (WHERE e.state IN ${ONGOING})::int AS ongoing
         FROM experiments e
         WHERE ${inScope('e.organization_id', scope, params)}
         GROUP BY e.track_id
       ) c
       LEFT JOIN tracks t ON t.id = c.track_id
       ORDER BY c.count DESC, t.name NULLS LAST, c.track_id`,
      params,
    );
  }

  async countByOrganization(scope: DashboardScope): Promise<OrganizationCountRow[]> {
    const params: unknown[] = [];
    return this.rows(
      `SELECT c.organization_id AS "organizationId", o.name AS "organizationName", c.count, c.ongoing
       FROM (
         SELECT e.organization_id, count(*)::int AS count,
                count(*) FILTER (WHERE e.state IN ${ONGOING})::int AS ongoing
         FROM experiments e
         WHERE ${inScope('e.organization_id', scope, params)}
         GROUP BY e.organization_id
       ) c
       JOIN organizations o ON o.id = c.organization_id
       ORDER BY c.count DESC, o.name, c.organization_id`,
      params,
    );
  }

  /** Running experiments whose expiry falls in [from, to], soonest first. */
  async findRunningExpiringBetween(
    scope: DashboardScope,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<ExpiringRow[]> {
    const params: unknown[] = [from, to, limit];
    return this.rows(
      `SELECT e.id, e.title, e.organization_id AS "organizationId", e.expires_at AS "expiresAt",
              count(*) OVER ()::int AS total
       FROM experiments e
       WHERE e.state = 'running'
         AND e.expires_at BETWEEN $1::timestamptz AND $2::timestamptz
         AND ${inScope('e.organization_id', scope, params)}
       ORDER BY e.expires_at, e.id
       LIMIT $3`,
      params,
    );
  }

  /** Drafts whose launch waits for the sponsor's or CODIR's approval (four-eyes), oldest request first. */
  async findAwaitingLaunchApproval(scope: DashboardScope, limit: number): Promise<AwaitingApprovalRow[]> {
    const params: unknown[] = [limit];
    return this.rows(
      `SELECT e.id, e.title, e.organization_id AS "organizationId", e.launch_requested_at AS "requestedAt",
              count(*) OVER ()::int AS total
       FROM experiments e
       WHERE e.state = 'draft' AND e.launch_requested_at IS NOT NULL
         AND ${inScope('e.organization_id', scope, params)}
       ORDER BY e.launch_requested_at, e.id
       LIMIT $1`,
      params,
    );
  }

  /** Tests under way whose pilot or sponsor is disabled or gone from the organisation. */
  async findOrphaned(scope: DashboardScope, limit: number): Promise<OrphanedRow[]> {
    const params: unknown[] = [limit];
    return this.rows(
      `SELECT e.id, e.title, e.organization_id AS "organizationId", e.state, count(*) OVER ()::int AS total
       FROM experiments e
       WHERE ${orphanedExperimentCondition('e')}
         AND ${inScope('e.organization_id', scope, params)}
       ORDER BY e.expires_at NULLS LAST, e.id
       LIMIT $1`,
      params,
    );
  }

  /** Evaluations and decisions past their due date ("Algeco" alerts), most overdue first. */
  async findOverdue(scope: DashboardScope, now: Date, limit: number): Promise<OverdueRow[]> {
    const params: unknown[] = [now, limit];
    const scoped = inScope('e.organization_id', scope, params);
    return this.rows(
      `SELECT o.*, count(*) OVER ()::int AS total
       FROM (
         SELECT e.id, e.title, e.organization_id AS "organizationId", 'evaluation'::text AS kind,
                e.evaluation_due_at AS "dueAt", e.algeco
         FROM experiments e
         WHERE e.state = 'evaluating' AND e.evaluation_due_at < $1::timestamptz AND ${scoped}
         UNION ALL
         SELECT e.id, e.title, e.organization_id, 'decision'::text, e.decision_due_at, e.algeco
         FROM experiments e
         WHERE e.state = 'deciding' AND e.decision_due_at < $1::timestamptz AND ${scoped}
       ) o
       ORDER BY o."dueAt", o.id
       LIMIT $2`,
      params,
    );
  }

  /**
   * Decisions by outcome for each of the `months` calendar months up to the one of `now`
   * in `timeZone`, empty months included, oldest first.
   */
  async countOutcomesByMonth(
    scope: DashboardScope,
    now: Date,
    months: number,
    timeZone: string,
  ): Promise<OutcomeMonthRow[]> {
    const params: unknown[] = [now, timeZone, months];
    return this.rows(
      `WITH months AS (
         SELECT generate_series(
                  date_trunc('month', $1::timestamptz AT TIME ZONE $2::text) - make_interval(months => $3::int - 1),
                  date_trunc('month', $1::timestamptz AT TIME ZONE $2::text),
                  interval '1 month') AS month
       ),
       counts AS (
         SELECT date_trunc('month', d.decided_at AT TIME ZONE $2::text) AS month,
                count(*) FILTER (WHERE d.outcome = 'iterate')::int AS iterated,
                count(*) FILTER (WHERE d.outcome = 'perpetuate')::int AS perpetuated,
                count(*) FILTER (WHERE d.outcome = 'abandon')::int AS abandoned
         FROM decisions d
         WHERE d.decided_at >= (SELECT min(month) FROM months) AT TIME ZONE $2::text
           AND d.decided_at < (SELECT max(month) + interval '1 month' FROM months) AT TIME ZONE $2::text
           AND ${inScope('d.organization_id', scope, params)}
         GROUP BY 1
       )
       SELECT to_char(m.month, 'YYYY-MM') AS month,
              coalesce(c.iterated, 0) AS iterated,
              coalesce(c.perpetuated, 0) AS perpetuated,
              coalesce(c.abandoned, 0) AS abandoned
       FROM months m
       LEFT JOIN counts c ON c.month = m.month
       ORDER BY m.month`,
      params,
    );
  }

  async countEvaluationTimeliness(scope: DashboardScope): Promise<EvaluationTimelinessRow> {
    const params: unknown[] = [];
    const [row] = await this.rows<EvaluationTimelinessRow>(
      `SELECT count(*) FILTER (WHERE ev.on_time)::int AS "onTime", count(*)::int AS total
       FROM evaluations ev
       WHERE ${inScope('ev.organization_id', scope, params)}`,
      params,
    );
    return row;
  }

  /** The weather of the latest check-in of each running experiment ("none": no check-in yet). */
  async countRunningWeather(scope: DashboardScope): Promise<WeatherCountRow> {
    const params: unknown[] = [];
    const [row] = await this.rows<WeatherCountRow>(
      `SELECT count(*) FILTER (WHERE e.last_weather = 'sunny')::int AS sunny,
              count(*) FILTER (WHERE e.last_weather = 'cloudy')::int AS cloudy,
              count(*) FILTER (WHERE e.last_weather = 'stormy')::int AS stormy,
              count(*) FILTER (WHERE e.last_weather IS NULL)::int AS none
       FROM experiments e
       WHERE e.state = 'running' AND ${inScope('e.organization_id', scope, params)}`,
      params,
    );
    return row;
  }

  /** Running, evaluating and deciding experiments, earliest launched first. */
  async findOngoingByLaunch(scope: DashboardScope, limit: number): Promise<PortfolioRow[]> {
    const params: unknown[] = [limit];
    return this.rows(
      `SELECT e.id, e.title, e.organization_id AS "organizationId", e.state,
              e.launched_at AS "launchedAt", e.expires_at AS "expiresAt", e.stopped_at AS "stoppedAt"
       FROM experiments e
       WHERE e.state IN ${ONGOING} AND ${inScope('e.organization_id', scope, params)}
       ORDER BY e.launched_at, e.id
       LIMIT $1`,
      params,
    );
  }

  /** The latest decisions, newest first (index idx_decisions_org_decided / idx_decisions_decided). */
  async findRecentDecisions(scope: DashboardScope, limit: number): Promise<RecentDecisionRow[]> {
    const params: unknown[] = [limit];
    return this.rows(
      `SELECT d.experiment_id AS id, e.title, d.organization_id AS "organizationId", d.outcome,
              d.decided_at AS "decidedAt", d.child_experiment_id AS "childExperimentId"
       FROM decisions d JOIN experiments e ON e.id = d.experiment_id
       WHERE ${inScope('d.organization_id', scope, params)}
       ORDER BY d.decided_at DESC, d.experiment_id
       LIMIT $1`,
      params,
    );
  }

  /**
   * Moves on every committed write to what the dashboard shows (experiments, their
   * evaluations and decisions, tracks, organisations): DashboardVersion migration.
   */
  async dataVersion(): Promise<string> {
    const [row] = await this.rows<{ version: string }>(
      // A fresh sequence reads 1 before its first nextval and 1 after it: is_called tells them apart.
      'SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS version FROM dashboard_version_seq',
      [],
    );
    return row.version;
  }

  private rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.query<T[]>(sql, params);
  }
}
