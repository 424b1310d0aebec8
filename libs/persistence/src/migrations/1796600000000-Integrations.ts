import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrations of an organisation (issue 16): webhook and chat endpoints, the messages and
 * their deliveries (a journal kept 7 days), each HTTP attempt, and service accounts (tokens
 * stored hashed). An email may now stand on its own, without a notification: the notice to
 * the organisation that an endpoint was disabled.
 */
export class Integrations1796600000000 implements MigrationInterface {
  name = 'Integrations1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "webhook_endpoints" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
                "name" text NOT NULL,
                "kind" text NOT NULL CHECK ("kind" IN ('webhook', 'tchap', 'mattermost', 'slack', 'teams')),
                "url" text NOT NULL,
                "room_id" text,
                "secret" text,
                "events" text[] NOT NULL,
                "disabled_at" timestamptz,
                "disabled_reason" text CHECK ("disabled_reason" IN ('failing', 'paused')),
                "last_success_at" timestamptz,
                "last_failure_at" timestamptz,
                "created_by" uuid,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_webhook_endpoints" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_endpoints_organization" ON "webhook_endpoints" ("organization_id")`,
    );
    await queryRunner.query(`
            CREATE TABLE "webhook_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
                "event_key" text NOT NULL,
                "type" text NOT NULL,
                "experiment_id" uuid,
                "payload" jsonb NOT NULL,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_webhook_messages" PRIMARY KEY ("id"),
                CONSTRAINT "UQ_webhook_messages_event_key" UNIQUE ("event_key")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_messages_created" ON "webhook_messages" ("created_at")`,
    );
    await queryRunner.query(`
            CREATE TABLE "webhook_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "message_id" uuid NOT NULL REFERENCES "webhook_messages"("id") ON DELETE CASCADE,
                "endpoint_id" uuid NOT NULL REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE,
                "organization_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'pending'
                    CHECK ("status" IN ('pending', 'delivered', 'failed', 'cancelled')),
                "attempts" integer NOT NULL DEFAULT 0,
                "last_status_code" integer,
                "last_error" text,
                "dispatched_at" timestamptz,
                "delivered_at" timestamptz,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"),
                CONSTRAINT "UQ_webhook_deliveries_message_endpoint" UNIQUE ("message_id", "endpoint_id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_deliveries_endpoint" ON "webhook_deliveries" ("endpoint_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_deliveries_organization" ON "webhook_deliveries" ("organization_id", "created_at")`,
    );
    await queryRunner.query(`
            CREATE TABLE "webhook_delivery_attempts" (
                "id" bigint GENERATED ALWAYS AS IDENTITY,
                "delivery_id" uuid NOT NULL REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE,
                "attempt" integer NOT NULL,
                "started_at" timestamptz NOT NULL,
                "duration_ms" integer NOT NULL,
                "status_code" integer,
                "error" text,
                "response_excerpt" text,
                "manual" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_webhook_delivery_attempts" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_delivery_attempts_delivery" ON "webhook_delivery_attempts" ("delivery_id", "attempt")`,
    );
    await queryRunner.query(`
            CREATE TABLE "service_accounts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
                "name" text NOT NULL,
                "scope" text NOT NULL CHECK ("scope" IN ('read', 'lifecycle')),
                "token_hash" text NOT NULL,
                "token_prefix" text NOT NULL,
                "expires_at" timestamptz NOT NULL,
                "revoked_at" timestamptz,
                "revoked_by" uuid,
                "last_used_at" timestamptz,
                "created_by" uuid,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_service_accounts" PRIMARY KEY ("id"),
                CONSTRAINT "UQ_service_accounts_token_hash" UNIQUE ("token_hash")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_service_accounts_organization" ON "service_accounts" ("organization_id")`,
    );
    await queryRunner.query(`ALTER TABLE "emails" ALTER COLUMN "notification_id" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "emails" WHERE "notification_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "emails" ALTER COLUMN "notification_id" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "service_accounts"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempts"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_messages"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
  }
}
