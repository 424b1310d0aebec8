import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Launch approval (four-eyes): a draft whose launch waits for the sponsor's or CODIR's
 * approval, projected from its workflow (when, by whom). The index serves the dashboard's
 * and the list's "awaiting approval" filter, and "my tasks" of the approvers.
 */
export class LaunchApproval1796640000000 implements MigrationInterface {
  name = 'LaunchApproval1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "launch_requested_at" timestamptz,
            ADD "launch_requested_by" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_launch_requested" ON "experiments" ("organization_id", "launch_requested_at")
             WHERE "launch_requested_at" IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_experiments_launch_requested"`);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            DROP COLUMN "launch_requested_by",
            DROP COLUMN "launch_requested_at"
        `);
  }
}
