import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ExperimentState, ImportCellError, ImportReport } from '@capacites/domain';

/**
 * A spreadsheet import of existing tests: its dry-run report (rows ready, bad cells) and,
 * once run, its progress. `rows` holds the checked rows with the ids they get, so that a run
 * interrupted anywhere is resumed from `processed` (docs: README, "Import").
 */
@Entity({ name: 'experiment_imports' })
@Index('idx_experiment_imports_org', ['organizationId', 'createdAt'])
export class ExperimentImportEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  status!: ImportReport['status'];

  @Column({ name: 'total_rows', type: 'int', default: 0 })
  totalRows!: number;

  /** The rows that passed every rule, as the run will write them (PreparedImportRow). */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  rows!: unknown[];

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  errors!: ImportCellError[];

  @Column({ name: 'by_state', type: 'jsonb', default: () => "'{}'::jsonb" })
  byState!: Partial<Record<ExperimentState, number>>;

  @Column({ name: 'already_imported', type: 'int', default: 0 })
  alreadyImported!: number;

  @Column({ type: 'int', default: 0 })
  processed!: number;

  @Column({ name: 'created_count', type: 'int', default: 0 })
  createdCount!: number;

  @Column({ name: 'skipped_count', type: 'int', default: 0 })
  skippedCount!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/** What each row of a run gave: written by the first attempt, kept by every retry. */
@Entity({ name: 'experiment_import_rows' })
export class ExperimentImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ name: 'row_number', type: 'int' })
  rowNumber!: number;

  @Column({ name: 'experiment_id', type: 'uuid' })
  experimentId!: string;

  /** `created` by this import, or `existing` (imported earlier: nothing written). */
  @Column({ type: 'text' })
  outcome!: 'created' | 'existing';
}
