import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login protection shared by every API process: attempt counters in expiring windows
 * (per account and per client address), TOTP second factor with its recovery codes, and
 * the short-lived pending state between the password and the code.
 */
export class LoginSecurity1796546400000 implements MigrationInterface {
  name = 'LoginSecurity1796546400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "login_attempts" (
                "bucket" text NOT NULL,
                "window_start" timestamptz NOT NULL,
                "attempts" integer NOT NULL DEFAULT 0,
                "expires_at" timestamptz NOT NULL,
                CONSTRAINT "PK_login_attempts" PRIMARY KEY ("bucket", "window_start")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_login_attempts_expires_at" ON "login_attempts" ("expires_at")`,
    );
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "totp_secret" text,
            ADD "totp_pending_secret" text,
            ADD "totp_enabled_at" timestamptz,
            ADD "totp_last_step" bigint
        `);
    await queryRunner.query(`
            CREATE TABLE "recovery_codes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
                "code_hash" text NOT NULL,
                "used_at" timestamptz,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_recovery_codes" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_recovery_codes_user" ON "recovery_codes" ("user_id")`);
    await queryRunner.query(`
            CREATE TABLE "pending_logins" (
                "token_hash" text NOT NULL,
                "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
                "kind" text NOT NULL CHECK ("kind" IN ('cookie', 'token')),
                "attempts" integer NOT NULL DEFAULT 0,
                "expires_at" timestamptz NOT NULL,
                CONSTRAINT "PK_pending_logins" PRIMARY KEY ("token_hash")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pending_logins"`);
    await queryRunner.query(`DROP TABLE "recovery_codes"`);
    await queryRunner.query(`
            ALTER TABLE "users"
            DROP COLUMN "totp_last_step",
            DROP COLUMN "totp_enabled_at",
            DROP COLUMN "totp_pending_secret",
            DROP COLUMN "totp_secret"
        `);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
  }
}
