import { MigrationInterface, QueryRunner } from 'typeorm';

/** Spreadsheet imports of existing tests: the dry-run report, the rows, the run's progress. */
export class ExperimentImports1796630000000 implements MigrationInterface {
  name = 'ExperimentImports1796630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "experiment_imports" (
                "id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "created_by" uuid,
                "file_name" text NOT NULL,
                "status" text NOT NULL,
                "total_rows" integer NOT NULL DEFAULT 0,
                "rows" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "errors" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "by_state" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "already_imported" integer NOT NULL DEFAULT 0,
                "processed" integer NOT NULL DEFAULT 0,
                "created_count" integer NOT NULL DEFAULT 0,
                "skipped_count" integer NOT NULL DEFAULT 0,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                "started_at" timestamptz,
                "finished_at" timestamptz,
                CONSTRAINT "PK_experiment_imports" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_experiment_imports_org" ON "experiment_imports" ("organization_id", "created_at")`,
    );
    await queryRunner.query(`
            CREATE TABLE "experiment_import_rows" (
                "import_id" uuid NOT NULL,
                "row_number" integer NOT NULL,
                "experiment_id" uuid NOT NULL,
                "outcome" text NOT NULL,
                CONSTRAINT "PK_experiment_import_rows" PRIMARY KEY ("import_id", "row_number")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "experiment_import_rows"`);
    await queryRunner.query(`DROP INDEX "idx_experiment_imports_org"`);
    await queryRunner.query(`DROP TABLE "experiment_imports"`);
  }
}
