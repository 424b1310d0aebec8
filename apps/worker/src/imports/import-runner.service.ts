import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  experimentWorkflowId,
  importCheckInBase,
  importTimeline,
  isTerminalState,
  resolveLifecycleSettings,
  type ImportTimeline,
  type LifecycleSettings,
  type Participant,
  type PreparedImportRow,
} from '@capacites/domain';
import {
  AuditEventEntity,
  CheckInEntity,
  DecisionEntity,
  EvaluationEntity,
  ExperimentEntity,
  ExperimentImportEntity,
  ExperimentImportRowEntity,
  OrganizationEntity,
} from '@capacites/persistence';
import type { ImportBatchResult, LifecycleData } from '@capacites/workflows';

/** What a batch hands to Temporal: the lifecycle workflows of the tests it created, not closed. */
export interface ImportedStart {
  experimentId: string;
  organizationId: string;
  createdBy: string | null;
  carried: LifecycleData;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Writes a spreadsheet import, one batch at a time, for the import workflow's activity.
 * Each batch: the experiments (ids derived from the rows' keys, so a retry inserts nothing),
 * their history (check-in, evaluation, decision, dated audit records) and one `imported`
 * audit record each, in one transaction; then the workflows of the tests still alive; then
 * the progress. A batch interrupted anywhere is done again from the start, idempotently.
 */
@Injectable()
export class ImportRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async runBatch(
    importId: string,
    batchSize: number,
    startWorkflows: (starts: ImportedStart[]) => Promise<void>,
    now: Date = new Date(),
  ): Promise<ImportBatchResult> {
    const job = await this.dataSource.getRepository(ExperimentImportEntity).findOne({
      where: { id: importId },
      select: {
        id: true,
        organizationId: true,
        createdBy: true,
        fileName: true,
        status: true,
        processed: true,
        totalRows: true,
      },
    });
    if (!job) throw new Error(`import ${importId} does not exist`);
    const [{ total }] = (await this.dataSource.query(
      `SELECT jsonb_array_length("rows")::int AS total FROM experiment_imports WHERE id = $1`,
      [importId],
    )) as { total: number }[];
    if (job.status === 'completed' || job.processed >= total) return this.finish(job.id, total);
    const rows = (
      (await this.dataSource.query(
        `SELECT coalesce(jsonb_agg(e ORDER BY i), '[]'::jsonb) AS rows
           FROM experiment_imports, jsonb_array_elements("rows") WITH ORDINALITY AS t(e, i)
          WHERE id = $1 AND i > $2 AND i <= $3`,
        [importId, job.processed, job.processed + batchSize],
      )) as { rows: PreparedImportRow[] }[]
    )[0].rows;
    const organization = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: job.organizationId });
    const settings = resolveLifecycleSettings(organization.settings, organization.timeZone);

    await this.dataSource.transaction(async (manager) => {
      const inserted = await this.insertExperiments(manager, job, rows, settings, now);
      await manager
        .createQueryBuilder()
        .insert()
        .into(ExperimentImportRowEntity)
        .values(
          rows.map((row) => ({
            importId,
            rowNumber: row.rowNumber,
            experimentId: row.experimentId,
            outcome: inserted.has(row.experimentId) ? ('created' as const) : ('existing' as const),
          })),
        )
        .orIgnore()
        .execute();
    });

    // What this import created (by this attempt or an interrupted earlier one) and is still alive.
    const created = await this.dataSource.getRepository(ExperimentImportRowEntity).find({
      where: { importId, rowNumber: In(rows.map((r) => r.rowNumber)), outcome: 'created' },
    });
    const createdIds = new Set(created.map((r) => r.experimentId));
    await startWorkflows(
      rows
        .filter((row) => createdIds.has(row.experimentId) && !isTerminalState(row.state))
        .map((row) => ({
          experimentId: row.experimentId,
          organizationId: job.organizationId,
          createdBy: job.createdBy,
          carried: this.lifecycleData(row, job, settings, now),
        })),
    );

    await this.dataSource.query(
      `UPDATE experiment_imports SET processed = $3,
              created_count = (SELECT count(*) FROM experiment_import_rows WHERE import_id = $1 AND outcome = 'created'),
              skipped_count = (SELECT count(*) FROM experiment_import_rows WHERE import_id = $1 AND outcome = 'existing')
        WHERE id = $1 AND processed = $2`,
      [importId, job.processed, job.processed + rows.length],
    );
    if (job.processed + rows.length >= total) return this.finish(importId, total);
    const counts = await this.counts(importId);
    return { done: false, processed: job.processed + rows.length, total, ...counts };
  }

  private async finish(importId: string, total: number): Promise<ImportBatchResult> {
    const counts = await this.counts(importId);
    await this.dataSource.query(
      `UPDATE experiment_imports SET status = 'completed', processed = $2, created_count = $3, skipped_count = $4,
              finished_at = coalesce(finished_at, now())
        WHERE id = $1`,
      [importId, total, counts.created, counts.skipped],
    );
    return { done: true, processed: total, total, ...counts };
  }

  private async counts(importId: string): Promise<{ created: number; skipped: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE outcome = 'created')::int AS created,
              count(*) FILTER (WHERE outcome = 'existing')::int AS skipped
         FROM experiment_import_rows WHERE import_id = $1`,
      [importId],
    )) as { created: number; skipped: number }[];
    return row;
  }

  /** @returns the ids inserted now (those that existed are left as they are). */
  private async insertExperiments(
    manager: EntityManager,
    job: Pick<ExperimentImportEntity, 'id' | 'organizationId' | 'createdBy' | 'fileName'>,
    rows: PreparedImportRow[],
    settings: LifecycleSettings,
    now: Date,
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const timelines = new Map(rows.map((row) => [row.experimentId, importTimeline(row, settings)]));
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ExperimentEntity)
      .values(
        rows.map((row) => {
          const t = timelines.get(row.experimentId) as ImportTimeline;
          return {
            id: row.experimentId,
            workflowId: experimentWorkflowId(row.experimentId),
            organizationId: job.organizationId,
            trackId: row.trackId,
            title: row.title,
            hypothesis: row.hypothesis,
            vision: row.vision,
            scope: row.scope,
            state: row.state,
            sponsorId: row.sponsorId,
            pilotIds: row.pilotIds,
            participants: this.participants(row, job, t.consentedAt, now),
            criteria: row.criteria,
            checkInCadenceDays: row.checkInCadenceDays,
            exitPlan: row.decision?.handover ?? { pilotWithdrawal: '', takeover: '' },
            settingsSnapshot: row.state === 'draft' || row.state === 'cancelled' ? null : settings,
            launchedAt: t.launchedAt,
            expiresAt: t.expiresAt,
            originalExpiresAt: t.expiresAt,
            stoppedAt: t.stoppedAt,
            stopKind: t.stopKind,
            evaluationDueAt: t.evaluationDueAt,
            decisionDueAt: row.state === 'deciding' ? t.decisionDueAt : null,
            lastCheckInAt: t.lastCheckInAt,
            lastWeather: row.lastCheckIn?.weather ?? null,
            iteration: row.iteration,
            parentId: row.parentId,
            createdBy: job.createdBy,
          };
        }),
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = new Set((result.raw as { id: string }[]).map((r) => r.id));
    const fresh = rows.filter((row) => inserted.has(row.experimentId));
    if (fresh.length === 0) return inserted;

    const audits: Partial<AuditEventEntity>[] = [];
    const checkIns: Partial<CheckInEntity>[] = [];
    const evaluations: Partial<EvaluationEntity>[] = [];
    const decisions: Partial<DecisionEntity>[] = [];
    for (const row of fresh) {
      const t = timelines.get(row.experimentId) as ImportTimeline;
      const id = row.experimentId;
      const base = {
        organizationId: job.organizationId,
        experimentId: id,
        actorId: job.createdBy,
        reason: null,
      };
      const history = (
        event: string,
        from: string | null,
        to: string,
        at: Date | null,
        details: object = {},
      ) => {
        if (at)
          audits.push({
            ...base,
            idempotencyKey: `import:${id}:${event}`,
            event,
            fromState: from,
            toState: to,
            details: { ...details, importId: job.id, fromSpreadsheet: true },
            occurredAt: at,
          });
      };
      // The test's past as the file tells it, dated, then the import itself (who, when, which file).
      history('launch', 'draft', 'running', t.launchedAt);
      if (t.stopKind)
        history(t.stopKind === 'expired' ? 'expire' : 'stopEarly', 'running', 'evaluating', t.stoppedAt);
      if (row.evaluation)
        history('submitEvaluation', 'evaluating', 'deciding', t.evaluatedAt, {
          verdict: row.evaluation.verdict,
        });
      if (row.decision && t.decidedAt)
        history(
          row.state === 'iterated'
            ? 'decideIterate'
            : row.state === 'perpetuated'
              ? 'decidePerpetuate'
              : 'decideAbandon',
          'deciding',
          row.state,
          t.decidedAt,
        );
      if (row.state === 'cancelled')
        history('cancel', 'draft', 'cancelled', now, { reason: row.cancelReason });
      audits.push({
        ...base,
        idempotencyKey: `import:${id}:imported`,
        event: 'imported',
        fromState: null,
        toState: row.state,
        reason: row.cancelReason,
        details: {
          importId: job.id,
          fileName: job.fileName,
          rowNumber: row.rowNumber,
          reference: row.reference,
        },
        occurredAt: now,
      });
      if (row.lastCheckIn && t.lastCheckInAt)
        checkIns.push({
          idempotencyKey: `import:${id}:checkIn`,
          organizationId: job.organizationId,
          experimentId: id,
          authorId: row.pilotIds[0] ?? null,
          weather: row.lastCheckIn.weather,
          progress: row.lastCheckIn.progress,
          blockers: '',
          recordedAt: t.lastCheckInAt,
        });
      const evaluation = row.evaluation;
      if (evaluation && t.evaluatedAt)
        evaluations.push({
          experimentId: id,
          organizationId: job.organizationId,
          verdict: evaluation.verdict,
          // The file gives one text for all criteria: each criterion keeps it (never an invented result).
          criterionResults: row.criteria.map((c) => ({
            criterionId: c.id,
            result: evaluation.criterionResults || 'Résultat non repris dans le fichier importé',
            met: null,
          })),
          usersVoice: evaluation.usersVoice,
          learnings: evaluation.learnings,
          criteriaAtLaunch: row.criteria,
          amendments: [],
          onTime: t.evaluationOnTime,
          submittedBy: null,
          submittedAt: t.evaluatedAt,
        });
      if (row.decision && t.decidedAt)
        decisions.push({
          experimentId: id,
          organizationId: job.organizationId,
          outcome:
            row.state === 'iterated' ? 'iterate' : row.state === 'perpetuated' ? 'perpetuate' : 'abandon',
          rationale: row.decision.rationale,
          handover: row.decision.handover,
          nextFocus: null,
          childExperimentId: null,
          onTime: t.decisionOnTime,
          decidedBy: null,
          decidedAt: t.decidedAt,
        });
    }
    const insertAll = async <T>(entity: new () => T, values: Partial<T>[]) => {
      for (let i = 0; i < values.length; i += 500)
        await manager
          .createQueryBuilder()
          .insert()
          .into(entity)
          .values(values.slice(i, i + 500) as never)
          .orIgnore()
          .execute();
    };
    await insertAll(AuditEventEntity, audits);
    await insertAll(CheckInEntity, checkIns);
    await insertAll(EvaluationEntity, evaluations);
    await insertAll(DecisionEntity, decisions);
    // An iteration links its parent to it, as an iterate decision does.
    await manager.query(
      `WITH links AS (SELECT id, parent_id FROM experiments WHERE id = ANY($1::uuid[]) AND parent_id IS NOT NULL)
       , parents AS (UPDATE experiments p SET child_experiment_id = l.id FROM links l
                      WHERE p.id = l.parent_id AND p.child_experiment_id IS NULL RETURNING p.id)
       UPDATE decisions d SET child_experiment_id = l.id FROM links l
        WHERE d.experiment_id = l.parent_id AND d.child_experiment_id IS NULL`,
      [fresh.map((r) => r.experimentId)],
    );
    return inserted;
  }

  /** Consent collected outside the application, entered by whoever imported, as HR does by hand. */
  private participants(
    row: PreparedImportRow,
    job: Pick<ExperimentImportEntity, 'createdBy' | 'fileName'>,
    consentedAt: Date | null,
    now: Date,
  ): Participant[] {
    return row.participantIds.map((userId) =>
      row.consent && consentedAt && job.createdBy && row.state !== 'draft'
        ? {
            userId,
            consentedAt: consentedAt.toISOString(),
            onBehalf: {
              recordedBy: job.createdBy,
              recordedAt: now.toISOString(),
              method: row.consent.method,
              collectedOn: row.consent.collectedOn,
              note: `Importé du fichier « ${job.fileName} »`,
            },
          }
        : { userId, consentedAt: null },
    );
  }

  /** The workflow state of an imported test, as if it had lived in the application until now. */
  lifecycleData(
    row: PreparedImportRow,
    job: Pick<ExperimentImportEntity, 'organizationId' | 'createdBy' | 'fileName'>,
    settings: LifecycleSettings,
    now: Date,
  ): LifecycleData {
    const t = importTimeline(row, settings);
    const launched = row.state !== 'draft';
    const cadence = row.checkInCadenceDays ?? settings.defaultCheckInCadenceDays;
    return {
      experimentId: row.experimentId,
      organizationId: job.organizationId,
      createdBy: job.createdBy,
      state: row.state,
      version: 0,
      settings: launched ? settings : null,
      framing: launched
        ? {
            title: row.title,
            hypothesis: row.hypothesis,
            scope: row.scope,
            criteria: row.criteria,
            pilotIds: row.pilotIds,
            sponsorId: row.sponsorId,
            participants: this.participants(
              row,
              { createdBy: job.createdBy, fileName: job.fileName },
              t.consentedAt,
              now,
            ),
            expiresAt: iso(t.expiresAt),
            checkInCadenceDays: row.checkInCadenceDays,
            exitPlan: { pilotWithdrawal: '', takeover: '' },
          }
        : null,
      criteriaAtLaunch: launched ? row.criteria : [],
      amendments: [],
      launchedAt: iso(t.launchedAt),
      expiresAt: iso(t.expiresAt),
      originalExpiresAt: iso(t.expiresAt),
      extensionsUsed: 0,
      pendingExtension: null,
      checkInCadenceDays: launched ? cadence : null,
      lastCheckInAt:
        row.state === 'running'
          ? iso(importCheckInBase(t.lastCheckInAt ?? t.launchedAt, cadence, now))
          : iso(t.lastCheckInAt),
      checkInCount: row.lastCheckIn ? 1 : 0,
      missedCheckIns: 0,
      stoppedAt: iso(t.stoppedAt),
      stopKind: t.stopKind,
      evaluationDueAt: iso(t.evaluationDueAt),
      evaluationSubmittedAt: iso(t.evaluatedAt),
      verdict: row.evaluation?.verdict ?? null,
      decisionDueAt: row.state === 'deciding' ? iso(t.decisionDueAt) : null,
      outcome: null,
      childExperimentId: null,
      handledEvents: [],
      algeco: false,
    };
  }
}
