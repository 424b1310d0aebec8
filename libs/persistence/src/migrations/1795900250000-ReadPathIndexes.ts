import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes found missing by the benchmarks (docs/benchmarks.md) at 100,000 experiments:
 * - an experiment's timeline counted its notices with a sequential scan of every
 *   notification (240 ms with 1.6 million of them; 0.5 ms with the index);
 * - the experiments list in its default order (newest first) over every organisation,
 *   the platform admin's first screen, sorted the whole table (135 ms; 0.4 ms);
 * - the dashboard's counts over every organisation read the whole experiments table,
 *   whose rows are wide (framing, criteria, settings): the (organization_id, state) index
 *   now carries the track and the latest weather, and the due-date indexes what the
 *   alerts show, so that those queries are index-only scans (78 → 23 ms, 54 → 5 ms,
 *   27 → 5 ms).
 * Not CONCURRENTLY (the migration runs in a transaction): at that size all build in
 * about a second.
 */
export class ReadPathIndexes1795900250000 implements MigrationInterface {
  name = 'ReadPathIndexes1795900250000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "idx_notifications_experiment" ON "notifications" ("experiment_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_created" ON "experiments" ("created_at" DESC NULLS LAST, "id")
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_org_state"
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_org_state" ON "experiments" ("organization_id", "state")
            INCLUDE ("track_id", "last_weather")
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_evaluation_due"
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_evaluation_due" ON "experiments" ("evaluation_due_at", "organization_id")
            INCLUDE ("id", "title", "algeco")
            WHERE "state" = 'evaluating'
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_decision_due"
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_decision_due" ON "experiments" ("decision_due_at", "organization_id")
            INCLUDE ("id", "title", "algeco")
            WHERE "state" = 'deciding'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_decision_due"
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_decision_due" ON "experiments" ("decision_due_at", "organization_id")
            WHERE "state" = 'deciding'
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_evaluation_due"
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_evaluation_due" ON "experiments" ("evaluation_due_at", "organization_id")
            WHERE "state" = 'evaluating'
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_org_state"
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_org_state" ON "experiments" ("organization_id", "state")
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notifications_experiment"
        `);
  }
}
