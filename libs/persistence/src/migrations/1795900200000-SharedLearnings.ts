import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learnings that an organisation chooses to share with the network (DOMAIN.md, "Roles":
 * an organisation never sees another's experiments, except these). Sharing is recorded
 * on the evaluation, with who shared it and when; an index serves the network's list.
 */
export class SharedLearnings1795900200000 implements MigrationInterface {
  name = 'SharedLearnings1795900200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "evaluations" ADD "learnings_shared_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluations" ADD "learnings_shared_by" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_evaluations_shared" ON "evaluations" ("learnings_shared_at")
                WHERE "learnings_shared_at" IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_evaluations_shared"`);
    await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "learnings_shared_by"`);
    await queryRunner.query(`ALTER TABLE "evaluations" DROP COLUMN "learnings_shared_at"`);
  }
}
