import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowFailedError } from '@temporalio/client';
import { DataSource, type FindOptionsSelect } from 'typeorm';
import {
  foldLabel,
  importRowContent,
  isPlatformAdmin,
  localDate,
  resolveLifecycleSettings,
  rolesIn,
  validateImportRows,
  type ExperimentState,
  type ImportReport,
  type PreparedImportRow,
  type Principal,
  type RawImportRow,
} from '@capacites/domain';
import { ExperimentImportEntity, OrganizationEntity } from '@capacites/persistence';
import {
  EXPERIMENT_IMPORT_WORKFLOW,
  importWorkflowId,
  type ExperimentImportInput,
  type ImportBatchResult,
} from '@capacites/workflows';
import { AuthException } from '../auth/auth.exception';
import { recordAdminEvent } from '../common/admin-audit';
import { TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE } from '../temporal/temporal.module';
import { ImportsErrorCode, importsRefusal } from './imports.exception';
import { readSpreadsheet } from './spreadsheet';

/** What identifies a row across files: its reference, or else its whole content. */
export function importRowKey(row: RawImportRow): string {
  const reference = (row.cells.reference ?? '').trim();
  return reference ? `ref:${reference}` : `row:${importRowContent(row)}`;
}

/** The experiment id of a row: derived from the organisation and the row's key (the same row, the same id). */
export function importedExperimentId(organizationId: string, key: string): string {
  const hex = createHash('sha256').update(`${organizationId}\n${key}`).digest('hex');
  // A UUID of version 8 (custom) with the RFC 4122 variant.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const toReport = (job: ExperimentImportEntity): ImportReport => ({
  id: job.id,
  organizationId: job.organizationId,
  fileName: job.fileName,
  status: job.status,
  totalRows: job.totalRows,
  byState: job.byState,
  alreadyImported: job.alreadyImported,
  errors: job.errors,
  processed: job.processed,
  created: job.createdCount,
  skipped: job.skippedCount,
  createdAt: job.createdAt.toISOString(),
  startedAt: job.startedAt?.toISOString() ?? null,
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

/** Columns of the report read for progress (never the rows, which may weigh megabytes). */
const REPORT_COLUMNS: FindOptionsSelect<ExperimentImportEntity> = {
  id: true,
  organizationId: true,
  createdBy: true,
  fileName: true,
  status: true,
  totalRows: true,
  byState: true,
  alreadyImported: true,
  errors: true,
  processed: true,
  createdCount: true,
  skippedCount: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
};

/**
 * Spreadsheet import of existing tests (issue 16, item 3). A file is first checked (the dry
 * run: nothing is written but the report), then run by the `experimentImport` workflow,
 * which writes its rows in batches in the worker and records its progress.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(TEMPORAL_TASK_QUEUE) private readonly taskQueue: string,
  ) {}

  /** HR of the organisation (and the platform admin) import; another organisation does not exist. */
  private async assertCanImport(organizationId: string, principal: Principal): Promise<void> {
    const member = isPlatformAdmin(principal) || rolesIn(principal, organizationId).length > 0;
    if (
      !member ||
      !(await this.dataSource.getRepository(OrganizationEntity).existsBy({ id: organizationId }))
    )
      throw importsRefusal(ImportsErrorCode.ORGANIZATION_NOT_FOUND, {}, [
        { field: 'organizationId', message: 'this organization does not exist' },
      ]);
    if (!isPlatformAdmin(principal) && !rolesIn(principal, organizationId).includes('hr'))
      throw AuthException.forbidden('importExperiments', ['hr', 'admin']);
  }

  /** The dry run of an uploaded file: its report, every bad cell by row and column. */
  async dryRun(
    organizationId: string,
    file: { originalname: string; buffer: Buffer } | undefined,
    principal: Principal,
  ): Promise<ImportReport> {
    await this.assertCanImport(organizationId, principal);
    if (!file || file.buffer.length === 0)
      throw importsRefusal(ImportsErrorCode.FILE_REQUIRED, {}, [
        { field: 'file', message: 'a file is required' },
      ]);
    const rows = await readSpreadsheet(file.originalname, file.buffer);
    return this.prepare(organizationId, file.originalname.slice(0, 255), rows, principal.userId);
  }

  /** Checks rows and records the report (and, when valid, the rows the run will write). */
  async prepare(
    organizationId: string,
    fileName: string,
    rows: RawImportRow[],
    createdBy: string | null,
  ): Promise<ImportReport> {
    const organization = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: organizationId });
    const settings = resolveLifecycleSettings(organization.settings, organization.timeZone);
    const people = new Map<string, string>(
      (
        (await this.dataSource.query(
          `SELECT DISTINCT lower(u.email) AS email, u.id FROM users u
             JOIN memberships m ON m.user_id = u.id
            WHERE m.organization_id = $1 AND u.disabled_at IS NULL`,
          [organizationId],
        )) as { email: string; id: string }[]
      ).map((p) => [p.email, p.id]),
    );
    const tracks = new Map<string, string>();
    for (const t of (await this.dataSource.query(
      `SELECT id, slug, name FROM tracks WHERE archived_at IS NULL AND (organization_id IS NULL OR organization_id = $1)`,
      [organizationId],
    )) as { id: string; slug: string; name: string }[]) {
      tracks.set(foldLabel(t.name), t.id);
      tracks.set(foldLabel(t.slug), t.id);
    }
    const idOf = (key: string) => importedExperimentId(organizationId, key);
    // Parents named by reference but not in the file: those imported earlier.
    const inFile = new Set(rows.map((r) => (r.cells.reference ?? '').trim()).filter(Boolean));
    const outside = [
      ...new Set(
        rows.map((r) => (r.cells.parentReference ?? '').trim()).filter((ref) => ref && !inFile.has(ref)),
      ),
    ];
    const known = new Map<string, { state: ExperimentState; iteration: number }>();
    if (outside.length > 0) {
      const found = (await this.dataSource.query(
        `SELECT id, state, iteration FROM experiments WHERE id = ANY($1::uuid[]) AND organization_id = $2`,
        [outside.map((ref) => idOf(`ref:${ref}`)), organizationId],
      )) as { id: string; state: ExperimentState; iteration: number }[];
      for (const ref of outside) {
        const row = found.find((f) => f.id === idOf(`ref:${ref}`));
        if (row) known.set(ref, { state: row.state, iteration: row.iteration });
      }
    }
    const validation = validateImportRows(rows, {
      people,
      tracks,
      today: localDate(new Date(), settings.timeZone),
      settings,
      knownReferences: new Map([...known].map(([ref, k]) => [ref, k.state])),
    });
    const byRow = new Map(rows.map((r) => [r.rowNumber, r]));
    const iterationOf = new Map<string, number>();
    const prepared: PreparedImportRow[] = validation.experiments.map((experiment) => {
      const experimentId = idOf(importRowKey(byRow.get(experiment.rowNumber) as RawImportRow));
      const parentId = experiment.parentReference ? idOf(`ref:${experiment.parentReference}`) : null;
      const parentIteration = experiment.parentReference
        ? (iterationOf.get(experiment.parentReference) ??
          known.get(experiment.parentReference)?.iteration ??
          1)
        : 0;
      const iteration = parentId ? parentIteration + 1 : 1;
      if (experiment.reference) iterationOf.set(experiment.reference, iteration);
      return { ...experiment, experimentId, parentId, iteration };
    });
    const existing = new Set<string>();
    for (let i = 0; i < prepared.length; i += 5000) {
      const found = (await this.dataSource.query(`SELECT id FROM experiments WHERE id = ANY($1::uuid[])`, [
        prepared.slice(i, i + 5000).map((p) => p.experimentId),
      ])) as { id: string }[];
      found.forEach((f) => existing.add(f.id));
    }
    const byState: Partial<Record<ExperimentState, number>> = {};
    for (const p of prepared)
      if (!existing.has(p.experimentId)) byState[p.state] = (byState[p.state] ?? 0) + 1;
    const invalid = validation.errors.length > 0;
    const job = await this.dataSource.getRepository(ExperimentImportEntity).save({
      id: randomUUID(),
      organizationId,
      createdBy,
      fileName,
      status: invalid ? 'invalid' : 'validated',
      totalRows: rows.length,
      // An invalid file is never run: its rows are not kept, only its report.
      rows: invalid ? [] : prepared,
      errors: validation.errors,
      byState,
      alreadyImported: existing.size,
      processed: 0,
      createdCount: 0,
      skippedCount: 0,
      startedAt: null,
      finishedAt: null,
    });
    return toReport(job);
  }

  async report(id: string, principal: Principal): Promise<ImportReport> {
    return toReport(await this.load(id, principal));
  }

  private async load(id: string, principal: Principal): Promise<ExperimentImportEntity> {
    const job = await this.dataSource
      .getRepository(ExperimentImportEntity)
      .findOne({ where: { id }, select: REPORT_COLUMNS });
    const readable =
      job && (isPlatformAdmin(principal) || rolesIn(principal, job.organizationId).includes('hr'));
    if (!job || !readable) throw importsRefusal(ImportsErrorCode.NOT_FOUND);
    return job;
  }

  /**
   * Starts the real run of a checked file (again: the same report, never a second run).
   * A file with bad cells is refused (409): nothing is half-imported.
   */
  async run(
    id: string,
    principal: Principal | null,
    options: Omit<ExperimentImportInput, 'importId'> = {},
  ): Promise<ImportReport> {
    const job = principal
      ? await this.load(id, principal)
      : await this.dataSource
          .getRepository(ExperimentImportEntity)
          .findOneOrFail({ where: { id }, select: REPORT_COLUMNS });
    if (job.status === 'invalid')
      throw importsRefusal(ImportsErrorCode.HAS_ERRORS, { errors: job.errors.length });
    if (job.status === 'validated') {
      const claimed = await this.dataSource.transaction(async (manager) => {
        const result = await manager.query(
          `UPDATE experiment_imports SET status = 'running', started_at = now() WHERE id = $1 AND status = 'validated' RETURNING id`,
          [id],
        );
        // Two clicks, one run: only the first claims it and is audited (UPDATE answers [rows, count]).
        const [updated] = result as [unknown[], number];
        if (updated.length === 0) return false;
        await recordAdminEvent(manager, {
          organizationId: job.organizationId,
          event: 'import.started',
          actorId: principal?.userId ?? null,
          details: { importId: id, fileName: job.fileName, rows: job.totalRows, byState: job.byState },
        });
        return true;
      });
      if (claimed) this.logger.log(`import ${id} started (${job.totalRows} rows)`);
    }
    await this.startWorkflow(id, options);
    return toReport(
      await this.dataSource
        .getRepository(ExperimentImportEntity)
        .findOneOrFail({ where: { id }, select: REPORT_COLUMNS }),
    );
  }

  /** Idempotent: the workflow id is the import's; a started or finished run is left as it is. */
  private async startWorkflow(id: string, input: Partial<ExperimentImportInput> = {}): Promise<void> {
    try {
      await this.temporal.workflow.start(EXPERIMENT_IMPORT_WORKFLOW, {
        workflowId: importWorkflowId(id),
        taskQueue: this.taskQueue,
        args: [{ importId: id, ...input }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if ((error as Error).name === 'WorkflowExecutionAlreadyStartedError') return;
      this.logger.error(`could not start import ${id}: ${String(error)}`);
      throw importsRefusal(ImportsErrorCode.WORKFLOW_UNAVAILABLE);
    }
  }

  /** Waits for a run to end (the demo seeding, tests); the back-office polls the report instead. */
  async waitFor(id: string): Promise<ImportBatchResult> {
    try {
      return await this.temporal.workflow.getHandle(importWorkflowId(id)).result();
    } catch (error) {
      if (error instanceof WorkflowFailedError)
        throw new Error(`import ${id} failed: ${error.cause?.message}`);
      throw error;
    }
  }
}
