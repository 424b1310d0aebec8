import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questionnaires on a test and their responses (issue 14). A public response holds a hash of
 * the browser's token and nothing else about the person; a participant's, its user (one each).
 */
export class Questionnaires1796570000000 implements MigrationInterface {
  name = 'Questionnaires1796570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "questionnaires" (
                "id" uuid NOT NULL,
                "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
                "experiment_id" uuid NOT NULL REFERENCES "experiments"("id") ON DELETE CASCADE,
                "title" text NOT NULL,
                "intro" text NOT NULL DEFAULT '',
                "audience" text NOT NULL CHECK ("audience" IN ('participants', 'public')),
                "window_kind" text NOT NULL CHECK ("window_kind" IN ('run', 'evaluation', 'custom')),
                "window_opens_on" date,
                "window_closes_on" date,
                "status" text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'scheduled', 'open', 'closed')),
                "opens_at" timestamptz,
                "closes_at" timestamptz,
                "questions" jsonb NOT NULL DEFAULT '[]',
                "public_code" text,
                "expected_count" integer,
                "created_by" uuid,
                "published_at" timestamptz,
                "closed_at" timestamptz,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                "updated_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_questionnaires" PRIMARY KEY ("id"),
                CONSTRAINT "UQ_questionnaires_public_code" UNIQUE ("public_code")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_questionnaires_experiment" ON "questionnaires" ("experiment_id", "created_at")`,
    );
    await queryRunner.query(`
            CREATE TABLE "questionnaire_responses" (
                "id" uuid NOT NULL,
                "questionnaire_id" uuid NOT NULL REFERENCES "questionnaires"("id") ON DELETE CASCADE,
                "organization_id" uuid NOT NULL,
                "respondent_user_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
                "respondent_key" text,
                "answers" jsonb NOT NULL,
                "submitted_at" timestamptz NOT NULL,
                "updated_at" timestamptz NOT NULL,
                CONSTRAINT "PK_questionnaire_responses" PRIMARY KEY ("id")
            )
        `);
    // One response per participant, and per browser token for the public: a double submit records one.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_questionnaire_responses_user" ON "questionnaire_responses" ("questionnaire_id", "respondent_user_id") WHERE "respondent_user_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_questionnaire_responses_key" ON "questionnaire_responses" ("questionnaire_id", "respondent_key") WHERE "respondent_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_questionnaire_responses_submitted" ON "questionnaire_responses" ("questionnaire_id", "submitted_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "questionnaire_responses"`);
    await queryRunner.query(`DROP TABLE "questionnaires"`);
  }
}
