import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AgendaItem,
  CommitteeSessionStatus,
  Criterion,
  ExperimentState,
  PortfolioFacts,
} from '@capacites/domain';

export interface SessionRow {
  id: string;
  organizationId: string;
  title: string;
  heldOn: string;
  status: CommitteeSessionStatus;
  items: AgendaItem[];
  attendees: { name: string; role?: string }[];
  recordedAt: Date | null;
  recordedBy: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the pack's page of one test shows. */
export interface FicheFacts {
  id: string;
  title: string;
  hypothesis: string;
  vision: string;
  scope: string;
  state: ExperimentState;
  criteria: Criterion[];
  pilotNames: string[];
  sponsorName: string | null;
  trackName: string | null;
  launchedAt: Date | null;
  expiresAt: Date | null;
  stoppedAt: Date | null;
  evaluationDueAt: Date | null;
  decisionDueAt: Date | null;
  algeco: boolean;
  lastWeather: string | null;
  extensionsUsed: number;
  evaluation: {
    verdict: string;
    criterionResults: { criterionId: string; result: string; met: boolean | null }[];
    usersVoice: { sources: string[]; count: number; noneReason: string };
    learnings: string;
    criteriaAtLaunch: Criterion[];
  } | null;
  pendingExtension: { newExpiresAt: string | null; justification: string | null } | null;
  /** Quotes their collectors marked shareable, without who said them. */
  quotes: string[];
  testimonyCount: number;
}

const SESSION_COLUMNS = `
  id, organization_id AS "organizationId", title, to_char(held_on, 'YYYY-MM-DD') AS "heldOn", status, items,
  attendees, recorded_at AS "recordedAt", recorded_by AS "recordedBy", created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** How long a recording of the minutes holds the session before another may take over (a crash). */
export const RECORDING_LEASE_SECONDS = 300;

/** TypeORM answers an UPDATE … RETURNING as [rows, count] (PostgreSQL), an INSERT or SELECT as rows. */
function affected(result: unknown): number {
  return Array.isArray(result) && Array.isArray(result[0]) ? Number(result[1]) : (result as unknown[]).length;
}

@Injectable()
export class CommitteeSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findById(id: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT ${SESSION_COLUMNS} FROM committee_sessions WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async page(
    organizationIds: string[] | 'all',
    filter: { organizationId?: string; status?: string; ids?: string[] },
    sort: { column: string; order: 'ASC' | 'DESC' },
    offset: number,
    limit: number,
  ): Promise<{ rows: SessionRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (organizationIds !== 'all') add((n) => `organization_id = ANY($${n}::uuid[])`, organizationIds);
    if (filter.organizationId) add((n) => `organization_id = $${n}`, filter.organizationId);
    if (filter.status) add((n) => `status = $${n}`, filter.status);
    if (filter.ids) add((n) => `id = ANY($${n}::uuid[])`, filter.ids);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM committee_sessions ${clause}`,
      params,
    );
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT ${SESSION_COLUMNS} FROM committee_sessions ${clause}
        ORDER BY ${sort.column} ${sort.order}, id ${sort.order}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { rows, total };
  }

  async insert(
    manager: EntityManager,
    row: Omit<SessionRow, 'createdAt' | 'updatedAt' | 'recordedAt' | 'recordedBy' | 'status'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO committee_sessions (id, organization_id, title, held_on, items, attendees, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)`,
      [
        row.id,
        row.organizationId,
        row.title,
        row.heldOn,
        JSON.stringify(row.items),
        JSON.stringify(row.attendees),
        row.createdBy,
      ],
    );
  }

  /** Changes a planned session only: false when it was recorded meanwhile. */
  async updatePlanned(
    manager: EntityManager,
    id: string,
    changes: { title: string; heldOn: string; items: AgendaItem[] },
  ): Promise<boolean> {
    const rows = await manager.query(
      `UPDATE committee_sessions SET title = $2, held_on = $3, items = $4::jsonb, updated_at = now()
        WHERE id = $1 AND status = 'planned' AND recording_claimed_at IS NULL RETURNING id`,
      [id, changes.title, changes.heldOn, JSON.stringify(changes.items)],
    );
    return affected(rows) === 1;
  }

  /** Takes the session for recording its minutes; false when recorded or being recorded. */
  async claimRecording(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `UPDATE committee_sessions SET recording_claimed_at = now()
        WHERE id = $1 AND status = 'planned'
          AND (recording_claimed_at IS NULL OR recording_claimed_at < now() - $2 * interval '1 second')
        RETURNING id`,
      [id, RECORDING_LEASE_SECONDS],
    );
    return affected(rows) === 1;
  }

  async releaseRecording(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE committee_sessions SET recording_claimed_at = NULL WHERE id = $1 AND status = 'planned'`,
      [id],
    );
  }

  async markRecorded(
    manager: EntityManager,
    id: string,
    record: { items: AgendaItem[]; attendees: { name: string; role?: string }[]; recordedBy: string },
  ): Promise<boolean> {
    const rows = await manager.query(
      `UPDATE committee_sessions
          SET status = 'recorded', items = $2::jsonb, attendees = $3::jsonb, recorded_at = now(),
              recorded_by = $4, recording_claimed_at = NULL, updated_at = now()
        WHERE id = $1 AND status = 'planned' RETURNING id`,
      [id, JSON.stringify(record.items), JSON.stringify(record.attendees), record.recordedBy],
    );
    return affected(rows) === 1;
  }

  async insertDocument(
    manager: EntityManager,
    sessionId: string,
    kind: 'minutes',
    content: Buffer,
    sha256: string,
  ) {
    await manager.query(
      `INSERT INTO committee_documents (session_id, kind, content, sha256) VALUES ($1, $2, $3, $4)`,
      [sessionId, kind, content, sha256],
    );
  }

  async document(sessionId: string, kind: 'minutes'): Promise<{ content: Buffer; sha256: string } | null> {
    const rows: { content: Buffer; sha256: string }[] = await this.dataSource.query(
      `SELECT content, sha256 FROM committee_documents WHERE session_id = $1 AND kind = $2`,
      [sessionId, kind],
    );
    return rows[0] ?? null;
  }

  /** The organisation's ongoing tests, as the agenda builder needs them. */
  async portfolio(organizationId: string): Promise<PortfolioFacts[]> {
    const rows: {
      id: string;
      state: ExperimentState;
      expires_at: Date | null;
      evaluation_due_at: Date | null;
      extension_pending: boolean;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.state, e.expires_at, e.evaluation_due_at,
              (e.state = 'running' AND (SELECT a.event FROM audit_events a
                 WHERE a.experiment_id = e.id
                   AND a.event IN ('extensionRequested', 'extensionApproved', 'extensionRefused')
                 ORDER BY a.occurred_at DESC, a.id DESC LIMIT 1) IS NOT DISTINCT FROM 'extensionRequested') AS extension_pending
         FROM experiments e
        WHERE e.organization_id = $1 AND e.state IN ('running', 'evaluating', 'deciding')
        ORDER BY e.expires_at NULLS LAST, e.title`,
      [organizationId],
    );
    return rows.map((r) => ({
      experimentId: r.id,
      state: r.state,
      expiresAt: r.expires_at?.toISOString() ?? null,
      evaluationDueAt: r.evaluation_due_at?.toISOString() ?? null,
      extensionPending: r.extension_pending,
    }));
  }

  /** The next planned session of the organisation after `heldOn` (the agenda's horizon). */
  async nextSessionAfter(organizationId: string, heldOn: string): Promise<string | null> {
    const rows: { held_on: string }[] = await this.dataSource.query(
      `SELECT to_char(held_on, 'YYYY-MM-DD') AS held_on FROM committee_sessions
        WHERE organization_id = $1 AND held_on > $2 ORDER BY held_on LIMIT 1`,
      [organizationId, heldOn],
    );
    return rows[0]?.held_on ?? null;
  }

  async organization(id: string): Promise<{ id: string; name: string; timeZone: string } | null> {
    const rows = await this.dataSource.query(
      `SELECT id, name, time_zone AS "timeZone" FROM organizations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Titles and states of the experiments of an organisation, by id (others are left out). */
  async experimentHeads(
    organizationId: string,
    ids: string[],
  ): Promise<Map<string, { title: string; state: ExperimentState }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; title: string; state: ExperimentState }[] = await this.dataSource.query(
      `SELECT id, title, state FROM experiments WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
    return new Map(rows.map((r) => [r.id, { title: r.title, state: r.state }]));
  }

  /** Everything the pack's pages show, for every test of the agenda, in five queries. */
  async fiches(organizationId: string, ids: string[]): Promise<Map<string, FicheFacts>> {
    if (ids.length === 0) return new Map();
    const experiments: {
      id: string;
      title: string;
      hypothesis: string;
      vision: string;
      scope: string;
      state: ExperimentState;
      criteria: Criterion[];
      pilot_ids: string[];
      sponsor_id: string | null;
      track_name: string | null;
      launched_at: Date | null;
      expires_at: Date | null;
      stopped_at: Date | null;
      evaluation_due_at: Date | null;
      decision_due_at: Date | null;
      algeco: boolean;
      last_weather: string | null;
      extensions_used: number;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.title, e.hypothesis, e.vision, e.scope, e.state, e.criteria, e.pilot_ids, e.sponsor_id,
              t.name AS track_name, e.launched_at, e.expires_at, e.stopped_at, e.evaluation_due_at,
              e.decision_due_at, e.algeco, e.last_weather, e.extensions_used
         FROM experiments e LEFT JOIN tracks t ON t.id = e.track_id
        WHERE e.organization_id = $1 AND e.id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
    const people = [
      ...new Set(experiments.flatMap((e) => [...e.pilot_ids, ...(e.sponsor_id ? [e.sponsor_id] : [])])),
    ];
    const names = new Map<string, string>(
      (
        (await this.dataSource.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [
          people,
        ])) as { id: string; display_name: string }[]
      ).map((u) => [u.id, u.display_name]),
    );
    const evaluations: {
      experiment_id: string;
      verdict: string;
      criterion_results: FicheFacts['evaluation'] extends infer E
        ? E extends { criterionResults: infer C }
          ? C
          : never
        : never;
      users_voice: { sources: string[]; count: number; noneReason: string };
      learnings: string;
      criteria_at_launch: Criterion[];
    }[] = await this.dataSource.query(
      `SELECT experiment_id, verdict, criterion_results, users_voice, learnings, criteria_at_launch
         FROM evaluations WHERE experiment_id = ANY($1::uuid[])`,
      [ids],
    );
    const extensions: { experiment_id: string; reason: string | null; details: { newExpiresAt?: string } }[] =
      await this.dataSource
        .query(
          `SELECT DISTINCT ON (experiment_id) experiment_id, event, reason, details
           FROM audit_events
          WHERE experiment_id = ANY($1::uuid[])
            AND event IN ('extensionRequested', 'extensionApproved', 'extensionRefused')
          ORDER BY experiment_id, occurred_at DESC, id DESC`,
          [ids],
        )
        .then(
          (
            rows: {
              experiment_id: string;
              event: string;
              reason: string | null;
              details: { newExpiresAt?: string };
            }[],
          ) => rows.filter((r) => r.event === 'extensionRequested'),
        );
    const testimonies: { experiment_id: string; total: number; quotes: string[] }[] =
      await this.dataSource.query(
        `SELECT experiment_id, count(*)::int AS total,
              (array_agg(quote ORDER BY collected_at DESC) FILTER (WHERE shareable))[1:2] AS quotes
         FROM testimonies WHERE experiment_id = ANY($1::uuid[]) GROUP BY experiment_id`,
        [ids],
      );
    const evaluationOf = new Map(evaluations.map((e) => [e.experiment_id, e]));
    const extensionOf = new Map(extensions.map((e) => [e.experiment_id, e]));
    const testimoniesOf = new Map(testimonies.map((t) => [t.experiment_id, t]));
    return new Map(
      experiments.map((e): [string, FicheFacts] => {
        const evaluation = evaluationOf.get(e.id);
        const extension = extensionOf.get(e.id);
        const said = testimoniesOf.get(e.id);
        return [
          e.id,
          {
            id: e.id,
            title: e.title,
            hypothesis: e.hypothesis,
            vision: e.vision,
            scope: e.scope,
            state: e.state,
            criteria: e.criteria,
            pilotNames: e.pilot_ids.map((id) => names.get(id) ?? '—'),
            sponsorName: e.sponsor_id ? (names.get(e.sponsor_id) ?? null) : null,
            trackName: e.track_name,
            launchedAt: e.launched_at,
            expiresAt: e.expires_at,
            stoppedAt: e.stopped_at,
            evaluationDueAt: e.evaluation_due_at,
            decisionDueAt: e.decision_due_at,
            algeco: e.algeco,
            lastWeather: e.last_weather,
            extensionsUsed: e.extensions_used,
            evaluation: evaluation
              ? {
                  verdict: evaluation.verdict,
                  criterionResults: evaluation.criterion_results,
                  usersVoice: evaluation.users_voice,
                  learnings: evaluation.learnings,
                  criteriaAtLaunch: evaluation.criteria_at_launch,
                }
              : null,
            pendingExtension:
              e.state === 'running' && extension
                ? { newExpiresAt: extension.details?.newExpiresAt ?? null, justification: extension.reason }
                : null,
            quotes: said?.quotes?.filter((q) => q !== null) ?? [],
            testimonyCount: said?.total ?? 0,
          },
        ];
      }),
    );
  }

  /** Counts by state of the organisation's portfolio (the pack's cover). */
  async stateCounts(organizationId: string): Promise<Record<string, number>> {
    const rows: { state: string; n: number }[] = await this.dataSource.query(
      `SELECT state, count(*)::int AS n FROM experiments WHERE organization_id = $1 GROUP BY state`,
      [organizationId],
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  /** The latest decision of an experiment (to recognise one applied by an interrupted recording). */
  async decisionOf(experimentId: string): Promise<{ outcome: string; decidedBy: string | null } | null> {
    const rows = await this.dataSource.query(
      `SELECT outcome, decided_by AS "decidedBy" FROM decisions WHERE experiment_id = $1`,
      [experimentId],
    );
    return rows[0] ?? null;
  }
}
