import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Test templates (shared or per organisation, per track), the organisations' "template
 * required for this track" rules, and the provenance of a draft: the template it came from
 * and the original it replicates (another organisation's test).
 */
export class TemplatesAndReplication1796600000000 implements MigrationInterface {
  name = 'TemplatesAndReplication1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "experiment_templates" (
                "id" uuid NOT NULL,
                "organization_id" uuid REFERENCES "organizations"("id") ON DELETE CASCADE,
                "track_id" uuid NOT NULL REFERENCES "tracks"("id") ON DELETE RESTRICT,
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "hypothesis" text NOT NULL DEFAULT '',
                "vision" text NOT NULL DEFAULT '',
                "scope" text NOT NULL DEFAULT '',
                "criteria" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "duration_days" integer CHECK ("duration_days" BETWEEN 1 AND 1095),
                "check_in_cadence_days" integer CHECK ("check_in_cadence_days" BETWEEN 1 AND 90),
                "exit_plan" jsonb NOT NULL DEFAULT '{"pilotWithdrawal":"","takeover":""}'::jsonb,
                "questionnaires" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "archived_at" timestamptz,
                "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                "updated_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_experiment_templates" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_experiment_templates_scope" ON "experiment_templates" ("organization_id", "track_id")`,
    );
    await queryRunner.query(`
            CREATE TABLE "template_requirements" (
                "id" uuid NOT NULL,
                "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
                "track_id" uuid NOT NULL REFERENCES "tracks"("id") ON DELETE CASCADE,
                "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_template_requirements" PRIMARY KEY ("id"),
                CONSTRAINT "uq_template_requirements" UNIQUE ("organization_id", "track_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "template_id" uuid REFERENCES "experiment_templates"("id") ON DELETE SET NULL,
            ADD "replicated_from_id" uuid REFERENCES "experiments"("id") ON DELETE SET NULL
        `);
    // The original's count of replicas reads them by this column.
    await queryRunner.query(
      `CREATE INDEX "idx_experiments_replicated_from" ON "experiments" ("replicated_from_id") WHERE "replicated_from_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_experiments_replicated_from"`);
    await queryRunner.query(
      `ALTER TABLE "experiments" DROP COLUMN "replicated_from_id", DROP COLUMN "template_id"`,
    );
    await queryRunner.query(`DROP TABLE "template_requirements"`);
    await queryRunner.query(`DROP TABLE "experiment_templates"`);
  }
}
