import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, items 1 and 6: personal calendar subscriptions (a secret token stored hashed,
 * one per person, renewable and revocable), the organisation's digest settings, and each
 * person's choice not to receive the digest. A digest's idempotency key is the notification's
 * unique dedupe key (`digest:<organisation>:<period>:<recipient>`); the partial index finds
 * an organisation's previous digest ("décidé depuis la dernière lettre").
 */
export class CalendarAndDigest1796560100000 implements MigrationInterface {
  name = 'CalendarAndDigest1796560100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "calendar_subscriptions" (
                "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
                "token_hash" text NOT NULL,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                "last_used_at" timestamptz,
                CONSTRAINT "PK_calendar_subscriptions" PRIMARY KEY ("user_id"),
                CONSTRAINT "UQ_calendar_subscriptions_token_hash" UNIQUE ("token_hash")
            )
        `);
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD "digest_settings" jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "digest_opted_out_at" timestamptz`);
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_digest" ON "notifications" ("organization_id", "created_at") WHERE "event" = 'digest'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_notifications_digest"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "digest_opted_out_at"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "digest_settings"`);
    await queryRunner.query(`DROP TABLE "calendar_subscriptions"`);
  }
}
