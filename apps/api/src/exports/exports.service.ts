import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { z } from 'zod';
import {
  EXPORT_COLUMNS,
  EXPORT_FILE_STEMS,
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  isPlatformAdmin,
  OUTCOME_LABELS_FR,
  STATE_LABELS_FR,
  VERDICT_LABELS_FR,
  type ExportFormat,
  type ExportResource,
  type Principal,
} from '@capacites/domain';
import { OrganizationEntity, TrackEntity } from '@capacites/persistence';
import { recordAdminEvent } from '../common/admin-audit';
import { ValidationException } from '../common/app.exception';
import { readScope } from '../common/experiment-scope';
import { parseListQuery, type ListQuery } from '../common/list-query';
import {
  experimentListFilterSchema,
  SORTABLE_EXPERIMENT_FIELDS,
  type ExperimentListFilter,
} from '../experiments/dto/experiment-list.filter';
import { ExperimentsRepository } from '../experiments/experiments.repository';
import {
  DECISIONS,
  decisionConditions,
  decisionFilter,
  EVALUATIONS,
  evaluationConditions,
  evaluationFilter,
} from '../records/records.queries';
import { RecordsRepository } from '../records/records.repository';
import { cursorBatches } from './cursor';
import { tabularWriter, type Cell } from './tabular-writer';

const formatSchema = z.enum(EXPORT_FORMATS, {
  message: `format must be one of ${EXPORT_FORMATS.join(', ')}`,
});

/** A date column as the organisation's calendar day (an expiry is the end of a day there). */
const localDay = (column: string) => `to_char(${column} AT TIME ZONE o.time_zone, 'YYYY-MM-DD')`;
const displayName = (idColumn: string) => `(SELECT u.display_name FROM users u WHERE u.id = ${idColumn})`;
const yesNo = (value: unknown): string => (value ? 'Oui' : 'Non');

interface ExportPlan {
  resource: ExportResource;
  format: ExportFormat;
  query: ListQuery<unknown>;
  builder: SelectQueryBuilder<object>;
  toRow: (row: Record<string, unknown>) => Cell[];
}

/**
 * Exports of the lists as spreadsheets, streamed: the same filters, order and read scope as
 * the list endpoints (their query builders, without paging), read through a cursor so that
 * 100,000 rows never sit in memory together. Each export is audited before it starts.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly experimentRows: ExperimentsRepository,
    private readonly records: RecordsRepository,
  ) {}

  async experiments(raw: Record<string, unknown>, principal: Principal, response: Response): Promise<void> {
    const format = parseFormat(raw);
    const query = parseListQuery(raw, experimentListFilterSchema, SORTABLE_EXPERIMENT_FIELDS, {
      field: 'createdAt',
      order: 'DESC',
    }) as ListQuery<ExperimentListFilter>;
    const builder = this.experimentRows
      .sorted(query, readScope(principal))
      .leftJoin(OrganizationEntity, 'o', 'o.id = e.organization_id')
      .leftJoin(TrackEntity, 't', 't.id = e.track_id')
      .select('e.title', 'title')
      .addSelect('e.state', 'state')
      .addSelect('t.name', 'track')
      .addSelect('o.name', 'organization')
      .addSelect(
        `(SELECT string_agg(u.display_name, ', ' ORDER BY u.display_name) FROM users u WHERE u.id = ANY(e.pilot_ids))`,
        'pilots',
      )
      .addSelect(displayName('e.sponsor_id'), 'sponsor')
      .addSelect('e.hypothesis', 'hypothesis')
      .addSelect('e.scope', 'scope')
      .addSelect(localDay('e.expires_at'), 'expiresOn')
      .addSelect('e.iteration', 'iteration')
      .addSelect(localDay('e.created_at'), 'createdOn')
      .addSelect('e.id', 'id');
    await this.stream(principal, response, {
      resource: 'experiments',
      format,
      query,
      builder,
      toRow: (r) =>
        cells('experiments', {
          ...r,
          state: STATE_LABELS_FR[r.state as keyof typeof STATE_LABELS_FR] ?? r.state,
        }),
    });
  }

  async evaluations(raw: Record<string, unknown>, principal: Principal, response: Response): Promise<void> {
    const format = parseFormat(raw);
    const query = parseListQuery(raw, evaluationFilter, Object.keys(EVALUATIONS.sortable), {
      field: 'submittedAt',
      order: 'DESC',
    });
    const builder = this.records
      .sorted(EVALUATIONS, query, principal, evaluationConditions(query.filter))
      .leftJoin(OrganizationEntity, 'o', 'o.id = v.organization_id')
      .select('e.title', 'title')
      .addSelect('o.name', 'organization')
      .addSelect('v.verdict', 'verdict')
      .addSelect(
        `(SELECT count(*) FROM jsonb_array_elements(v.criterion_results) r WHERE (r->>'met')::boolean)::int`,
        'criteriaMet',
      )
      .addSelect('jsonb_array_length(v.criterion_results)', 'criteriaTotal')
      .addSelect(`(v.users_voice->>'count')::int`, 'usersVoiceCount')
      .addSelect(
        `(SELECT string_agg(s, ', ') FROM jsonb_array_elements_text(v.users_voice->'sources') s)`,
        'usersVoiceSources',
      )
      .addSelect('v.learnings', 'learnings')
      .addSelect('v.on_time', 'onTime')
      .addSelect(displayName('v.submitted_by'), 'submittedBy')
      .addSelect(localDay('v.submitted_at'), 'submittedOn')
      .addSelect('v.learnings_shared_at IS NOT NULL', 'shared')
      .addSelect('v.experiment_id', 'experimentId');
    await this.stream(principal, response, {
      resource: 'evaluations',
      format,
      query,
      builder,
      toRow: (r) =>
        cells('evaluations', {
          ...r,
          verdict: VERDICT_LABELS_FR[r.verdict as keyof typeof VERDICT_LABELS_FR] ?? r.verdict,
          onTime: yesNo(r.onTime),
          shared: yesNo(r.shared),
        }),
    });
  }

  async decisions(raw: Record<string, unknown>, principal: Principal, response: Response): Promise<void> {
    const format = parseFormat(raw);
    const query = parseListQuery(raw, decisionFilter, Object.keys(DECISIONS.sortable), {
      field: 'decidedAt',
      order: 'DESC',
    });
    const builder = this.records
      .sorted(DECISIONS, query, principal, decisionConditions(query.filter))
      .leftJoin(OrganizationEntity, 'o', 'o.id = d.organization_id')
      .select('e.title', 'title')
      .addSelect('o.name', 'organization')
      .addSelect('d.outcome', 'outcome')
      .addSelect('d.rationale', 'rationale')
      .addSelect(`d.handover->>'pilotWithdrawal'`, 'pilotWithdrawal')
      .addSelect(`d.handover->>'takeover'`, 'takeover')
      .addSelect('d.next_focus', 'nextFocus')
      .addSelect('d.on_time', 'onTime')
      .addSelect(displayName('d.decided_by'), 'decidedBy')
      .addSelect(localDay('d.decided_at'), 'decidedOn')
      .addSelect('d.experiment_id', 'experimentId');
    await this.stream(principal, response, {
      resource: 'decisions',
      format,
      query,
      builder,
      toRow: (r) =>
        cells('decisions', {
          ...r,
          outcome: OUTCOME_LABELS_FR[r.outcome as keyof typeof OUTCOME_LABELS_FR] ?? r.outcome,
          onTime: yesNo(r.onTime),
        }),
    });
  }

  private async stream(principal: Principal, response: Response, plan: ExportPlan): Promise<void> {
    await this.audit(principal, plan);
    const [sql, parameters] = plan.builder.getQueryAndParameters();
    const day = new Date().toISOString().slice(0, 10);
    response.setHeader('Content-Type', EXPORT_MEDIA_TYPES[plan.format]);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${EXPORT_FILE_STEMS[plan.resource]}-${day}.${plan.format}"`,
    );
    response.setHeader('Cache-Control', 'no-store');
    const writer = tabularWriter(
      plan.format,
      response,
      Object.values(EXPORT_COLUMNS[plan.resource]),
      SHEET_NAMES[plan.resource],
    );
    try {
      for await (const batch of cursorBatches(this.dataSource, sql, parameters)) {
        await writer.rows(batch.map(plan.toRow));
      }
      await writer.end();
    } catch (error) {
      // The headers are gone: the download is cut off rather than ending as if complete.
      this.logger.error(`export of ${plan.resource} interrupted: ${(error as Error).message}`);
      response.destroy(error as Error);
    }
  }

  /**
   * An export is an administrative act: recorded once per organisation it may cover (the
   * filtered one, else the reader's), with what was asked, before the first byte leaves.
   */
  private async audit(principal: Principal, plan: ExportPlan): Promise<void> {
    const asked = (plan.query.filter as { organizationId?: string }).organizationId;
    const admin = isPlatformAdmin(principal);
    const own = [...new Set(principal.memberships.map((m) => m.organizationId))];
    const organizations: (string | null)[] =
      asked && (admin || own.includes(asked)) ? [asked] : admin ? [null] : own;
    await this.dataSource.transaction(async (manager) => {
      for (const organizationId of organizations) {
        await recordAdminEvent(manager, {
          organizationId,
          event: `export.${plan.resource}`,
          actorId: principal.userId,
          details: { format: plan.format, filter: plan.query.filter, sort: plan.query.sort },
        });
      }
    });
  }
}

const SHEET_NAMES: Record<ExportResource, string> = {
  experiments: 'Tests',
  evaluations: 'Évaluations',
  decisions: 'Décisions',
};

function parseFormat(raw: Record<string, unknown>): ExportFormat {
  const parsed = formatSchema.safeParse(raw.format ?? 'csv');
  if (!parsed.success)
    throw new ValidationException([{ field: 'format', message: parsed.error.issues[0].message }]);
  return parsed.data;
}

/** A row's values in the order of the export's columns. */
function cells(resource: ExportResource, row: Record<string, unknown>): Cell[] {
  return Object.keys(EXPORT_COLUMNS[resource]).map((key) => {
    const value = row[key];
    return value === null || value === undefined ? null : typeof value === 'number' ? value : String(value);
  });
}
