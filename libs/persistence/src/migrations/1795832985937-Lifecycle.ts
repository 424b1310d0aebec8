import { MigrationInterface, QueryRunner } from 'typeorm';

export class Lifecycle1795832985937 implements MigrationInterface {
  name = 'Lifecycle1795832985937';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "check_ins" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "idempotency_key" text NOT NULL,
                "organization_id" uuid NOT NULL,
                "experiment_id" uuid NOT NULL,
                "author_id" uuid,
                "weather" text NOT NULL,
                "progress" text NOT NULL,
                "blockers" text NOT NULL DEFAULT '',
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "UQ_2fba522be80d2f7d3ce242ae816" UNIQUE ("idempotency_key"),
                CONSTRAINT "PK_fac7f27bc829a454ad477c13f62" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_check_ins_experiment" ON "check_ins" ("experiment_id", "recorded_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "criteria_amendments" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "idempotency_key" text NOT NULL,
                "experiment_id" uuid NOT NULL,
                "criteria" jsonb NOT NULL,
                "reason" text NOT NULL,
                "amended_by" uuid,
                "amended_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "UQ_1c7063c2d218e7535bd072147f7" UNIQUE ("idempotency_key"),
                CONSTRAINT "PK_19f8e78821ff5ada527d467c8a9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_criteria_amendments_experiment" ON "criteria_amendments" ("experiment_id", "amended_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "decisions" (
                "experiment_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "outcome" text NOT NULL,
                "rationale" text NOT NULL,
                "handover" jsonb,
                "next_focus" text,
                "child_experiment_id" uuid,
                "on_time" boolean NOT NULL,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_0d4f2917c84e8ce9408e6dd25dc" PRIMARY KEY ("experiment_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_decisions_org_decided" ON "decisions" ("organization_id", "decided_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "emails" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "notification_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "to_address" text NOT NULL,
                "subject" text NOT NULL,
                "text" text NOT NULL,
                "status" text NOT NULL DEFAULT 'outbox',
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_cba1dce3b583d27676f9f99b8d9" UNIQUE ("notification_id"),
                CONSTRAINT "PK_a54dcebef8d05dca7e839749571" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_emails_status" ON "emails" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "evaluations" (
                "experiment_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "verdict" text NOT NULL,
                "criterion_results" jsonb NOT NULL,
                "users_voice" jsonb NOT NULL,
                "learnings" text NOT NULL,
                "criteria_at_launch" jsonb NOT NULL,
                "amendments" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "on_time" boolean NOT NULL,
                "submitted_by" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_a9a38f549b044999991f6e8033a" PRIMARY KEY ("experiment_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "dedupe_key" text NOT NULL,
                "organization_id" uuid NOT NULL,
                "experiment_id" uuid,
                "recipient_id" uuid NOT NULL,
                "event" text NOT NULL,
                "subject" text NOT NULL,
                "body" text NOT NULL,
                "link" text NOT NULL,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_1ce34a3c9fd97cd56bcb734ca9e" UNIQUE ("dedupe_key"),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notifications_recipient" ON "notifications" ("recipient_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "hypothesis_needs_revision" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "next_focus" text
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "sponsor_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "pilot_ids" uuid array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "participants" jsonb NOT NULL DEFAULT '[]'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "criteria" jsonb NOT NULL DEFAULT '[]'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "check_in_cadence_days" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "exit_plan" jsonb NOT NULL DEFAULT '{"pilotWithdrawal":"","takeover":""}'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "settings_snapshot" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "launched_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "original_expires_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "extensions_used" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "stopped_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "stop_kind" text
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "evaluation_due_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "decision_due_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "algeco" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "last_check_in_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "last_weather" text
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "missed_check_ins" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments"
            ADD "child_experiment_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ALTER COLUMN "settings"
            SET DEFAULT '{}'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_events"
            ALTER COLUMN "details"
            SET DEFAULT '{}'::jsonb
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_parent" ON "experiments" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_org_expires" ON "experiments" ("organization_id", "expires_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "check_ins"
            ADD CONSTRAINT "FK_c16f46649005bd774df456b5aed" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "decisions"
            ADD CONSTRAINT "FK_0d4f2917c84e8ce9408e6dd25dc" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluations"
            ADD CONSTRAINT "FK_a9a38f549b044999991f6e8033a" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "evaluations" DROP CONSTRAINT "FK_a9a38f549b044999991f6e8033a"
        `);
    await queryRunner.query(`
            ALTER TABLE "decisions" DROP CONSTRAINT "FK_0d4f2917c84e8ce9408e6dd25dc"
        `);
    await queryRunner.query(`
            ALTER TABLE "check_ins" DROP CONSTRAINT "FK_c16f46649005bd774df456b5aed"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_org_expires"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_experiments_parent"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_events"
            ALTER COLUMN "details"
            SET DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ALTER COLUMN "settings"
            SET DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "child_experiment_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "missed_check_ins"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "last_weather"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "last_check_in_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "algeco"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "decision_due_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "evaluation_due_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "stop_kind"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "stopped_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "extensions_used"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "original_expires_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "launched_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "settings_snapshot"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "exit_plan"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "check_in_cadence_days"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "criteria"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "participants"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "pilot_ids"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "sponsor_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "next_focus"
        `);
    await queryRunner.query(`
            ALTER TABLE "experiments" DROP COLUMN "hypothesis_needs_revision"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notifications_recipient"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP TABLE "evaluations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_emails_status"
        `);
    await queryRunner.query(`
            DROP TABLE "emails"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_decisions_org_decided"
        `);
    await queryRunner.query(`
            DROP TABLE "decisions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_criteria_amendments_experiment"
        `);
    await queryRunner.query(`
            DROP TABLE "criteria_amendments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_check_ins_experiment"
        `);
    await queryRunner.query(`
            DROP TABLE "check_ins"
        `);
  }
}
