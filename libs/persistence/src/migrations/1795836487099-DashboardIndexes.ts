import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the CODIR dashboard's queries (apps/api/src/dashboard), measured on 100,000
 * experiments. Partial indexes hold only the experiments in the state each query reads.
 * Scoped to some organisations, the existing (organization_id, state | expires_at) and
 * (organization_id, decided_at) indexes serve; these serve the queries over every
 * organisation. organization_id second on the due dates: a scoped query filters inside
 * the index instead of visiting other organisations' rows. Not CONCURRENTLY (the migration
 * runs in a transaction): at 100,000 experiments all six build in well under a second.
 */
export class DashboardIndexes1795836487099 implements MigrationInterface {
  name = 'DashboardIndexes1795836487099';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_running_expires" ON "experiments" ("expires_at")
            WHERE "state" = 'running'
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_evaluation_due" ON "experiments" ("evaluation_due_at", "organization_id")
            WHERE "state" = 'evaluating'
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_decision_due" ON "experiments" ("decision_due_at", "organization_id")
            WHERE "state" = 'deciding'
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_ongoing_launched" ON "experiments" ("launched_at", "id")
            WHERE "state" IN ('running', 'evaluating', 'deciding')
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_evaluations_org_on_time" ON "evaluations" ("organization_id", "on_time")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_decisions_decided" ON "decisions" ("decided_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_decisions_decided"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_evaluations_org_on_time"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_ongoing_launched"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_decision_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_evaluation_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_running_expires"
        `);
  }
}
